package dev.fieldpoll.discord;

import static dev.fieldpoll.discord.Payloads.ALICE;
import static dev.fieldpoll.discord.Payloads.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldpoll.discord.Payloads.Person;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.NewPoll;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.poll.ResultsVisibility;
import dev.fieldpoll.poll.Workspace;
import dev.fieldpoll.slack.LoopbackSlack;
import dev.fieldpoll.store.Database;
import dev.fieldpoll.store.SqlPollStore;
import dev.fieldpoll.testing.FieldpollProcess;
import dev.fieldpoll.testing.ProcStatus;
import dev.fieldpoll.testing.ReportFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's bar, in a test: {@code fieldpoll run} with {@code -Xmx128m} in a JVM of its own (the
 * product's entry point, the real Wiring, JDA and Bolt), serving Discord and Slack together against
 * the local fakes, configured only by the environment as an operator would. It answers a burst of
 * 1,000 simultaneous votes from 60 members (30 on each platform, every vote answered "Saved" and on
 * disk) and the results of a poll with 100,000 voters' ballots (seeded into the database before the
 * start), without an OutOfMemoryError (the JVM is told to exit on one) and without a GC pause over
 * {@link #LONGEST_PAUSE}. The child's resident memory idle, after the burst and at its peak, and
 * the GC pauses, are printed for the README; only a generous ceiling on memory is asserted.
 */
class SmallHeapRunTest {

    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(500);
    /** Far above the 130–320 MiB measured before issue 12: a leak or a heap ignored, not noise. */
    private static final long RESIDENT_CEILING_MIB = 600;

    private static final int VOTES_PER_PLATFORM = 500;
    private static final int MEMBERS_PER_PLATFORM = 30;
    private static final int REPORT_VOTERS = 100_000;
    private static final String SLACK_CHANNEL = "C0BURST";
    private static final List<String> SLACK_FIELDS =
            List.of("Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa");
    private static final List<String> SLACK_FACTORS = List.of("Impact", "Effort");
    private static final Pattern VOTE_BUTTON = Pattern.compile("fp1:vote:(\\d+)");
    /** A field's line in the ranking: "1. **Mech Interp** — 4.06 …". */
    private static final Pattern RANKED = Pattern.compile("(?m)^\\d+\\. \\*\\*");

    private static final Pattern GC_PAUSE = Pattern.compile("Pause .* (\\d+(?:\\.\\d+)?)ms$");

    @TempDir
    Path folder;

    /** One member's score for one cell. */
    private record Vote(String member, CellKey cell, int score) {}

    @Test
    @Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
    void run_in_128_megabytes_serves_a_burst_of_a_thousand_votes_and_a_hundred_thousand_voter_report()
            throws Exception {
        // given a database holding a poll with 100,000 voters' ballots, on Discord's second channel
        Stopwatch took = new Stopwatch();
        Path database = folder.resolve("fieldpoll.db");
        long bigPoll = seedPoll(database, REPORT_VOTERS);
        Path gcLog = folder.resolve("gc.log");
        took.lap("seeding");

        try (FakeDiscord discord = new FakeDiscord()
                        .withGuild(Payloads.guildCreate(
                                Payloads.GUILD, "Heap Readers", List.of(Payloads.CHANNEL, Payloads.SECOND_CHANNEL)))
                        .start();
                LoopbackSlack slack = new LoopbackSlack();
                FieldpollProcess bot = FieldpollProcess.start(
                        folder,
                        List.of(
                                "-Xmx128m",
                                "-XX:-HeapDumpOnOutOfMemoryError",
                                "-XX:+ExitOnOutOfMemoryError",
                                "-Xlog:gc:file=" + gcLog),
                        environment(discord, slack),
                        "run",
                        "--db",
                        database.toString())) {
            // and fieldpoll running on both, idle
            bot.await(Pattern.compile("fieldpoll: running on Discord and Slack"), WAIT);
            discord.await(request -> request.is("PUT", ".*/commands"), WAIT);
            long idleKib = ProcStatus.kib(bot.pid(), ProcStatus.RESIDENT);
            took.lap("the start");

            // and a poll on each platform, with a ballot open on Discord
            long discordPoll = createDiscordPoll(discord);
            ObjectNode ballot = openBallot(discord, discordPoll);
            List<CellKey> discordCells = cellsOf(database, discordPoll);
            // (a poll posted in the channel is its own answer: the command's ack is empty, sent after the commit)
            assertThat(slack.awaitAnswer(slack.command(SLACK_CHANNEL, "U0ALICE", slackCreate()), WAIT))
                    .isEmpty();
            long slackPoll = pollOn(database, Platform.SLACK);

            // when 60 members send 1,000 votes at once, half on Discord (on the ballot and typed), half on Slack
            List<Vote> discordVotes = plan("4100000000000000", discordCells);
            List<Vote> slackVotes = plan("U0M", cellsOf(database, slackPoll));
            took.lap("the two polls");
            Map<String, Vote> discordSent = new LinkedHashMap<>();
            Map<String, Vote> slackSent = new LinkedHashMap<>();
            for (int index = 0; index < VOTES_PER_PLATFORM; index++) {
                Vote onDiscord = discordVotes.get(index);
                ObjectNode interaction = Payloads.vote(
                        new Person(onDiscord.member(), "member" + index % MEMBERS_PER_PLATFORM, List.of()),
                        discordPoll,
                        ballot,
                        onDiscord.cell(),
                        onDiscord.score(),
                        index % 2 == 0);
                discord.interact(interaction);
                discordSent.put(interaction.get("token").asText(), onDiscord);
                Vote onSlack = slackVotes.get(index);
                slackSent.put(
                        slack.command(
                                SLACK_CHANNEL,
                                onSlack.member(),
                                "vote " + onSlack.cell().field() + " "
                                        + onSlack.cell().factor() + "=" + onSlack.score()),
                        onSlack);
            }

            // then every member is told "Saved", and every vote is on disk
            Map<String, FakeDiscord.Answered> answered = discord.awaitAnswered(discordSent.keySet(), WAIT);
            for (Map.Entry<String, Vote> sent : discordSent.entrySet()) {
                assertThat(answered.get(sent.getKey()).message().path("content").asText())
                        .as("Discord's answer to %s", sent.getValue())
                        .contains("Saved");
            }
            for (Map.Entry<String, Vote> sent : slackSent.entrySet()) {
                assertThat(slack.awaitAnswer(sent.getKey(), WAIT))
                        .as("Slack's answer to %s", sent.getValue())
                        .contains("Saved");
            }
            long burstKib = ProcStatus.kib(bot.pid(), ProcStatus.RESIDENT);
            took.lap("the burst");
            Map<String, Integer> stored = votesIn(database, discordPoll, slackPoll);
            assertThat(stored).hasSize(2 * VOTES_PER_PLATFORM);
            for (Vote vote : concat(discordVotes, slackVotes)) {
                assertThat(stored).containsEntry(key(vote.member(), vote.cell()), vote.score());
            }

            // when a member asks for the results of the 100,000-voter poll
            ObjectNode ask = Payloads.slash(
                    ALICE, Payloads.GUILD, Payloads.SECOND_CHANNEL, "results", options("poll", "#" + bigPoll));
            discord.interact(ask);

            // then the answer arrives with every field ranked, from all the ballots
            JsonNode results = discord.awaitAnswered(List.of(ask.get("token").asText()), WAIT)
                    .get(ask.get("token").asText())
                    .message()
                    .path("embeds")
                    .path(0);
            assertThat(results.path("description").asText()).contains("**Ranking**");
            assertThat(RANKED.matcher(results.path("description").asText()).results())
                    .hasSize(10);
            assertThat(results.path("footer").path("text").asText()).contains(REPORT_VOTERS + " voters");
            took.lap("the report");
            long peakKib = ProcStatus.kib(bot.pid(), ProcStatus.PEAK_RESIDENT);
            bot.stop(WAIT);
            assertThat(bot.output()).doesNotContain("OutOfMemoryError");
            List<Double> pauses = pauses(gcLog);
            System.out.printf(
                    Locale.ROOT,
                    "fieldpoll run -Xmx128m on Discord and Slack: RSS idle %d MiB, after the burst of %d votes %d MiB,"
                            + " peak %d MiB (with the %,d-voter report); %d GC pauses, the longest %.1f ms; %s%n",
                    idleKib / 1024,
                    2 * VOTES_PER_PLATFORM,
                    burstKib / 1024,
                    peakKib / 1024,
                    REPORT_VOTERS,
                    pauses.size(),
                    pauses.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                    took);
            assertThat(pauses).as("the GC log %s", gcLog).isNotEmpty();
            assertThat(pauses)
                    .as("GC pauses in milliseconds")
                    .allSatisfy(pause -> assertThat(pause).isLessThan((double) LONGEST_PAUSE.toMillis()));
            assertThat(peakKib / 1024).as("peak RSS in MiB").isBetween(1L, RESIDENT_CEILING_MIB);
        }
    }

    private static Map<String, String> environment(FakeDiscord discord, LoopbackSlack slack) {
        return Map.of(
                "DISCORD_TOKEN",
                FakeDiscord.TOKEN,
                "FIELDPOLL_DISCORD_API_URL",
                discord.apiUrl(),
                "FIELDPOLL_DISCORD_GATEWAY_URL",
                discord.gatewayUrl(),
                "SLACK_BOT_TOKEN",
                LoopbackSlack.BOT_TOKEN,
                "SLACK_APP_TOKEN",
                LoopbackSlack.APP_TOKEN,
                "FIELDPOLL_SLACK_API_URL",
                slack.apiUrl());
    }

    private static String slackCreate() {
        return "create Burst fields:\"" + String.join("; ", SLACK_FIELDS) + "\" factors:\""
                + String.join("; ", SLACK_FACTORS) + "\"";
    }

    /** 500 votes from 30 members, none answering a cell twice: 17 each for 20 of them, 16 for the rest. */
    private static List<Vote> plan(String memberPrefix, List<CellKey> cells) {
        List<Vote> votes = new ArrayList<>();
        for (int index = 0; index < VOTES_PER_PLATFORM; index++) {
            int member = index % MEMBERS_PER_PLATFORM;
            int round = index / MEMBERS_PER_PLATFORM;
            votes.add(new Vote(
                    memberPrefix + String.format(Locale.ROOT, "%02d", member),
                    cells.get((member + round) % cells.size()),
                    1 + (member + round) % 5));
        }
        return votes;
    }

    private static long createDiscordPoll(FakeDiscord discord) {
        ObjectNode create = Payloads.slash(ALICE, "create", options());
        discord.interact(create);
        String token = create.get("token").asText();
        assertThat(DiscordHarness.answer(discord, token).path("content").asText(""))
                .contains("is posted");
        Matcher button =
                VOTE_BUTTON.matcher(discord.lastMessageIn(Payloads.CHANNEL).toString());
        assertThat(button.find()).isTrue();
        return Long.parseLong(button.group(1));
    }

    private static ObjectNode openBallot(FakeDiscord discord, long pollId) {
        ObjectNode open = Payloads.button(ALICE, discord.lastMessageIn(Payloads.CHANNEL), "fp1:vote:" + pollId);
        discord.interact(open);
        String token = open.get("token").asText();
        discord.awaitAnswered(List.of(token), WAIT);
        return discord.message(discord.originalOf(token));
    }

    /**
     * Every voter's ballot, made inside SQLite in one statement (so one transaction, and no call
     * from Java per row): scores from a fixed hash of voter and cell, one in 21 "don't know". Each
     * voter answers the first two fields, where 60% score high what the other 40% score low (so the
     * report also finds opinion groups, its heaviest path), and about half of the other cells, a
     * subset of their own (nearly every ballot's pattern unique: the refit's worst case), about
     * 1.2 million rows in all. Parameters: the number of voters, then the poll id twice.
     */
    private static final String BALLOTS = """
            WITH RECURSIVE voter(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM voter WHERE n + 1 < ?),
            cell AS (
                SELECT f.field_key, c.factor_key, f.position AS field, c.position AS factor
                FROM poll_field f JOIN poll_factor c ON c.poll_id = f.poll_id WHERE f.poll_id = ?),
            answer AS (
                SELECT voter.n, cell.*, (voter.n * 7919 + cell.field * 104729 + cell.factor * 1299709
                        + voter.n * (cell.field + 3) * 31) % 21 AS roll, voter.n * 37 % 5 < 3 AS first_camp
                FROM voter CROSS JOIN cell)
            INSERT INTO vote (poll_id, voter_id, field_key, factor_key, score, updated_at)
            SELECT ?, CAST(500000000000000000 + n AS TEXT), field_key, factor_key,
                CASE
                    WHEN field < 2 AND first_camp = (factor = 0) THEN 5 - roll % 2
                    WHEN field < 2 THEN 1 + roll % 2
                    WHEN roll = 20 THEN NULL
                    ELSE 1 + (roll + field + factor) % 5
                END,
                '2026-12-01T10:00:00.000Z'
            FROM answer
            WHERE field < 2 OR (n * 2654435761 % 4294967296) >> (field * 2 + factor) & 1 = 1
            """;

    /**
     * A poll of the AI-safety template (10 fields x 2 factors, results live) created by the real
     * store, then its {@link #BALLOTS}.
     */
    private static long seedPoll(Path file, int voters) throws SQLException {
        PollDefinition definition = ReportFixtures.aiSafetyTemplate();
        long pollId;
        try (Database database = Database.open(file)) {
            pollId = new SqlPollStore(database, Clock.systemUTC())
                    .create(new NewPoll(
                            new Workspace(Platform.DISCORD, Payloads.GUILD),
                            Payloads.SECOND_CHANNEL,
                            "A hundred thousand voters",
                            "ai-safety-automation",
                            definition,
                            ResultsVisibility.LIVE,
                            ALICE.id(),
                            Instant.parse("2026-12-01T10:00:00Z"),
                            null,
                            null,
                            false,
                            false))
                    .toCompletableFuture()
                    .join()
                    .id();
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                PreparedStatement insert = connection.prepareStatement(BALLOTS)) {
            insert.setInt(1, voters);
            insert.setLong(2, pollId);
            insert.setLong(3, pollId);
            assertThat(insert.executeUpdate()).isBetween(voters * 10, voters * 14);
        }
        return pollId;
    }

    private static List<CellKey> cellsOf(Path file, long pollId) throws SQLException {
        List<CellKey> cells = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                PreparedStatement query = connection.prepareStatement("SELECT f.field_key, c.factor_key"
                        + " FROM poll_field f JOIN poll_factor c ON c.poll_id = f.poll_id WHERE f.poll_id = ?"
                        + " ORDER BY f.position, c.position")) {
            query.setLong(1, pollId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    cells.add(new CellKey(rows.getString(1), rows.getString(2)));
                }
            }
        }
        return cells;
    }

    private static long pollOn(Path file, Platform platform) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                PreparedStatement query = connection.prepareStatement("SELECT id FROM poll WHERE platform = ?")) {
            query.setString(1, platform.name());
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as("a poll on %s", platform).isTrue();
                return rows.getLong(1);
            }
        }
    }

    /** Every score stored in the two polls, by voter and cell. */
    private static Map<String, Integer> votesIn(Path file, long first, long second) throws SQLException {
        Map<String, Integer> scores = new HashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                PreparedStatement query = connection.prepareStatement(
                        "SELECT voter_id, field_key, factor_key, score FROM vote WHERE poll_id IN (?, ?)")) {
            query.setLong(1, first);
            query.setLong(2, second);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    scores.put(
                            key(rows.getString(1), new CellKey(rows.getString(2), rows.getString(3))), rows.getInt(4));
                }
            }
        }
        return scores;
    }

    private static String key(String member, CellKey cell) {
        return member + " " + cell.field() + " " + cell.factor();
    }

    private static List<Vote> concat(List<Vote> first, List<Vote> second) {
        List<Vote> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** How long each step of the test took, for the printed line: where its time goes on a busy machine. */
    private static final class Stopwatch {
        private final List<String> laps = new ArrayList<>();
        private long since = System.nanoTime();

        void lap(String step) {
            long now = System.nanoTime();
            laps.add(String.format(Locale.ROOT, "%s %.1f s", step, (now - since) / 1e9));
            since = now;
        }

        @Override
        public String toString() {
            return String.join(", ", laps);
        }
    }

    /** Every stop-the-world pause the JVM logged, in milliseconds. */
    private static List<Double> pauses(Path gcLog) throws java.io.IOException {
        List<Double> pauses = new ArrayList<>();
        for (String line : Files.readAllLines(gcLog)) {
            Matcher pause = GC_PAUSE.matcher(line);
            if (pause.find()) {
                pauses.add(Double.parseDouble(pause.group(1)));
            }
        }
        return pauses;
    }
}
