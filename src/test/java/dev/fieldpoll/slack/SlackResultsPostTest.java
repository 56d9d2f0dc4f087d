package dev.fieldpoll.slack;

import static dev.fieldpoll.slack.SlackRequests.slashCommand;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.CommandParser;
import dev.fieldpoll.bot.ParseResult;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.testing.Eventually;
import dev.fieldpoll.testing.Golden;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The results post at close on Slack end to end: the real wiring and Bolt app in HTTP mode, and
 * {@link FakeSlack}. A poll closed by an admin or by its time gets exactly one reply in its
 * message's thread, also sent to the channel, with the chart uploaded in that thread; below
 * min-voters the reply says too few voted; a live poll's message shows its top three.
 */
class SlackResultsPostTest {

    private static final String TEAM = FakeSlack.TEAM;
    private static final String GENERAL = "C0GENERAL";
    private static final String ADMIN = "U0ADMIN";

    @TempDir
    Path folder;

    private static String pollMessageTs(SlackHarness harness, String title) throws Exception {
        harness.requests.send(slashCommand(
                TEAM,
                GENERAL,
                "U0ALICE",
                "create " + title,
                harness.slack.responseUrl("create"),
                harness.requests.trigger()));
        harness.slack.await("chat.postMessage");
        return Eventually.value(() -> harness.wiring.store().messageId(1), ts -> true, "the poll message recorded");
    }

    private static void say(Wiring wiring, String user, String line) {
        wiring.bot()
                .handle(
                        new Caller(Platform.SLACK, TEAM, GENERAL, user, user.equals(ADMIN)),
                        ((ParseResult.Parsed) new CommandParser().parse(line)).command())
                .toCompletableFuture()
                .join();
    }

    private static void fourVoters(Wiring wiring) {
        for (String voter : List.of("U0A", "U0B", "U0C", "U0D")) {
            say(wiring, voter, "/poll vote evals feedback=5 economic=4");
            say(wiring, voter, "/poll vote agent feedback=1 economic=2");
        }
    }

    private static boolean isResultsPost(FakeSlack.Call call) {
        return call.param("thread_ts") != null;
    }

    private static List<FakeSlack.Call> resultsPostsAfterEveryCheck(SlackHarness harness) {
        harness.wiring.pollMessages().checkClosings().join();
        harness.wiring.resultsPostJob().runDue().join();
        return harness.slack.calls("chat.postMessage").stream()
                .filter(SlackResultsPostTest::isResultsPost)
                .toList();
    }

    private static String pretty(JsonNode blocks) throws Exception {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(blocks) + "\n";
    }

    /** Waits until the poll's message was redrawn (debounced) and returns the newest redraw. */
    private static FakeSlack.Call redrawn(SlackHarness harness, String ts, String containing) throws Exception {
        return harness.slack.await(
                "chat.update",
                call -> ts.equals(call.param("ts")) && call.param("blocks").contains(containing));
    }

    @Test
    void a_poll_closed_by_an_admin_gets_one_threaded_broadcast_reply_with_its_chart_in_the_thread() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder, ADMIN)) {
            String ts = pollMessageTs(harness, "Which fields first?");
            fourVoters(harness.wiring);

            say(harness.wiring, ADMIN, "/poll close");

            FakeSlack.Call post = harness.slack.await("chat.postMessage", SlackResultsPostTest::isResultsPost);
            assertThat(post.param("thread_ts")).isEqualTo(ts);
            assertThat(post.param("reply_broadcast")).isEqualTo("1");
            assertThat(post.param("text")).startsWith("Results of poll #1: Which fields first?. First: ");
            Golden.assertMatches("slack/results-post.json", pretty(post.json("blocks")));
            FakeSlack.Call chart = harness.slack.await("files.completeUploadExternal");
            assertThat(chart.param("thread_ts")).as("the chart in the thread").isEqualTo(ts);
            assertThat(chart.param("channel_id")).isEqualTo(GENERAL);
            assertThat(resultsPostsAfterEveryCheck(harness)).hasSize(1);
            // the poll message's Results button now opens the post
            FakeSlack.Call closed = redrawn(harness, ts, "slack.com/archives/");
            assertThat(closed.param("blocks")).contains("The results are posted in this thread");
        }
    }

    @Test
    void a_poll_closed_by_its_time_while_running_is_posted_once() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder, ADMIN)) {
            pollMessageTs(harness, "Quick one closes:1h");
            fourVoters(harness.wiring);

            harness.clock.advance(Duration.ofMinutes(61));
            harness.wiring.pollMessages().checkClosings().join();

            FakeSlack.Call post = harness.slack.await("chat.postMessage", SlackResultsPostTest::isResultsPost);
            assertThat(post.param("blocks")).contains("Ranking").doesNotContain("Posted late");
            harness.slack.await("files.completeUploadExternal");
            assertThat(resultsPostsAfterEveryCheck(harness)).hasSize(1);
        }
    }

    @Test
    void a_poll_below_min_voters_gets_the_too_few_post() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder, ADMIN)) {
            pollMessageTs(harness, "\"Lonely\"");
            say(harness.wiring, "U0A", "/poll vote evals feedback=5 economic=4");

            say(harness.wiring, ADMIN, "/poll close");

            FakeSlack.Call post = harness.slack.await("chat.postMessage", SlackResultsPostTest::isResultsPost);
            assertThat(post.param("blocks")).contains("It closed with 1 voter, too few to show results (3 needed");
            assertThat(resultsPostsAfterEveryCheck(harness)).hasSize(1);
            assertThat(harness.slack.calls("files.completeUploadExternal")).isEmpty();
        }
    }

    @Test
    void a_live_polls_message_shows_its_top_three_and_updates_after_votes() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder, ADMIN)) {
            String ts = pollMessageTs(harness, "Live one results:live");

            fourVoters(harness.wiring);

            FakeSlack.Call update = redrawn(harness, ts, "Top so far");
            assertThat(update.param("blocks")).contains("1. *Evals* · rank ").contains("4 voters");
        }
    }

    @Test
    void a_post_slack_refuses_is_retried_after_a_pause_and_arrives_once() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder, ADMIN)) {
            String ts = pollMessageTs(harness, "Which fields first?");
            fourVoters(harness.wiring);
            harness.slack.failNext("chat.postMessage", "internal_error");

            say(harness.wiring, ADMIN, "/poll close");

            // the refused attempt, then the retry the backoff scheduled (2 s later), then the chart
            FakeSlack.Call chart = harness.slack.await("files.completeUploadExternal");
            assertThat(chart.param("thread_ts")).isEqualTo(ts);
            List<FakeSlack.Call> attempts = resultsPostsAfterEveryCheck(harness);
            assertThat(attempts).hasSize(2);
            assertThat(harness.slack.calls("files.completeUploadExternal")).hasSize(1);
        }
    }
}
