package dev.fieldpoll.discord;

import static dev.fieldpoll.discord.DiscordHarness.content;
import static dev.fieldpoll.discord.Payloads.ALICE;
import static dev.fieldpoll.discord.Payloads.BOB;
import static dev.fieldpoll.discord.Payloads.CAROL;
import static dev.fieldpoll.discord.Payloads.CHANNEL;
import static dev.fieldpoll.discord.Payloads.DANA;
import static dev.fieldpoll.discord.Payloads.GUILD;
import static dev.fieldpoll.discord.Payloads.MOD;
import static dev.fieldpoll.discord.Payloads.NO_FILES_CHANNEL;
import static dev.fieldpoll.discord.Payloads.POLL_ADMIN;
import static dev.fieldpoll.discord.Payloads.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.CommandParser;
import dev.fieldpoll.bot.ParseResult;
import dev.fieldpoll.discord.Payloads.Person;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.Workspace;
import dev.fieldpoll.report.ChartRenderer;
import dev.fieldpoll.report.GroupChartRenderer;
import dev.fieldpoll.summary.Backoff;
import dev.fieldpoll.summary.SummaryBuilder;
import dev.fieldpoll.summary.SummaryJob;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weekly summaries and closing reminders on Discord end to end: admins manage the schedule with
 * /poll summary, the real jobs run on the harness's hand-moved clock, and the fake Discord
 * receives the messages, charts attached as multipart files. Votes are cast through the core
 * (Discord voting has its own tests), so each test sets up its polls quickly.
 */
class DiscordSummaryEndToEndTest {

    private static final String CHANNEL_POSTS = "/api/v10/channels/" + CHANNEL + "/messages";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final Person ERIN = new Person("400000000000000007", "erin", List.of());
    private static final JsonNode SERVER_ERROR =
            FakeDiscord.JSON.createObjectNode().put("code", 0).put("message", "500: Internal Server Error");

    @TempDir
    Path folder;

    private DiscordHarness harness;
    private FakeDiscord discord;

    @BeforeEach
    void startBot() throws InterruptedException {
        harness = new DiscordHarness(folder);
        discord = harness.discord;
    }

    @AfterEach
    void stopBot() {
        harness.close();
    }

    // ---- helpers ----

    /** /poll create in the channel; returns the new poll's id once its message is posted. */
    private long create(Person person, String channelId, Map<String, Object> options) {
        String token = harness.send(Payloads.slash(person, GUILD, channelId, "create", options));
        assertThat(harness.answerText(token)).contains("is posted");
        return harness.wiring.store().listInChannel(new Workspace(Platform.DISCORD, GUILD), channelId).stream()
                .map(Poll::id)
                .max(Comparator.naturalOrder())
                .orElseThrow();
    }

    private long create(Person person, Map<String, Object> options) {
        return create(person, CHANNEL, options);
    }

    /** A typed vote through the core, as the member in that channel: "mech feedback=4 economic=3". */
    private void vote(Person person, String channelId, long pollId, String vote) {
        Caller caller = new Caller(Platform.DISCORD, GUILD, channelId, person.id(), false);
        ParseResult parsed = new CommandParser().parse("/poll vote poll:" + pollId + " " + vote);
        BotReply reply = harness.wiring
                .bot()
                .handle(caller, ((ParseResult.Parsed) parsed).command())
                .toCompletableFuture()
                .join();
        assertThat(reply).as(vote).isInstanceOf(BotReply.VoteSaved.class);
    }

    /** Five members (enough to read each cell) agree on Mech Interp and Evals and split on AI Control. */
    private void fiveVoters(String channelId, long pollId) {
        List<Person> voters = List.of(BOB, CAROL, DANA, POLL_ADMIN, MOD);
        for (int i = 0; i < voters.size(); i++) {
            vote(voters.get(i), channelId, pollId, "mech feedback=5 economic=4");
            vote(voters.get(i), channelId, pollId, "evals feedback=4 economic=" + (3 + i % 2));
            vote(voters.get(i), channelId, pollId, "ai-control feedback=" + (i % 2 == 0 ? 1 : 5) + " economic=2");
        }
    }

    /** /poll summary &lt;subcommand&gt; as the member; returns what they were told. */
    private String summary(Person person, String channelId, String subcommand, Map<String, Object> options) {
        return harness.answerText(
                harness.send(Payloads.slashInGroup(person, channelId, "summary", subcommand, options)));
    }

    private String summary(Person person, String subcommand, Map<String, Object> options) {
        return summary(person, CHANNEL, subcommand, options);
    }

    /** Every message the bot posted in the channel (poll messages and summaries), in order. */
    private List<FakeDiscord.Request> posts(String path) {
        return discord.requests().stream()
                .filter(request -> request.is("POST", path))
                .toList();
    }

    private List<FakeDiscord.Request> postsSince(int seen) {
        List<FakeDiscord.Request> all = posts(CHANNEL_POSTS);
        return all.subList(seen, all.size());
    }

    private static boolean isPng(byte[] data) {
        return data.length > PNG_SIGNATURE.length
                && Arrays.equals(Arrays.copyOf(data, PNG_SIGNATURE.length), PNG_SIGNATURE);
    }

    private static JsonNode embedTitled(String title, FakeDiscord.Request post) {
        for (JsonNode embed : post.body().path("embeds")) {
            if (embed.path("title").asText().equals(title)) {
                return embed;
            }
        }
        throw new AssertionError("no embed titled " + title + " in " + post.body());
    }

    /** A summary job like the wiring's, with a backoff that records its pauses instead of sleeping. */
    private SummaryJob jobWithFastBackoff(List<Duration> pauses) {
        return new SummaryJob(
                harness.wiring.summaries(),
                harness.wiring.store(),
                new SummaryBuilder(
                        harness.wiring.reports(),
                        harness.wiring.roundReports(),
                        harness.wiring.summaries(),
                        new ChartRenderer(),
                        new GroupChartRenderer()),
                harness.wiring.summaryPublishers(),
                harness.clock,
                new Backoff(3, Duration.ofMillis(1), (pause, retry) -> {
                    pauses.add(pause);
                    retry.run();
                }),
                Runnable::run);
    }

    // ---- the tests ----

    @Test
    void a_scheduled_summary_is_posted_once_with_its_chart_attached_and_a_vote_button_for_the_poll_without_votes() {
        long automation = create(ALICE, options());
        fiveVoters(CHANNEL, automation);
        long reading =
                create(ALICE, options("title", "Reading group", "fields", "Papers; Talks", "factors", "Interest"));

        // Friday 10:00 UTC: the admin schedules Fridays at 17:00 London time (GMT in November)
        assertThat(summary(MOD, "schedule", options("day", "friday", "time", "17:00", "zone", "Europe/London")))
                .isEqualTo("Weekly summaries in this channel: every Friday at 17:00 Europe/London. "
                        + "Next: Friday 2026-11-27 17:00 GMT.");
        int seen = posts(CHANNEL_POSTS).size();
        assertThat(harness.wiring.summaryJob().runDue().toCompletableFuture().join())
                .as("not yet due")
                .isZero();

        harness.clock.advance(Duration.ofHours(7));
        int posted = harness.wiring.summaryJob().runDue().toCompletableFuture().join();
        int again = harness.wiring.summaryJob().runDue().toCompletableFuture().join();

        assertThat(posted).isEqualTo(1);
        assertThat(again).isZero();
        List<FakeDiscord.Request> summaries = postsSince(seen);
        assertThat(summaries).hasSize(1);
        FakeDiscord.Request summaryPost = summaries.get(0);
        assertThat(summaryPost.files()).singleElement().satisfies(file -> {
            assertThat(file.field()).isEqualTo("files[0]");
            assertThat(file.fileName()).isEqualTo("poll-" + automation + "-2026-11-27.png");
            assertThat(isPng(file.data())).as("a PNG").isTrue();
        });
        assertThat(embedTitled("📊 Which AI safety fields get automated first?", summaryPost)
                        .path("image")
                        .path("url")
                        .asText())
                .isEqualTo("attachment://poll-" + automation + "-2026-11-27.png");
        assertThat(embedTitled("📊 Reading group", summaryPost)
                        .path("description")
                        .asText())
                .startsWith("Nobody has voted yet.");
        assertThat(summaryPost
                        .body()
                        .path("components")
                        .get(0)
                        .path("components")
                        .get(0)
                        .path("custom_id")
                        .asText())
                .isEqualTo("fp1:vote:" + reading);
        Golden.assertMatches("summary", summaryPost.body());

        // the summary's Vote button opens the member's own ballot of the poll without votes
        ObjectNode message = discord.lastMessageIn(CHANNEL);
        String click = harness.send(Payloads.button(CAROL, message, "fp1:vote:" + reading));
        assertThat(harness.answerText(click)).contains("Fields 1–2 of 2");
    }

    @Test
    void next_weeks_summary_shows_what_moved_since_the_last_one() {
        long poll = create(ALICE, options());
        fiveVoters(CHANNEL, poll);
        summary(MOD, "schedule", options("day", "friday", "time", "17:00", "zone", "UTC"));
        harness.clock.advance(Duration.ofHours(7));
        assertThat(harness.wiring.summaryJob().runDue().toCompletableFuture().join())
                .isEqualTo(1);

        // during the week eight newcomers rate Evals above everything and split on AI Control like the
        // first five, so that its feedback cell now has enough answers (13) to show two camps
        List<Person> newcomers = new java.util.ArrayList<>(List.of(ALICE, ERIN));
        for (int i = 0; i < 6; i++) {
            newcomers.add(new Person("40000000000000010" + i, "newcomer" + i, List.of()));
        }
        for (int i = 0; i < newcomers.size(); i++) {
            vote(newcomers.get(i), CHANNEL, poll, "evals feedback=5 economic=5");
            vote(newcomers.get(i), CHANNEL, poll, "ai-control feedback=" + (i % 2 == 0 ? 1 : 5) + " economic=2");
        }
        harness.clock.advance(Duration.ofDays(7));
        int seen = posts(CHANNEL_POSTS).size();

        assertThat(harness.wiring.summaryJob().runDue().toCompletableFuture().join())
                .isEqualTo(1);

        FakeDiscord.Request nextWeek = postsSince(seen).get(0);
        assertThat(nextWeek.body().path("embeds").get(0).toString())
                .contains("What changed")
                .contains("↑")
                .contains("8 new since last summary")
                .contains("newly polarized");
        Golden.assertMatches("summary-next-week", nextWeek.body());
    }

    @Test
    void only_admins_manage_summaries_and_now_posts_at_once() {
        long poll = create(ALICE, options());
        fiveVoters(CHANNEL, poll);
        int seen = posts(CHANNEL_POSTS).size();

        String refused = summary(CAROL, "now", options());
        assertThat(refused).isEqualTo("⚠️ Only admins can manage this channel's weekly summaries.");
        assertThat(summary(CAROL, "schedule", options("day", "monday", "time", "09:00")))
                .isEqualTo("⚠️ Only admins can manage this channel's weekly summaries.");
        assertThat(postsSince(seen)).isEmpty();
        assertThat(harness.wiring.summaries().schedule(new Workspace(Platform.DISCORD, GUILD), CHANNEL))
                .isEmpty();

        String posted = summary(POLL_ADMIN, "now", options());

        assertThat(posted).isEqualTo("Posted a summary of 1 poll.");
        assertThat(postsSince(seen)).singleElement().satisfies(summary -> {
            assertThat(summary.files()).hasSize(1);
            assertThat(content(summary)).startsWith("**Summary · 2026-11-27**");
        });
    }

    @Test
    void schedule_show_and_off_read_their_options_with_the_text_grammars_rules() {
        assertThat(summary(MOD, "schedule", options("day", "monday", "time", "25:00")))
                .isEqualTo("⚠️ '25:00' is not a time: use 24-hour HH:MM, like 09:00 or 17:30.");
        assertThat(summary(MOD, "schedule", options("day", "monday", "time", "09:00", "zone", "Mars/Olympus")))
                .isEqualTo("⚠️ 'Mars/Olympus' is not a time zone: use a name like Europe/London or UTC.");
        assertThat(summary(MOD, "show", options())).startsWith("This channel has no weekly summary.");

        assertThat(summary(MOD, "schedule", options("day", "monday", "time", "9:30", "zone", "America/New_York")))
                .startsWith("Weekly summaries in this channel: every Monday at 09:30 America/New_York.");
        assertThat(summary(MOD, "show", options()))
                .isEqualTo("Weekly summaries in this channel: every Monday at "
                        + "09:30 America/New_York. Next: Monday 2026-11-30 09:30 EST.");
        assertThat(summary(MOD, "off", options())).isEqualTo("Weekly summaries in this channel are off.");
        assertThat(harness.wiring.summaries().schedules()).isEmpty();
    }

    @Test
    void the_zone_option_suggests_common_zones_and_any_zone_matching_what_was_typed() {
        String empty = harness.send(Payloads.autocompleteInGroup(
                MOD, "summary", "schedule", Map.of("day", "monday", "time", "09:00", "zone", ""), "zone"));
        String typed = harness.send(Payloads.autocompleteInGroup(
                MOD, "summary", "schedule", Map.of("day", "monday", "time", "09:00", "zone", "kolk"), "zone"));

        assertThat(choices(harness.callback(empty)))
                .startsWith("UTC", "Europe/London")
                .hasSizeLessThanOrEqualTo(25);
        assertThat(choices(harness.callback(typed))).containsExactly("Asia/Kolkata");
    }

    private static List<String> choices(FakeDiscord.Request autocomplete) {
        List<String> values = new ArrayList<>();
        autocomplete
                .body()
                .path("data")
                .path("choices")
                .forEach(choice -> values.add(choice.path("value").asText()));
        return values;
    }

    @Test
    void a_closing_reminder_is_one_post_with_the_voter_count_and_a_vote_button() {
        long poll = create(ALICE, options("closes", "2d"));
        vote(BOB, CHANNEL, poll, "mech feedback=4");
        vote(CAROL, CHANNEL, poll, "evals economic=2");
        int seen = posts(CHANNEL_POSTS).size();
        assertThat(harness.wiring.reminderJob().runDue().toCompletableFuture().join())
                .as("two days before closing: not yet")
                .isZero();

        harness.clock.advance(Duration.ofHours(25));
        int reminded =
                harness.wiring.reminderJob().runDue().toCompletableFuture().join();
        int again = harness.wiring.reminderJob().runDue().toCompletableFuture().join();

        assertThat(reminded).isEqualTo(1);
        assertThat(again).isZero();
        FakeDiscord.Request reminder = postsSince(seen).get(0);
        assertThat(postsSince(seen)).hasSize(1);
        assertThat(reminder.files()).isEmpty();
        assertThat(reminder.body().path("embeds").get(0).path("description").asText())
                .contains("**2 members** have voted so far");
        assertThat(reminder.body()
                        .path("components")
                        .get(0)
                        .path("components")
                        .get(0)
                        .path("custom_id")
                        .asText())
                .isEqualTo("fp1:vote:" + poll);
        Golden.assertMatches("closing-reminder", reminder.body());
    }

    @Test
    void a_server_error_on_the_first_post_is_retried_by_the_jobs_backoff_and_delivered_once() {
        long poll = create(ALICE, options());
        fiveVoters(CHANNEL, poll);
        summary(MOD, "schedule", options("day", "friday", "time", "17:00", "zone", "UTC"));
        List<Duration> pauses = new CopyOnWriteArrayList<>();
        SummaryJob job = jobWithFastBackoff(pauses);
        discord.failOnce(request -> request.is("POST", CHANNEL_POSTS), 500, SERVER_ERROR, Map.of());
        int seen = posts(CHANNEL_POSTS).size();
        harness.clock.advance(Duration.ofHours(7));

        int posted = job.runDue().toCompletableFuture().join();

        assertThat(posted).isEqualTo(1);
        assertThat(pauses).as("one retry").hasSize(1);
        List<FakeDiscord.Request> attempts = postsSince(seen);
        assertThat(attempts)
                .hasSize(2)
                .allSatisfy(attempt -> assertThat(attempt.files()).hasSize(1));
        assertThat(discord.lastMessageIn(CHANNEL).path("attachments")).hasSize(1);
        assertThat(job.runDue().toCompletableFuture().join()).isZero();
    }

    @Test
    void a_rate_limited_post_is_waited_out_and_delivered() {
        long poll = create(ALICE, options());
        fiveVoters(CHANNEL, poll);
        summary(MOD, "schedule", options("day", "friday", "time", "17:00", "zone", "UTC"));
        List<Duration> pauses = new CopyOnWriteArrayList<>();
        SummaryJob job = jobWithFastBackoff(pauses);
        JsonNode limited = FakeDiscord.JSON
                .createObjectNode()
                .put("message", "You are being rate limited.")
                .put("retry_after", 0.05)
                .put("global", false);
        // shaped as Discord sends it: whole seconds in Retry-After, the precise wait in the body and Reset-After
        discord.failOnce(
                request -> request.is("POST", CHANNEL_POSTS),
                429,
                limited,
                Map.of(
                        "Retry-After",
                        "1",
                        "X-RateLimit-Limit",
                        "5",
                        "X-RateLimit-Remaining",
                        "0",
                        "X-RateLimit-Reset-After",
                        "0.05",
                        "X-RateLimit-Bucket",
                        "fake-bucket",
                        "X-RateLimit-Scope",
                        "user",
                        "Via",
                        "1.1 google"));
        int seen = posts(CHANNEL_POSTS).size();
        harness.clock.advance(Duration.ofHours(7));

        int posted = job.runDue().toCompletableFuture().join();

        assertThat(posted).isEqualTo(1);
        assertThat(pauses)
                .as("JDA waits out a rate limit itself; the job's backoff is not needed")
                .isEmpty();
        List<FakeDiscord.Request> attempts = postsSince(seen);
        assertThat(attempts)
                .hasSize(2)
                .allSatisfy(attempt -> assertThat(attempt.files()).hasSize(1));
        assertThat(job.runDue().toCompletableFuture().join()).isZero();
    }

    @Test
    void a_summary_longer_than_one_message_continues_and_a_retry_posts_only_the_missing_part() {
        for (int i = 1; i <= SummaryMessages.EMBEDS_PER_MESSAGE + 1; i++) {
            create(ALICE, options("title", "Poll " + i, "fields", "A; B", "factors", "Impact"));
        }
        summary(MOD, "schedule", options("day", "friday", "time", "17:00", "zone", "UTC"));
        List<Duration> pauses = new CopyOnWriteArrayList<>();
        SummaryJob job = jobWithFastBackoff(pauses);
        discord.failOnce(
                request -> request.is("POST", CHANNEL_POSTS) && content(request).contains("(continued)"),
                500,
                SERVER_ERROR,
                Map.of());
        int seen = posts(CHANNEL_POSTS).size();
        harness.clock.advance(Duration.ofHours(7));

        assertThat(job.runDue().toCompletableFuture().join()).isEqualTo(1);

        List<String> parts =
                postsSince(seen).stream().map(DiscordHarness::content).toList();
        assertThat(parts)
                .containsExactly(
                        "**Weekly summary · 2026-11-27**",
                        "**Weekly summary · 2026-11-27** (continued)",
                        "**Weekly summary · 2026-11-27** (continued)");
        assertThat(postsSince(seen).get(0).body().path("embeds")).hasSize(SummaryMessages.EMBEDS_PER_MESSAGE);
        assertThat(postsSince(seen).get(2).body().path("embeds")).hasSize(1);
        assertThat(pauses).hasSize(1);
    }

    @Test
    void without_attach_files_permission_the_summary_is_posted_without_its_chart() {
        long poll = create(ALICE, NO_FILES_CHANNEL, options());
        fiveVoters(NO_FILES_CHANNEL, poll);

        assertThat(summary(MOD, NO_FILES_CHANNEL, "now", options())).isEqualTo("Posted a summary of 1 poll.");

        FakeDiscord.Request summary =
                posts("/api/v10/channels/" + NO_FILES_CHANNEL + "/messages").get(1);
        assertThat(summary.files()).isEmpty();
        assertThat(summary.body().path("embeds").get(0).has("image")).isFalse();
        assertThat(summary.body().path("embeds").get(0).path("description").asText())
                .startsWith("**Ranking**");
    }
}
