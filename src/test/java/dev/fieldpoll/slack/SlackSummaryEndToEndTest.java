package dev.fieldpoll.slack;

import static dev.fieldpoll.slack.SlackRequests.buttonPress;
import static dev.fieldpoll.slack.SlackRequests.interactive;
import static dev.fieldpoll.slack.SlackRequests.slashCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.CommandParser;
import dev.fieldpoll.bot.ParseResult;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.report.ChartRenderer;
import dev.fieldpoll.report.GroupChartRenderer;
import dev.fieldpoll.summary.Backoff;
import dev.fieldpoll.summary.ClosingReminder;
import dev.fieldpoll.summary.SummaryBuilder;
import dev.fieldpoll.summary.SummaryJob;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weekly summaries and closing reminders end to end: the real wiring (temporary SQLite file, hand-moved
 * clock), the real Bolt app in HTTP mode, signed slash commands, and {@link FakeSlack} recording the
 * posts and the three calls of each chart upload.
 */
class SlackSummaryEndToEndTest {

    private static final String TEAM = FakeSlack.TEAM;
    private static final String GENERAL = "C0GENERAL";
    private static final String ADMIN = "U0ADMIN";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path folder;

    @Test
    void a_scheduled_summary_is_posted_once_with_its_chart_uploaded_to_the_channel() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder)) {
            // given a voted poll and a schedule an admin set with the slash command (Friday 10:00 UTC now)
            givenAPollWithVotes(harness, "Which fields first?");
            harness.slack.makeWorkspaceAdmin(ADMIN);
            HttpResponse<String> scheduled = harness.requests.send(slashCommand(
                    TEAM,
                    GENERAL,
                    ADMIN,
                    "summary schedule friday 17:00 UTC",
                    harness.slack.responseUrl("schedule"),
                    harness.requests.trigger()));
            assertThat(scheduled.statusCode()).isEqualTo(200);
            assertThat(harness.slack.awaitAnswer("schedule").rawBody())
                    .contains("Weekly summaries in this channel: every Friday at 17:00 UTC");

            // when the time has passed and the job runs
            harness.clock.advance(Duration.ofHours(7).plusMinutes(1));
            int posted =
                    harness.wiring.summaryJob().runDue().toCompletableFuture().join();

            // then the summary message arrived once, in the channel
            assertThat(posted).isEqualTo(1);
            List<FakeSlack.Call> summaries = summaryPosts(harness);
            assertThat(summaries).hasSize(1);
            FakeSlack.Call summary = summaries.get(0);
            assertThat(summary.param("channel")).isEqualTo(GENERAL);
            assertThat(summary.param("text")).isEqualTo("Weekly summary, 2026-11-27: Which fields first?");
            assertThat(summary.authorization()).isEqualTo("Bearer " + SlackHarness.BOT_TOKEN);
            JsonNode blocks = summary.json("blocks");
            assertThat(blocks.get(0).path("text").path("text").asText()).isEqualTo("Weekly summary, 2026-11-27");
            assertThat(blocks.toString())
                    .contains(
                            "*Which fields first?* (poll #1, open)",
                            "*Ranking*",
                            "1. *Evals* new · rank",
                            "*Participation:* 4 voters · 4 new since the last summary");
            assertThat(BlockKitLimits.message(blocks)).isEmpty();

            // and the chart went up through files.uploadV2's three calls, after the message
            FakeSlack.Call uploadUrl = single(harness, "files.getUploadURLExternal");
            FakeSlack.Call upload = single(harness, "upload");
            FakeSlack.Call completed = single(harness, "files.completeUploadExternal");
            assertThat(uploadUrl.param("filename")).isEqualTo("poll-1-2026-11-27.png");
            assertThat(uploadUrl.param("alt_txt")).contains("Which fields first?");
            assertThat(Arrays.copyOf(upload.bytes(), PNG_SIGNATURE.length)).isEqualTo(PNG_SIGNATURE);
            assertThat(uploadUrl.param("length")).isEqualTo(Integer.toString(upload.bytes().length));
            BufferedImage chart = ImageIO.read(new ByteArrayInputStream(upload.bytes()));
            assertThat(chart.getWidth()).isEqualTo(ChartRenderer.WIDTH);
            assertThat(chart.getHeight()).isEqualTo(ChartRenderer.HEIGHT);
            assertThat(completed.param("channel_id")).isEqualTo(GENERAL);
            JsonNode files = FakeSlack.parse(completed.param("files"));
            assertThat(files).hasSize(1);
            assertThat(files.get(0).path("id").asText()).isEqualTo(upload.param("file_id"));
            assertThat(files.get(0).path("title").asText()).isEqualTo("Poll #1 Which fields first?, 2026-11-27");
            List<FakeSlack.Call> calls = harness.slack.calls();
            assertThat(calls.indexOf(summary)).isLessThan(calls.indexOf(uploadUrl));

            // when the job runs again, then nothing more is posted
            harness.clock.advance(Duration.ofMinutes(1));
            assertThat(harness.wiring
                            .summaryJob()
                            .runDue()
                            .toCompletableFuture()
                            .join())
                    .isZero();
            assertThat(summaryPosts(harness)).hasSize(1);
            assertThat(harness.slack.calls("files.getUploadURLExternal")).hasSize(1);
            assertThat(harness.slack.calls("upload")).hasSize(1);
            assertThat(harness.slack.calls("files.completeUploadExternal")).hasSize(1);
        }
    }

    @Test
    void a_poll_with_opinion_groups_gets_them_in_its_summary_and_their_map_uploaded_after_its_chart() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder, ADMIN)) {
            // given 40 voters in two camps (enough for groups) and a schedule (Friday 10:00 UTC now)
            harness.requests.send(slashCommand(
                    TEAM,
                    GENERAL,
                    "U0ALICE",
                    "create Which fields first?",
                    harness.slack.responseUrl("create"),
                    harness.requests.trigger()));
            harness.slack.await("chat.postMessage");
            for (int voter = 0; voter < 40; voter++) {
                String user = "U0V" + voter;
                String camp = voter < 24 ? "evals feedback=5 economic=4" : "evals feedback=1 economic=2";
                // the camps split on evals and agent feedback; mech and agent economic vary within each camp
                say(harness.wiring, user, "/poll vote " + camp);
                int agent = voter < 24 ? 1 : 5;
                say(harness.wiring, user, "/poll vote agent feedback=" + agent + " economic=" + (2 + voter / 9 % 3));
                say(
                        harness.wiring,
                        user,
                        "/poll vote mech feedback=" + (3 + voter % 3) + " economic=" + (3 + voter / 3 % 3));
            }
            say(harness.wiring, ADMIN, "/poll summary schedule friday 17:00 UTC");

            // when the summary is due
            harness.clock.advance(Duration.ofHours(7).plusMinutes(1));
            assertThat(harness.wiring
                            .summaryJob()
                            .runDue()
                            .toCompletableFuture()
                            .join())
                    .isEqualTo(1);

            // then the message names the groups, common ground first
            String blocks = summaryPosts(harness).get(0).json("blocks").toString();
            assertThat(blocks).contains("*Opinion groups*\\nCommon ground:", "• Group A: 24 voters (60%)");
            // and both charts went up, the poll's chart first, then the group map
            List<FakeSlack.Call> uploads = harness.slack.calls("files.getUploadURLExternal");
            assertThat(uploads)
                    .extracting(call -> call.param("filename"))
                    .containsExactly("poll-1-2026-11-27.png", "poll-1-2026-11-27-groups.png");
            assertThat(uploads.get(1).param("alt_txt")).startsWith("Opinion groups in Which fields first?. Each dot");
            BufferedImage map = ImageIO.read(new ByteArrayInputStream(
                    harness.slack.calls("upload").get(1).bytes()));
            assertThat(map.getWidth()).isEqualTo(GroupChartRenderer.WIDTH);
            assertThat(map.getHeight()).isEqualTo(GroupChartRenderer.HEIGHT);
        }
    }

    @Test
    void refused_and_rate_limited_calls_are_retried_and_a_late_summary_arrives_once_with_its_note() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder, ADMIN)) {
            // given a schedule, and Slack refusing the first post, the first upload URL, and rate limiting the first
            // completion
            givenAPollWithVotes(harness, "Which fields first?");
            say(harness.wiring, ADMIN, "/poll summary schedule friday 17:00 UTC");
            harness.slack.failNext("chat.postMessage", "internal_error");
            harness.slack.failNext("files.getUploadURLExternal", "internal_error");
            harness.slack.rateLimitNext("files.completeUploadExternal");
            List<Duration> pauses = new ArrayList<>();
            SummaryJob job = jobWithBackoff(harness.wiring, new Backoff(4, Duration.ofSeconds(2), (pause, retry) -> {
                pauses.add(pause);
                retry.run();
            }));

            // when fieldpoll comes back an hour after the scheduled time
            harness.clock.advance(Duration.ofHours(8));
            int posted = job.runDue().toCompletableFuture().join();

            // then every failure was retried after a pause; retrying the upload did not post the message again
            assertThat(posted).isEqualTo(1);
            assertThat(pauses).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(8), Duration.ofSeconds(32));
            List<FakeSlack.Call> summaries = summaryPosts(harness);
            assertThat(summaries).as("one refused, one delivered").hasSize(2);
            assertThat(summaries.get(1).param("blocks"))
                    .contains("Posted late: fieldpoll was offline at the scheduled " + "time (Friday 17:00 UTC).");
            assertThat(harness.slack.calls("files.getUploadURLExternal")).hasSize(3);
            List<FakeSlack.Call> completions = harness.slack.calls("files.completeUploadExternal");
            assertThat(completions).as("one rate limited, one delivered").hasSize(2);
            assertThat(completions.get(1).param("channel_id")).isEqualTo(GENERAL);

            // when the job runs again, then nothing more
            assertThat(job.runDue().toCompletableFuture().join()).isZero();
            assertThat(summaryPosts(harness)).hasSize(2);
            assertThat(harness.slack.calls("files.completeUploadExternal")).hasSize(2);
        }
    }

    @Test
    void a_closing_reminder_is_posted_once_and_its_vote_button_opens_the_ballot() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder)) {
            // given a poll closing in three days with two voters
            harness.requests.send(slashCommand(
                    TEAM,
                    GENERAL,
                    ADMIN,
                    "create Closing soon closes:3d",
                    harness.slack.responseUrl("create"),
                    harness.requests.trigger()));
            harness.slack.await("chat.postMessage");
            say(harness.wiring, "U0A", "/poll vote evals feedback=4");
            say(harness.wiring, "U0B", "/poll vote mech feedback=2");

            // when a day is left and the reminder job runs
            harness.clock.advance(Duration.ofHours(48).plusMinutes(1));
            int posted =
                    harness.wiring.reminderJob().runDue().toCompletableFuture().join();

            // then one reminder is in the channel, with a Vote button
            assertThat(posted).isEqualTo(1);
            List<FakeSlack.Call> reminders = reminderPosts(harness);
            assertThat(reminders).hasSize(1);
            assertThat(reminders.get(0).param("channel")).isEqualTo(GENERAL);
            assertThat(reminders.get(0).param("text"))
                    .isEqualTo(
                            "Poll #1 Closing soon closes in about a day; 2 members have voted, 0 of them on every field and factor.");
            JsonNode blocks = reminders.get(0).json("blocks");
            assertThat(blocks.get(1).path("elements").get(0).path("action_id").asText())
                    .isEqualTo("fp1:vote:1");

            // when a member presses it, then the existing button handler opens the ballot
            String trigger = harness.requests.trigger();
            harness.requests.send(interactive(buttonPress(
                    TEAM,
                    GENERAL,
                    "U0BOB",
                    "fp1:vote:1",
                    "1764237600.000002",
                    harness.slack.responseUrl("vote"),
                    trigger)));
            FakeSlack.Call opened = harness.slack.await("views.open");
            assertThat(opened.param("trigger_id")).isEqualTo(trigger);
            assertThat(opened.json("view").path("private_metadata").asText()).isEqualTo("fp1:submit:1@C0GENERAL");

            // when the job runs again, then no second reminder
            harness.clock.advance(Duration.ofHours(1));
            assertThat(harness.wiring
                            .reminderJob()
                            .runDue()
                            .toCompletableFuture()
                            .join())
                    .isZero();
            assertThat(reminderPosts(harness)).hasSize(1);
        }
    }

    @Test
    void a_reminder_slack_refuses_is_thrown_for_the_backoff_to_retry() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder, ADMIN)) {
            say(harness.wiring, ADMIN, "/poll create Closing soon closes:3d");
            ClosingReminder reminder =
                    new ClosingReminder(harness.wiring.store().findById(1).orElseThrow(), 0, 0);
            harness.slack.rateLimitNext("chat.postMessage");

            assertThatThrownBy(() -> harness.wiring.summaryPublishers().remind(reminder))
                    .isInstanceOfSatisfying(
                            SlackDeliveryException.class,
                            refused -> assertThat(refused.error()).isEqualTo("ratelimited"));
            harness.wiring.summaryPublishers().remind(reminder);
            assertThat(reminderPosts(harness)).hasSize(2);
        }
    }

    // ---- helpers ----

    /** A poll in #general with four voters, created through the bot (its poll message is posted as usual). */
    private static void givenAPollWithVotes(SlackHarness harness, String title) throws Exception {
        harness.requests.send(slashCommand(
                TEAM,
                GENERAL,
                "U0ALICE",
                "create " + title,
                harness.slack.responseUrl("create"),
                harness.requests.trigger()));
        harness.slack.await("chat.postMessage");
        for (String voter : List.of("U0A", "U0B", "U0C", "U0D")) {
            say(harness.wiring, voter, "/poll vote evals feedback=5 economic=4");
            say(harness.wiring, voter, "/poll vote agent feedback=1 economic=2");
        }
    }

    private static void say(Wiring wiring, String user, String line) {
        wiring.bot()
                .handle(
                        new Caller(Platform.SLACK, TEAM, GENERAL, user, user.equals(ADMIN)),
                        ((ParseResult.Parsed) new CommandParser().parse(line)).command())
                .toCompletableFuture()
                .join();
    }

    /** The wiring's summary job, but with a backoff that records its pauses instead of sleeping. */
    private static SummaryJob jobWithBackoff(Wiring wiring, Backoff backoff) {
        return new SummaryJob(
                wiring.summaries(),
                wiring.store(),
                new SummaryBuilder(
                        wiring.reports(),
                        wiring.roundReports(),
                        wiring.summaries(),
                        new ChartRenderer(),
                        new GroupChartRenderer()),
                wiring.summaryPublishers(),
                wiring.clock(),
                backoff,
                Runnable::run);
    }

    private static List<FakeSlack.Call> summaryPosts(SlackHarness harness) {
        return harness.slack.calls("chat.postMessage").stream()
                .filter(call -> call.param("text").startsWith("Weekly summary"))
                .toList();
    }

    private static List<FakeSlack.Call> reminderPosts(SlackHarness harness) {
        return harness.slack.calls("chat.postMessage").stream()
                .filter(call -> call.param("text").contains("closes in"))
                .toList();
    }

    private static FakeSlack.Call single(SlackHarness harness, String method) {
        List<FakeSlack.Call> calls = harness.slack.calls(method);
        assertThat(calls).as(method).hasSize(1);
        return calls.get(0);
    }
}
