package dev.fieldpoll.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.google.gson.Gson;
import com.slack.api.util.json.GsonFactory;
import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.bot.BotCommand;
import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.CommandParser;
import dev.fieldpoll.bot.ParseResult;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.poll.Workspace;
import dev.fieldpoll.summary.ChannelSummary;
import dev.fieldpoll.summary.ClosingReminder;
import dev.fieldpoll.summary.PollSummary;
import dev.fieldpoll.summary.ResultsPost;
import dev.fieldpoll.summary.SummaryBuilder;
import dev.fieldpoll.testing.Golden;
import dev.fieldpoll.testing.MutableClock;
import dev.fieldpoll.testing.ReportFixtures;
import dev.fieldpoll.testing.TestConfigs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weekly summary and the closing reminder in Block Kit: against golden JSON files
 * (src/test/resources/golden/slack; regenerate with -Dgolden.update=true and review the diff),
 * within Slack's limits for the largest polls, split over messages for busy channels, and with
 * member text escaped.
 */
class SlackSummaryBlocksTest {

    private static final Gson SLACK_JSON = GsonFactory.createSnakeCase();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String TEAM = "T0FIELD";
    private static final String CHANNEL = "C0GENERAL";
    private static final Workspace WORKSPACE = new Workspace(Platform.SLACK, TEAM);
    private static final LocalDate FRIDAY = LocalDate.of(2026, 11, 27);

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private Wiring wiring;

    @BeforeEach
    void start() {
        wiring = new Wiring(TestConfigs.at(folder), clock);
    }

    @AfterEach
    void stop() {
        wiring.close();
    }

    @Test
    void a_summary_with_movement_splits_participation_reference_and_an_unvoted_poll_matches_its_golden_file()
            throws IOException {
        // given a poll voted on last week and again this week, and a poll nobody voted in
        say("U0ADMIN", "/poll create Which fields first?");
        List<String> camp = List.of("U0A", "U0B", "U0C", "U0D", "U0E", "U0F", "U0H", "U0I", "U0J", "U0K", "U0L", "U0M");
        for (int i = 0; i < camp.size(); i++) {
            say(camp.get(i), "/poll vote evals feedback=5 economic=4");
            say(camp.get(i), "/poll vote mech feedback=" + (3 + i % 2) + " economic=3");
            say(camp.get(i), "/poll vote agent feedback=1 economic=" + (1 + i % 2));
        }
        snapshotLastWeek();
        for (int i = 0; i < camp.size(); i++) {
            say(camp.get(i), "/poll vote evals feedback=" + (i % 2 == 0 ? 1 : 5));
            say(camp.get(i), "/poll vote mech feedback=5 economic=5");
        }
        say("U0G", "/poll vote agent feedback=5 economic=5");
        say("U0ADMIN", "/poll create Quiet one");
        clock.advance(Duration.ofDays(7));

        // when it is rendered, posted late
        ChannelSummary summary =
                summarize(Optional.of("Posted late: fieldpoll was offline at the scheduled time (Friday 17:00 UTC)."));
        List<SlackMessage> messages = new SlackSummaryRenderer().render(summary);

        // then
        assertThat(messages).hasSize(1);
        Golden.assertMatches("slack/summary.json", pretty(messages));
        JsonNode blocks = json(messages.get(0).blocks());
        assertThat(BlockKitLimits.message(blocks)).isEmpty();
        assertThat(blocks.toString())
                .contains(
                        "↑",
                        "new",
                        "is newly _polarized_",
                        "Kendall τ_b",
                        "Posted late",
                        "Nobody has voted yet",
                        "fp1:vote:2")
                .doesNotContain("fp1:vote:1");
    }

    @Test
    void the_reminder_matches_its_golden_file_and_its_vote_button_opens_the_ballot() throws IOException {
        Poll poll = ((BotReply.PollPosted) say("U0ADMIN", "/poll create Closing soon closes:3d")).poll();
        clock.advance(Duration.ofHours(48).plusMinutes(1));

        SlackMessage reminder =
                new SlackReminderRenderer(ZoneOffset.UTC).render(new ClosingReminder(poll, 2, 1), clock.instant());

        Golden.assertMatches("slack/reminder.json", pretty(List.of(reminder)));
        JsonNode blocks = json(reminder.blocks());
        assertThat(BlockKitLimits.message(blocks)).isEmpty();
        assertThat(reminder.text())
                .isEqualTo(
                        "Poll #1 Closing soon closes in about a day; 2 members have voted, 1 of them on every field and factor.");
        assertThat(blocks.get(1).path("elements").get(0).path("action_id").asText())
                .isEqualTo("fp1:vote:1");
    }

    @Test
    void the_time_left_is_said_roughly() {
        assertThat(SlackReminderRenderer.roughly(Duration.ofMinutes(20))).isEqualTo("less than an hour");
        assertThat(SlackReminderRenderer.roughly(Duration.ofMinutes(70))).isEqualTo("about an hour");
        assertThat(SlackReminderRenderer.roughly(Duration.ofHours(6))).isEqualTo("about 6 hours");
        assertThat(SlackReminderRenderer.roughly(Duration.ofHours(24).minusMinutes(1)))
                .isEqualTo("about a day");
        assertThat(SlackReminderRenderer.roughly(Duration.ofDays(3))).isEqualTo("about 3 days");
    }

    @Test
    void the_summary_of_a_25_field_poll_stays_within_slacks_limits() throws IOException {
        // given the largest polls fieldpoll allows, with two and five factors, voted on twice
        Poll twoFactors = create(bigPoll(2));
        Poll fiveFactors = create(bigPoll(5));
        Random random = new Random(11);
        voteRandomly(List.of(twoFactors, fiveFactors), random);
        snapshotLastWeek();
        voteRandomly(List.of(twoFactors, fiveFactors), random);
        clock.advance(Duration.ofDays(7));

        // when
        List<SlackMessage> messages = new SlackSummaryRenderer().render(summarize(Optional.empty()));

        // then one message holds both polls, every field ranked, within every limit
        assertThat(messages).hasSize(1);
        JsonNode blocks = json(messages.get(0).blocks());
        assertThat(BlockKitLimits.message(blocks)).isEmpty();
        assertThat(blocks.size()).isLessThanOrEqualTo(BlockLimits.MESSAGE_BLOCKS);
        assertThat(blocks.toString()).contains("25. *Field number");
    }

    @Test
    void a_later_rounds_changes_keep_the_largest_summary_and_results_post_within_slacks_limits() throws IOException {
        // given the largest polls fieldpoll allows, each a later round with the longest round report
        Poll twoFactors = create(bigPoll(2));
        Poll fiveFactors = create(bigPoll(5));
        voteRandomly(List.of(twoFactors, fiveFactors), new Random(11));
        ChannelSummary plain = summarize(Optional.empty());
        List<PollSummary> rounds = plain.polls().stream()
                .map(poll -> ReportFixtures.withRounds(poll, ReportFixtures.largestRounds()))
                .toList();

        // when their summary and a results post are drawn
        List<SlackMessage> messages = new SlackSummaryRenderer()
                .render(new ChannelSummary(
                        WORKSPACE, CHANNEL, FRIDAY, plain.createdAt(), Optional.of("Posted late."), rounds));
        JsonNode post = json(new SlackPollSummaryRenderer()
                .render(new ResultsPost(
                        fiveFactors, rounds.get(1), Optional.of("Posted late: offline."), Optional.empty())));

        // then each poll's round section is there, whole, and every message within every limit
        List<JsonNode> all = new ArrayList<>();
        for (SlackMessage message : messages) {
            all.add(json(message.blocks()));
        }
        all.add(post);
        for (JsonNode blocks : all) {
            assertThat(BlockKitLimits.message(blocks)).isEmpty();
            assertThat(blocks.size()).isLessThanOrEqualTo(BlockLimits.MESSAGE_BLOCKS);
        }
        assertThat(all.stream()
                        .mapToInt(blocks -> count(blocks, "*Round 2 (after #12344)*"))
                        .sum())
                .isEqualTo(3);
        assertThat(post.toString()).contains("• " + Mrkdwn.escape(ReportFixtures.longName("f", 24)) + ": 3.43 → 3.89");
    }

    @Test
    void a_channel_with_many_polls_gets_several_messages_each_poll_whole_in_one() throws IOException {
        // given a summary of twelve polls with results
        say("U0ADMIN", "/poll create Busy channel");
        for (String voter : List.of("U0A", "U0B", "U0C", "U0D")) {
            say(voter, "/poll vote evals feedback=4 economic=2");
            say(voter, "/poll vote mech feedback=2 economic=4");
        }
        PollSummary one = summarize(Optional.empty()).polls().get(0);
        ChannelSummary busy = new ChannelSummary(
                WORKSPACE, CHANNEL, FRIDAY, clock.instant(), Optional.empty(), Collections.nCopies(12, one));

        // when
        List<SlackMessage> messages = new SlackSummaryRenderer().render(busy);

        // then
        assertThat(messages).hasSizeGreaterThan(1);
        int polls = 0;
        for (SlackMessage message : messages) {
            JsonNode blocks = json(message.blocks());
            assertThat(BlockKitLimits.message(blocks)).isEmpty();
            int titles = count(blocks, "*Busy channel* (poll #1, open)");
            assertThat(count(blocks, "*Participation:*"))
                    .as("each poll's part ends in its own message")
                    .isEqualTo(titles);
            polls += titles;
        }
        assertThat(polls).isEqualTo(12);
        assertThat(messages.get(1).text()).isEqualTo("Weekly summary, 2026-11-27 (continued)");
        assertThat(json(messages.get(1).blocks()).get(0).toString()).contains("continued");
    }

    @Test
    void member_text_cannot_ping_the_channel_or_forge_links() throws IOException {
        Poll poll = create(new BotCommand.Create(
                List.of("<!channel>", "vote"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of("<@U0BOSS> & co", "<https://evil.example|Beta>"),
                List.of("Impact")));
        for (String voter : List.of("U0A", "U0B", "U0C")) {
            vote(poll, voter, new int[] {4, 2});
        }

        List<SlackMessage> messages = new SlackSummaryRenderer().render(summarize(Optional.empty()));
        SlackMessage reminder =
                new SlackReminderRenderer(ZoneOffset.UTC).render(new ClosingReminder(poll, 3, 3), clock.instant());

        List<String> mrkdwn = new ArrayList<>();
        for (SlackMessage message : List.of(messages.get(0), reminder)) {
            collectMrkdwn(json(message.blocks()), mrkdwn);
            mrkdwn.add(message.text());
        }
        assertThat(mrkdwn)
                .noneMatch(text ->
                        text.contains("<!channel>") || text.contains("<@U0BOSS>") || text.contains("<https://evil"));
        assertThat(String.join("\n", mrkdwn)).contains("&lt;!channel&gt; vote", "&lt;@U0BOSS&gt; &amp; co");
    }

    // ---- helpers ----

    private ChannelSummary summarize(Optional<String> lateNote) {
        return wiring.summaryJob()
                .summarize(WORKSPACE, CHANNEL, FRIDAY, clock.instant().minus(Duration.ofDays(7)), lateNote);
    }

    /** What last week's summary would have saved, so this week's shows movement. */
    private void snapshotLastWeek() {
        for (PollSummary poll : summarize(Optional.empty()).polls()) {
            wiring.summaries()
                    .saveSnapshot(SummaryBuilder.snapshotOf(poll.report().poll().id(), poll, clock.instant()));
        }
        clock.advance(Duration.ofMinutes(1));
    }

    private BotReply say(String user, String line) {
        BotCommand command = ((ParseResult.Parsed) new CommandParser().parse(line)).command();
        return wiring.bot().handle(caller(user), command).toCompletableFuture().join();
    }

    private static Caller caller(String user) {
        return new Caller(Platform.SLACK, TEAM, CHANNEL, user, user.equals("U0ADMIN"));
    }

    private Poll create(BotCommand.Create command) {
        BotReply reply = wiring.bot()
                .handle(caller("U0ADMIN"), command)
                .toCompletableFuture()
                .join();
        assertThat(reply).isInstanceOf(BotReply.PollPosted.class);
        return ((BotReply.PollPosted) reply).poll();
    }

    private void vote(Poll poll, String voter, int[] scores) {
        List<CellKey> cells = poll.definition().cells();
        Map<CellKey, String> answers = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            answers.put(cells.get(i), Integer.toString(scores[i]));
        }
        assertThat(wiring.bot()
                        .handle(caller(voter), new BotCommand.SetAnswers(poll.id(), answers))
                        .toCompletableFuture()
                        .join())
                .isInstanceOf(BotReply.VoteSaved.class);
    }

    private void voteRandomly(List<Poll> polls, Random random) {
        for (int voter = 0; voter < 6; voter++) {
            for (Poll poll : polls) {
                int[] scores = new int[poll.definition().cellCount()];
                for (int cell = 0; cell < scores.length; cell++) {
                    scores[cell] = 1 + random.nextInt(5);
                }
                vote(poll, "U0VOTER" + voter, scores);
            }
        }
    }

    private static BotCommand.Create bigPoll(int factors) {
        List<String> fields = new ArrayList<>();
        for (int i = 1; i <= PollDefinition.MAX_FIELDS; i++) {
            fields.add("Field number " + i + " with a long name that uses most of the eighty characters");
        }
        List<String> factorNames = new ArrayList<>();
        for (int i = 1; i <= factors; i++) {
            factorNames.add("Factor " + i + " asking something fairly specific");
        }
        return new BotCommand.Create(
                List.of("A", "poll", "as", "large", "as", "fieldpoll", "allows"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                fields,
                factorNames);
    }

    private static int count(JsonNode blocks, String text) {
        int found = 0;
        for (JsonNode block : blocks) {
            found += block.toString().contains(text) ? 1 : 0;
        }
        return found;
    }

    private static void collectMrkdwn(JsonNode node, List<String> texts) {
        if (node.isObject() && node.path("type").asText().equals("mrkdwn")) {
            texts.add(node.path("text").asText());
        }
        node.forEach(child -> collectMrkdwn(child, texts));
    }

    private static JsonNode json(Object slackModel) throws IOException {
        return JSON.readTree(SLACK_JSON.toJson(slackModel));
    }

    /** The messages as Slack would get them: fallback text and blocks, pretty-printed for review. */
    private static String pretty(List<SlackMessage> messages) throws IOException {
        ArrayNode all = JSON.createArrayNode();
        for (SlackMessage message : messages) {
            all.addObject().put("text", message.text()).set("blocks", json(message.blocks()));
        }
        return JSON.writeValueAsString(all) + "\n";
    }
}
