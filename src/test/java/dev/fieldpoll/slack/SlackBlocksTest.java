package dev.fieldpoll.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.gson.Gson;
import com.slack.api.util.json.GsonFactory;
import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.bot.BotCommand;
import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.ClosesAt;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.poll.PollRef;
import dev.fieldpoll.testing.MutableClock;
import dev.fieldpoll.testing.TestConfigs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Block Kit fieldpoll sends — poll message, ballot modal, results — against golden JSON files
 * (src/test/resources/golden/slack; regenerate with -Dgolden.update=true and review the diff), and
 * within Slack's limits for the largest poll fieldpoll allows: 25 fields.
 */
class SlackBlocksTest {

    private static final Gson SLACK_JSON = GsonFactory.createSnakeCase();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String TEAM = "T0FIELD";
    private static final String CHANNEL = "C0GENERAL";

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));

    @Test
    void the_poll_message_modal_and_results_match_their_golden_files() throws Exception {
        try (Wiring wiring = new Wiring(TestConfigs.at(folder), clock)) {
            Poll poll = create(
                    wiring,
                    new BotCommand.Create(
                            List.of("Which", "fields", "first?"),
                            Optional.empty(),
                            Optional.of(new ClosesAt.After(Duration.ofDays(3))),
                            Optional.empty(),
                            List.of(),
                            List.of()));
            int[][] scores = {
                {4, 5, 5, 4, 3, 4, 4, 3, 5, 3, 3, 2, 3, 3, 2, 2, 1, 2, 1, 1},
                {3, 5, 5, 5, 2, 4, 4, 2, 3, 3, 2, 4, 3, 2, 1, 1, 1, 2, 2, 1},
                {3, 4, 4, 4, 3, 3, 5, 2, 4, 2, 2, 4, 4, 2, 1, 2, 2, 1, 1, 1},
                {2, 5, 5, 3, 3, 4, 4, 2, 3, 3, 1, 5, 3, 3, 2, 1, 1, 1, 1, 2},
                {4, 4, 5, 4, 2, 4, 3, 3, 3, 4, 3, 4, 2, 2, 1, 2, 2, 3, 1, 1},
                {3, 5, 4, 4, 3, 5, 4, 2, 4, 3, 2, 3, 3, 2, 2, 2, 1, 2, 5, 1}
            };
            for (int voter = 0; voter < scores.length; voter++) {
                vote(wiring, poll, "U0VOTER" + voter, scores[voter]);
            }
            Map<CellKey, String> partial = Map.of(
                    new CellKey("mech-interp", "feedback-quality"),
                    "5",
                    new CellKey("evals", "economic-incentive"),
                    "?");
            Caller member = caller("U0MEMBER");
            wiring.bot()
                    .handle(member, new BotCommand.SetAnswers(poll.id(), partial))
                    .toCompletableFuture()
                    .join();

            JsonNode message = json(new SlackPollMessageRenderer(ZoneOffset.UTC).render(poll, 7, clock.instant()));
            BotReply.BallotView ballot = (BotReply.BallotView) wiring.bot()
                    .handle(member, new BotCommand.OpenBallot(new PollRef.ById(poll.id())))
                    .toCompletableFuture()
                    .join();
            JsonNode modal = json(new BallotModalRenderer().render(ballot.poll(), ballot.ballot(), 1));
            JsonNode results = json(new SlackResultsRenderer(java.time.ZoneOffset.UTC)
                    .render(wiring.reports().reportFor(poll)));
            clock.advance(Duration.ofDays(4));
            JsonNode closed = json(new SlackPollMessageRenderer(ZoneOffset.UTC).render(poll, 7, clock.instant()));

            assertGolden("poll-message.json", message);
            assertGolden("poll-message-closed.json", closed);
            assertGolden("ballot-modal.json", modal);
            assertGolden("results.json", results);
            assertThat(BlockKitLimits.message(message)).isEmpty();
            assertThat(BlockKitLimits.message(closed)).isEmpty();
            assertThat(BlockKitLimits.modal(modal)).isEmpty();
            assertThat(BlockKitLimits.message(results)).isEmpty();
        }
    }

    @Test
    void a_25_field_poll_stays_within_slacks_limits_everywhere() throws Exception {
        try (Wiring wiring = new Wiring(TestConfigs.at(folder), clock)) {
            Poll twoFactors = create(wiring, bigPoll(2));
            Poll fiveFactors = create(wiring, bigPoll(5));
            Random random = new Random(7);
            for (int voter = 0; voter < 8; voter++) {
                for (Poll poll : List.of(twoFactors, fiveFactors)) {
                    int[] scores = new int[poll.definition().cellCount()];
                    for (int cell = 0; cell < scores.length; cell++) {
                        scores[cell] = 1 + random.nextInt(5);
                    }
                    vote(wiring, poll, "U0VOTER" + voter, scores);
                }
            }
            BallotModalRenderer modal = new BallotModalRenderer();
            for (Poll poll : List.of(twoFactors, fiveFactors)) {
                JsonNode message = json(new SlackPollMessageRenderer(ZoneOffset.UTC).render(poll, 8, clock.instant()));
                JsonNode results = json(new SlackResultsRenderer(java.time.ZoneOffset.UTC)
                        .render(wiring.reports().reportFor(poll)));
                assertThat(BlockKitLimits.message(message)).as("poll message").isEmpty();
                assertThat(BlockKitLimits.message(results)).as("results").isEmpty();
                assertThat(results.toString()).contains("Field number 25");

                // every cell is on exactly one page of the ballot, and each page is within a modal's limits
                BotReply.BallotView ballot = (BotReply.BallotView) wiring.bot()
                        .handle(caller("U0VOTER1"), new BotCommand.OpenBallot(new PollRef.ById(poll.id())))
                        .toCompletableFuture()
                        .join();
                int pages = BallotModalRenderer.pageCount(poll.definition());
                List<String> cells = new ArrayList<>();
                for (int page = 1; page <= pages; page++) {
                    JsonNode view = json(modal.render(ballot.poll(), ballot.ballot(), page));
                    assertThat(BlockKitLimits.modal(view))
                            .as("ballot page " + page)
                            .isEmpty();
                    cells.addAll(SlackHttpModeTest.inputs(view));
                    view.path("blocks").forEach(block -> {
                        if (block.path("type").asText().equals("input")) {
                            assertThat(block.path("element")
                                            .path("initial_option")
                                            .path("value")
                                            .asText())
                                    .as("prefilled")
                                    .matches("[1-5]");
                        }
                    });
                }
                assertThat(cells).hasSize(poll.definition().cellCount()).doesNotHaveDuplicates();
            }
            assertThat(BallotModalRenderer.pageCount(twoFactors.definition())).isEqualTo(1);
            assertThat(BallotModalRenderer.pageCount(fiveFactors.definition())).isEqualTo(2);
        }
    }

    @Test
    void member_text_cannot_ping_the_channel_or_forge_links() throws Exception {
        try (Wiring wiring = new Wiring(TestConfigs.at(folder), clock)) {
            Poll poll = create(
                    wiring,
                    new BotCommand.Create(
                            List.of("<!channel>", "vote", "<https://evil.example|here>"),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            List.of("<@U0BOSS> & co", "Beta"),
                            List.of("Impact")));

            List<String> mrkdwn = new ArrayList<>();
            collectMrkdwn(json(new SlackPollMessageRenderer(ZoneOffset.UTC).render(poll, 0, clock.instant())), mrkdwn);
            BotReply.BallotView ballot = (BotReply.BallotView) wiring.bot()
                    .handle(caller("U0ALICE"), new BotCommand.OpenBallot(new PollRef.ById(poll.id())))
                    .toCompletableFuture()
                    .join();
            collectMrkdwn(json(new BallotModalRenderer().render(ballot.poll(), ballot.ballot(), 1)), mrkdwn);
            collectMrkdwn(
                    json(new SlackResultsRenderer(java.time.ZoneOffset.UTC)
                            .render(wiring.reports().reportFor(poll))),
                    mrkdwn);

            // Slack reads <!channel>, <@user> and <url|text> only in mrkdwn; plain_text shows them as typed
            assertThat(mrkdwn)
                    .isNotEmpty()
                    .noneMatch(text -> text.contains("<!channel>")
                            || text.contains("<https://evil")
                            || text.contains("<@U0BOSS>"));
            assertThat(String.join("\n", mrkdwn)).contains("&lt;!channel&gt;").contains("&lt;@U0BOSS&gt; &amp; co");
        }
    }

    private static void collectMrkdwn(JsonNode node, List<String> texts) {
        if (node.isObject() && node.path("type").asText().equals("mrkdwn")) {
            texts.add(node.path("text").asText());
        }
        node.forEach(child -> collectMrkdwn(child, texts));
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

    private static Caller caller(String user) {
        return new Caller(Platform.SLACK, TEAM, CHANNEL, user, false);
    }

    private static Poll create(Wiring wiring, BotCommand.Create command) {
        BotReply reply = wiring.bot()
                .handle(caller("U0ALICE"), command)
                .toCompletableFuture()
                .join();
        assertThat(reply).isInstanceOf(BotReply.PollPosted.class);
        return ((BotReply.PollPosted) reply).poll();
    }

    private static void vote(Wiring wiring, Poll poll, String voter, int[] scores) {
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

    private static JsonNode json(Object slackModel) throws IOException {
        return JSON.readTree(SLACK_JSON.toJson(slackModel));
    }

    /** Compares JSON trees (key order aside); -Dgolden.update=true rewrites the file instead. */
    private static void assertGolden(String name, JsonNode actual) throws IOException {
        Path golden = Path.of("src/test/resources/golden/slack", name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, JSON.writeValueAsString(actual) + "\n", StandardCharsets.UTF_8);
        }
        assertThat(golden)
                .as("golden file (create it with -Dgolden.update=true)")
                .exists();
        JsonNode expected = JSON.readTree(Files.readString(golden, StandardCharsets.UTF_8));
        assertThat(actual)
                .as("%s differs from its golden file; actual:%n%s", name, JSON.writeValueAsString(actual))
                .isEqualTo(expected);
    }
}
