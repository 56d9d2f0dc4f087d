package dev.fieldpoll.slack;

import static dev.fieldpoll.slack.SlackRequests.buttonPress;
import static dev.fieldpoll.slack.SlackRequests.interactive;
import static dev.fieldpoll.slack.SlackRequests.slashCommand;
import static dev.fieldpoll.slack.SlackRequests.submission;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.ResultsVisibility;
import dev.fieldpoll.testing.Eventually;
import dev.fieldpoll.testing.Golden;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The poll message's Edit button on Slack end to end, the real wiring and Bolt app in HTTP mode
 * against {@link FakeSlack}: the creator's press opens the prefilled form (views.open), its
 * view_submission changes the poll like a typed /poll edit and redraws the message; refusals
 * (another member, a bad rename) come back as errors beside the input.
 */
class SlackEditFormTest {

    private static final String TEAM = FakeSlack.TEAM;
    private static final String GENERAL = "C0GENERAL";
    private static final String ADMIN = "U0ADMIN";
    private static final String ALICE = "U0ALICE";
    private static final String BOB = "U0BOB";
    private static final String REFUSAL = "Only the member who started \\\"Plans\\\" or an admin can edit it.";

    @TempDir
    Path folder;

    /** Alice's poll #1 (Alpha, Beta on Impact) with Bob's vote on Alpha; the ts of its message. */
    private static String pollWithAVote(SlackHarness harness) throws Exception {
        harness.requests.send(slashCommand(
                TEAM,
                GENERAL,
                ALICE,
                "create Plans fields:\"Alpha; Beta\" factors:\"Impact\"",
                harness.slack.responseUrl("create"),
                harness.requests.trigger()));
        String ts = Eventually.value(() -> harness.wiring.store().messageId(1), found -> true, "the poll message");
        harness.requests.send(slashCommand(
                TEAM,
                GENERAL,
                BOB,
                "vote alpha impact=4",
                harness.slack.responseUrl("vote"),
                harness.requests.trigger()));
        assertThat(harness.wiring.store().ballot(1, BOB).answers()).hasSize(1);
        return ts;
    }

    private static void press(SlackHarness harness, String user, String ts, String answerName) throws Exception {
        harness.requests.send(interactive(buttonPress(
                TEAM,
                GENERAL,
                user,
                "fp1:edit:1",
                ts,
                harness.slack.responseUrl(answerName),
                harness.requests.trigger())));
    }

    private static String pretty(JsonNode json) throws Exception {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n";
    }

    @Test
    void the_creators_form_opens_prefilled_and_its_submission_changes_the_poll() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder, ADMIN)) {
            String ts = pollWithAVote(harness);

            press(harness, ALICE, ts, "alice-edit");
            JsonNode view = harness.slack.await("views.open").json("view");
            Golden.assertMatches("slack/edit-form.json", pretty(view));
            assertThat(view.path("private_metadata").asText()).isEqualTo("fp1:edit:1@" + GENERAL);
            assertThat(view.toString()).contains("\"initial_value\":\"Plans\"").contains("\"value\":\"after-vote\"");

            HttpResponse<String> bad =
                    harness.requests.send(interactive(submission(TEAM, ALICE, view, Map.of("rename", "Alpha"))));
            assertThat(bad.body()).contains("\"response_action\":\"errors\"").contains("\"rename\"");

            HttpResponse<String> saved = harness.requests.send(interactive(submission(
                    TEAM,
                    ALICE,
                    view,
                    Map.of(
                            "add", "Gamma\nDelta",
                            "remove", "Beta",
                            "rename", "Alpha => Alef",
                            "results", "live"))));

            assertThat(saved.statusCode()).isEqualTo(200);
            assertThat(saved.body()).doesNotContain("errors");
            FakeSlack.Call redrawn = harness.slack.await(
                    "chat.update",
                    call -> ts.equals(call.param("ts")) && call.param("blocks").contains("Gamma"));
            assertThat(redrawn.param("blocks"))
                    .contains("Alef")
                    .contains("Delta")
                    .doesNotContain("Beta");
            FakeSlack.Call told = harness.slack.await(
                    "chat.postEphemeral", call -> call.param("text").contains("Field Gamma added"));
            assertThat(told.param("user")).isEqualTo(ALICE);
            assertThat(told.param("channel")).isEqualTo(GENERAL);
            assertThat(harness.wiring
                            .store()
                            .findById(1)
                            .orElseThrow()
                            .definition()
                            .fields())
                    .extracting(Field::name)
                    .containsExactly("Alef", "Gamma", "Delta");
            assertThat(harness.wiring.store().findById(1).orElseThrow().visibility())
                    .isEqualTo(ResultsVisibility.LIVE);
            assertThat(harness.wiring.store().ballot(1, BOB).answers()).hasSize(1);
        }
    }

    @Test
    void another_member_gets_the_typed_commands_refusal_on_press_and_on_a_forged_submission() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder, ADMIN)) {
            String ts = pollWithAVote(harness);

            press(harness, BOB, ts, "bob-edit");
            assertThat(harness.slack.awaitAnswer("bob-edit").body().toString()).contains(REFUSAL);
            assertThat(harness.slack.calls("views.open")).isEmpty();

            press(harness, ALICE, ts, "alice-edit");
            JsonNode view = harness.slack.await("views.open").json("view");
            HttpResponse<String> forged =
                    harness.requests.send(interactive(submission(TEAM, BOB, view, Map.of("add", "Sneaky"))));

            assertThat(forged.body())
                    .contains("\"response_action\":\"errors\"")
                    .contains("\"add\"")
                    .contains("Only the member who started");
            assertThat(harness.wiring
                            .store()
                            .findById(1)
                            .orElseThrow()
                            .definition()
                            .fields())
                    .extracting(Field::name)
                    .containsExactly("Alpha", "Beta");
        }
    }
}
