package dev.fieldpoll.slack;

import static dev.fieldpoll.slack.SlackRequests.buttonPress;
import static dev.fieldpoll.slack.SlackRequests.interactive;
import static dev.fieldpoll.slack.SlackRequests.slashCommand;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldpoll.poll.NewPoll;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.ResultsVisibility;
import dev.fieldpoll.poll.Workspace;
import dev.fieldpoll.testing.Eventually;
import dev.fieldpoll.testing.Golden;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The App Home tab end to end (real wiring and Bolt in HTTP mode against {@link FakeSlack}):
 * app_home_opened → views.publish with the open polls of the member's channels, whether they voted,
 * and the summary schedules for admins only; never a poll of another workspace or of a channel the
 * member is not in; the tab's Vote button opens the ballot through the usual vote action.
 */
class SlackAppHomeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEAM = FakeSlack.TEAM;
    private static final String GENERAL = "C0GENERAL";
    private static final String RANDOM = "C0RANDOM";
    private static final String SECRET = "C0SECRET";
    private static final String ADMIN = "U0ADMIN";
    private static final String ALICE = "U0ALICE";
    private static final String BOB = "U0BOB";

    @TempDir
    Path folder;

    private static void command(SlackHarness harness, String channel, String user, String text, String name)
            throws Exception {
        harness.requests.send(
                slashCommand(TEAM, channel, user, text, harness.slack.responseUrl(name), harness.requests.trigger()));
    }

    private static String appHomeOpened(String user) {
        ObjectNode event = JSON.createObjectNode();
        event.put("type", "app_home_opened")
                .put("user", user)
                .put("channel", "D0" + user)
                .put("tab", "home")
                .put("event_ts", "1764237600.000300");
        return SlackRequests.event(TEAM, event);
    }

    /** What views.publish drew for the member, the latest time. */
    private static JsonNode homeOf(SlackHarness harness, String user) throws Exception {
        HttpResponse<String> acked = harness.requests.send(appHomeOpened(user));
        assertThat(acked.statusCode()).isEqualTo(200);
        FakeSlack.Call published = harness.slack.await("views.publish", call -> user.equals(call.param("user_id")));
        return published.json("view");
    }

    private static String pretty(JsonNode json) throws Exception {
        return JSON.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n";
    }

    @Test
    void the_home_tab_lists_the_members_open_polls_with_their_vote_and_schedules_for_admins_only() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder, ADMIN)) {
            // given polls in #general (Bob voted), #random, a secret channel, a closed one, and another workspace's
            command(harness, GENERAL, ALICE, "create Plans fields:\"Alpha; Beta\" factors:\"Impact\"", "c1");
            Eventually.value(() -> harness.wiring.store().messageId(1), found -> true, "poll #1 posted");
            command(harness, RANDOM, ALICE, "create Lunch fields:\"Soup; Salad\" factors:\"Taste\"", "c2");
            Eventually.value(() -> harness.wiring.store().messageId(2), found -> true, "poll #2 posted");
            command(harness, SECRET, ALICE, "create Secret fields:\"X; Y\" factors:\"Z\"", "c3");
            Eventually.value(() -> harness.wiring.store().messageId(3), found -> true, "poll #3 posted");
            command(harness, GENERAL, ALICE, "create Closed fields:\"P; Q\" factors:\"R\"", "c4");
            Eventually.value(() -> harness.wiring.store().messageId(4), found -> true, "poll #4 posted");
            command(harness, GENERAL, ALICE, "close #4", "close");
            assertThat(harness.wiring.store().findById(4).orElseThrow().closedAt())
                    .isNotNull();
            command(harness, GENERAL, BOB, "vote poll:1 alpha impact=4", "vote");
            assertThat(harness.wiring.store().ballot(1, BOB).answers()).hasSize(1);
            Poll plans = harness.wiring.store().findById(1).orElseThrow();
            harness.wiring
                    .store()
                    .create(new NewPoll(
                            new Workspace(Platform.SLACK, "T0OTHER"),
                            GENERAL,
                            "Elsewhere",
                            null,
                            plans.definition(),
                            ResultsVisibility.LIVE,
                            ALICE,
                            plans.createdAt(),
                            null,
                            null,
                            false,
                            false))
                    .toCompletableFuture()
                    .join();
            // (a command's ack carries its answer, so it is saved once sent)
            command(harness, GENERAL, ADMIN, "summary schedule monday 09:00", "schedule");
            harness.slack.putMemberIn(BOB, GENERAL, RANDOM);
            harness.slack.putMemberIn(ADMIN, GENERAL);

            // when Bob opens the Home tab
            JsonNode bobs = homeOf(harness, BOB);

            // then he sees #general's and #random's open polls, voted or not, and no schedules
            Golden.assertMatches("slack/app-home.json", pretty(bobs));
            String text = bobs.toString();
            assertThat(text)
                    .contains("*Plans* (poll #1) in <#C0GENERAL>")
                    .contains("*Lunch* (poll #2) in <#C0RANDOM>")
                    .contains("fp1:vote:1@C0GENERAL")
                    .doesNotContain("Secret")
                    .doesNotContain("Closed")
                    .doesNotContain("Elsewhere")
                    .doesNotContain("Weekly summaries");
            assertThat(text.indexOf("you have voted"))
                    .as("Plans (voted) is listed after Lunch (not voted), newest first")
                    .isGreaterThan(text.indexOf("you have not voted yet"));

            // when the admin opens it: the polls of his channel and the schedules
            JsonNode admins = homeOf(harness, ADMIN);
            assertThat(admins.toString())
                    .contains("Plans")
                    .doesNotContain("Lunch")
                    .contains("Weekly summaries (admins)")
                    .contains("<#C0GENERAL>: every Monday at 09:00");

            // and Bob's Vote on the tab opens his ballot through the vote action
            harness.requests.send(interactive(homePress(
                    buttonPress(TEAM, GENERAL, BOB, "fp1:vote:2@C0RANDOM", null, null, harness.requests.trigger()))));
            JsonNode ballot = harness.slack.await("views.open").json("view");
            assertThat(ballot.path("private_metadata").asText()).endsWith("@" + RANDOM);
            assertThat(ballot.toString()).contains("Lunch");
        }
    }

    /** A press on the Home tab: Slack names no channel and no message, and gives no response_url. */
    private static ObjectNode homePress(ObjectNode press) {
        press.remove("channel");
        press.remove("message");
        press.putArray("response_urls");
        press.remove("response_url");
        press.putObject("container").put("type", "view").put("view_id", "V0HOME");
        press.putObject("view").put("id", "V0HOME").put("type", "home");
        return press;
    }
}
