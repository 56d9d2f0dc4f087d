package dev.fieldpoll.discord;

import static dev.fieldpoll.discord.Payloads.ALICE;
import static dev.fieldpoll.discord.Payloads.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldpoll.discord.Payloads.Person;
import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.store.Database;
import dev.fieldpoll.store.SqlPollStore;
import dev.fieldpoll.testing.ChildJvm;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL through the real Discord adapter: fieldpoll runs in a child JVM (real Wiring, real JDA)
 * against the fake Discord here. Members vote, on their ballots and by /poll score, while another
 * program holds the database's write lock; the child is killed once some votes were answered
 * "Saved". Every vote a member was told is saved must be in the database afterwards, and while the
 * lock is held no member may be told anything but "thinking…".
 */
class DiscordCrashTest {

    private static final int MEMBERS = 60;
    private static final int SAVED_BEFORE_KILL = 10;
    private static final Duration WAIT = Duration.ofMinutes(1);
    private static final Pattern VOTE_BUTTON = Pattern.compile("fp1:vote:(\\d+)");
    private static final Pattern ANSWER_SELECT = Pattern.compile("fp1:answer:(\\d+):([^:\"]+):([^:\"]+)");

    @TempDir
    Path dir;

    private record Vote(Person member, CellKey cell, int score) {}

    @Test
    void no_vote_answered_saved_is_lost_when_fieldpoll_is_killed_while_the_database_was_locked() throws Exception {
        Map<String, Vote> votes = new LinkedHashMap<>();
        long pollId;
        List<String> acknowledged;
        try (FakeDiscord discord = fakeDiscord()) {
            Process child = start(discord);
            try {
                ChildJvm.awaitLine(child, "READY", dir.resolve("child.log"));

                // given a poll and its ballot
                String created = send(discord, Payloads.slash(ALICE, "create", options()));
                assertThat(finalAnswer(discord, created)).contains("is posted");
                Matcher button = VOTE_BUTTON.matcher(
                        discord.lastMessageIn(Payloads.CHANNEL).toString());
                assertThat(button.find()).isTrue();
                pollId = Long.parseLong(button.group(1));
                String opened = send(
                        discord, Payloads.button(ALICE, discord.lastMessageIn(Payloads.CHANNEL), "fp1:vote:" + pollId));
                finalAnswer(discord, opened);
                ObjectNode ballot = discord.message(discord.originalOf(opened));
                List<CellKey> cells = cellsOn(ballot);
                assertThat(cells).hasSizeGreaterThanOrEqualTo(2);

                try (Connection lock = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("fieldpoll.db"));
                        Statement holding = lock.createStatement()) {
                    // when another program holds the write lock while 60 members vote
                    holding.execute("BEGIN EXCLUSIVE");
                    for (int index = 0; index < MEMBERS; index++) {
                        Person member = new Person(
                                Long.toString(420_000_000_000_000_000L + index), "member" + index, List.of());
                        Vote vote = new Vote(member, cells.get(index % cells.size()), 1 + index % 5);
                        votes.put(
                                send(
                                        discord,
                                        Payloads.vote(
                                                member, pollId, ballot, vote.cell(), vote.score(), index % 2 == 0)),
                                vote);
                    }

                    // then while it is held every member is only told "thinking…" (a deferral)
                    discord.await(request -> firstResponses(discord, votes.keySet()) == votes.size(), WAIT);
                    for (String token : votes.keySet()) {
                        assertThat(callback(discord, token).body().path("type").asInt())
                                .as("the first response to %s while the database is locked", votes.get(token))
                                .isEqualTo(DEFERRED_REPLY);
                    }
                    holding.execute("ROLLBACK");
                }

                // and once it is released, fieldpoll is killed as soon as some votes were answered "Saved"
                discord.await(request -> saved(discord, votes.keySet()).size() >= SAVED_BEFORE_KILL, WAIT);
                child.toHandle().destroyForcibly();
                assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
            } finally {
                child.destroyForcibly();
                child.waitFor(1, TimeUnit.MINUTES);
            }
            acknowledged = saved(discord, votes.keySet());
        }

        // then every vote a member was told is saved is on disk
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(SAVED_BEFORE_KILL);
        try (Database database = Database.open(dir.resolve("fieldpoll.db"))) {
            SqlPollStore store = new SqlPollStore(database, Clock.systemUTC());
            for (String token : acknowledged) {
                Vote vote = votes.get(token);
                assertThat(store.ballot(pollId, vote.member().id()).answers().get(vote.cell()))
                        .as("the vote answered Saved: %s", vote)
                        .isEqualTo(Answer.score(vote.score()));
            }
        }
    }

    private static final int DEFERRED_REPLY = 5;

    private static FakeDiscord fakeDiscord() {
        return new FakeDiscord()
                .withGuild(Payloads.guildCreate(Payloads.GUILD, "Safety Readers", List.of(Payloads.CHANNEL)))
                .start();
    }

    private Process start(FakeDiscord discord) throws IOException {
        return ChildJvm.start(
                DiscordBotProcess.class,
                dir.resolve("child.log"),
                dir.toString(),
                discord.apiUrl(),
                discord.gatewayUrl());
    }

    private static String send(FakeDiscord discord, ObjectNode interaction) {
        discord.interact(interaction);
        return interaction.get("token").asText();
    }

    /** The cells the ballot's first page asks about, from the ids of its selects. */
    private static List<CellKey> cellsOn(ObjectNode ballot) {
        List<CellKey> cells = new ArrayList<>();
        Matcher select = ANSWER_SELECT.matcher(ballot.toString());
        while (select.find()) {
            cells.add(new CellKey(select.group(2), select.group(3)));
        }
        return cells;
    }

    private static String finalAnswer(FakeDiscord discord, String token) {
        return discord.awaitAnswered(List.of(token), WAIT)
                .get(token)
                .message()
                .path("content")
                .asText("");
    }

    private static FakeDiscord.Request callback(FakeDiscord discord, String token) {
        return discord.await(request -> isCallback(request, token), WAIT);
    }

    private static boolean isCallback(FakeDiscord.Request request, String token) {
        return request.is("POST", "/api/v10/interactions/\\d+/" + Pattern.quote(token) + "/callback");
    }

    private static long firstResponses(FakeDiscord discord, java.util.Collection<String> tokens) {
        List<FakeDiscord.Request> requests = discord.requests();
        return tokens.stream()
                .filter(token -> requests.stream().anyMatch(request -> isCallback(request, token)))
                .count();
    }

    /** The votes whose member was told "Saved", by any of the requests Discord received. */
    private static List<String> saved(FakeDiscord discord, java.util.Collection<String> tokens) {
        List<FakeDiscord.Request> requests = discord.requests();
        return tokens.stream()
                .filter(token -> requests.stream()
                        .filter(request -> request.path().contains("/" + token))
                        .anyMatch(request -> request.text().contains("Saved")))
                .toList();
    }
}
