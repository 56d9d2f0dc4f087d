package dev.fieldpoll.store;

import static dev.fieldpoll.store.TestPolls.CREATED;
import static dev.fieldpoll.store.TestPolls.EVALS_FEEDBACK;
import static dev.fieldpoll.store.TestPolls.MECH_FEEDBACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.bot.BotCommand;
import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.CommandParser;
import dev.fieldpoll.bot.ParseResult;
import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.Ballot;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.StoreException;
import dev.fieldpoll.testing.LogCapture;
import dev.fieldpoll.testing.MutableClock;
import dev.fieldpoll.testing.TestConfigs;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults of the world outside: another program holding the file's lock, a full disk, a file that
 * turned read-only. Each gives a clear StoreException and harms nothing already stored.
 */
class StoreFaultsTest {

    private static final Map<CellKey, Answer> FOUR = Map.of(MECH_FEEDBACK, Answer.score(4));

    @TempDir
    Path dir;

    @Test
    void aVoteWaitsWhileAnotherProgramHoldsTheLockAndIsSavedWhenItLetsGo() throws Exception {
        Path file = dir.resolve("fieldpoll.db");
        try (Database database = Database.open(file);
                Connection otherProgram = connect(file)) {
            // given
            SqlPollStore store = new SqlPollStore(database, Clock.systemUTC());
            long pollId = Commits.create(store, TestPolls.newPoll()).id();
            execute(otherProgram, "BEGIN IMMEDIATE");

            // when
            VoteThread vote = VoteThread.start(store, pollId, "alice", MECH_FEEDBACK, Answer.score(4));
            Thread.sleep(300);
            boolean doneWhileLocked = vote.isDone();
            execute(otherProgram, "COMMIT");

            // then: it kept retrying rather than failing, and is saved once the lock is free
            assertThat(doneWhileLocked).isFalse();
            assertThat(vote.failure()).isNull();
            assertThat(store.ballot(pollId, "alice").answers()).isEqualTo(FOUR);
        }
    }

    @Test
    void aLockHeldPastTheBusyTimeoutFailsEveryWaitingVoteClearlyAndSavesNoneOfThem() throws Exception {
        Path file = dir.resolve("fieldpoll.db");
        DatabaseSettings impatient =
                new DatabaseSettings(Duration.ofMillis(200), DatabaseSettings.Synchronous.FULL, 2, false);
        try (Database database = Database.open(file, impatient);
                Connection otherProgram = connect(file)) {
            // given
            SqlPollStore store = new SqlPollStore(database, Clock.systemUTC());
            long pollId = Commits.create(store, TestPolls.newPoll()).id();
            Commits.save(store, pollId, "before", FOUR, CREATED);
            execute(otherProgram, "BEGIN IMMEDIATE");

            // when
            List<VoteThread> votes = new ArrayList<>();
            for (int voter = 0; voter < 10; voter++) {
                votes.add(VoteThread.start(store, pollId, "voter-" + voter, MECH_FEEDBACK, Answer.score(2)));
            }
            List<Throwable> failures = new ArrayList<>();
            for (VoteThread vote : votes) {
                failures.add(vote.failure());
            }
            execute(otherProgram, "ROLLBACK");

            // then
            assertThat(failures)
                    .allSatisfy(failure -> assertThat(failure)
                            .isInstanceOf(StoreException.class)
                            .hasMessage("Could not save answers in poll " + pollId + ": the database file " + file
                                    + " stayed locked by another program for longer than 200 ms. "
                                    + "Stop the other program or raise the busy timeout."));
            assertThat(store.voterCount(pollId)).isEqualTo(1);
            Commits.save(store, pollId, "after", FOUR, CREATED);
            assertThat(store.voterCount(pollId)).isEqualTo(2);
        }
    }

    @Test
    void aFullDiskRefusesTheVoteClearlyAndHarmsNothingStored() {
        Path file = dir.resolve("fieldpoll.db");
        try (Database database = Database.open(file)) {
            // given a disk with no page left beyond those in use
            SqlPollStore store = new SqlPollStore(database, Clock.systemUTC());
            long pollId = Commits.create(store, TestPolls.newPoll()).id();
            long pages = capPages(database, 0);

            // when members keep voting until the file can grow no more
            List<String> saved = new ArrayList<>();
            StoreException full = null;
            for (int voter = 0; voter < 10_000 && full == null; voter++) {
                String voterId = "voter-" + voter + "-" + "x".repeat(40);
                try {
                    Commits.save(
                            store,
                            pollId,
                            voterId,
                            Map.of(MECH_FEEDBACK, Answer.score(1 + voter % 5), EVALS_FEEDBACK, Answer.DONT_KNOW),
                            CREATED);
                    saved.add(voterId);
                } catch (StoreException e) {
                    full = e;
                }
            }

            // then
            assertThat(full)
                    .isNotNull()
                    .hasMessage("Could not save answers in poll " + pollId + ": the disk holding " + file
                            + " is full. Free some space; nothing of this change was saved.");
            assertThat(saved).isNotEmpty();
            assertThat(store.voterCount(pollId)).isEqualTo(saved.size());
            for (int i = 0; i < saved.size(); i++) {
                assertThat(store.ballot(pollId, saved.get(i)).answers())
                        .isEqualTo(Map.of(MECH_FEEDBACK, Answer.score(1 + i % 5), EVALS_FEEDBACK, Answer.DONT_KNOW));
            }
            assertThat(integrity(database)).isEqualTo("ok");
            capPages(database, pages * 10);
            Commits.save(store, pollId, "after-cleanup", FOUR, CREATED);
            assertThat(store.ballot(pollId, "after-cleanup").answers()).isEqualTo(FOUR);
        }
    }

    @Test
    void aFileThatTurnedReadOnlyRefusesTheVoteClearlyAndKeepsTheVotesBefore() {
        Path file = dir.resolve("fieldpoll.db");
        try (Database database = Database.open(file)) {
            // given
            SqlPollStore store = new SqlPollStore(database, Clock.systemUTC());
            long pollId = Commits.create(store, TestPolls.newPoll()).id();
            Commits.save(store, pollId, "alice", FOUR, CREATED);
            Ballot before = store.ballot(pollId, "alice");
            // SQLite's query_only answers writes as a read-only file does (root ignores file modes)
            database.inTransaction(connection -> execute(connection, "PRAGMA query_only = ON"));

            // when / then
            assertThatThrownBy(
                            () -> Commits.save(store, pollId, "alice", Map.of(MECH_FEEDBACK, Answer.score(1)), CREATED))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("Could not save answers in poll " + pollId + ": the database file " + file
                            + " is read-only, so fieldpoll cannot save polls or votes. "
                            + "Make the file and its folder writable for the user running fieldpoll.");
            assertThat(store.ballot(pollId, "alice")).isEqualTo(before);
            assertThat(integrity(database)).isEqualTo("ok");
        }
    }

    @Test
    void aFileThatTurnedReadOnlyTakesVotesAgainOnceWritable() {
        Path file = dir.resolve("fieldpoll.db");
        try (Database database = Database.open(file)) {
            // given
            SqlPollStore store = new SqlPollStore(database, Clock.systemUTC());
            long pollId = Commits.create(store, TestPolls.newPoll()).id();
            readOnly(database, true);
            assertThatThrownBy(() -> Commits.save(store, pollId, "alice", FOUR, CREATED))
                    .isInstanceOf(StoreException.class)
                    .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(StoreException.Kind.READ_ONLY));

            // when the file is writable again
            readOnly(database, false);
            Commits.save(store, pollId, "alice", FOUR, CREATED);

            // then
            assertThat(store.ballot(pollId, "alice").answers()).isEqualTo(FOUR);
            assertThat(integrity(database)).isEqualTo("ok");
        }
    }

    @Test
    void aFullDiskThenAReadOnlyFileThenRoomAgainLeaveTheWriterUsable() throws Exception {
        Path file = dir.resolve("fieldpoll.db");
        try (Database database = Database.open(file)) {
            // given a disk that filled up (SQLite rolls the transaction back itself then)
            SqlPollStore store = new SqlPollStore(database, Clock.systemUTC());
            long pollId = Commits.create(store, TestPolls.newPoll()).id();
            long pages = capPages(database, 0);
            StoreException full = fillUntilFull(store, pollId);
            assertThat(full.kind()).isEqualTo(StoreException.Kind.FULL);
            capPages(database, pages * 10);
            // and then a file that turned read-only (SQLite keeps that transaction open for a rollback)
            readOnly(database, true);
            assertThatThrownBy(() -> Commits.save(store, pollId, "bob", FOUR, CREATED))
                    .isInstanceOf(StoreException.class);

            // when it is writable, with room, again
            readOnly(database, false);
            List<VoteThread> votes = new ArrayList<>();
            for (int voter = 0; voter < 8; voter++) {
                votes.add(VoteThread.start(store, pollId, "later-" + voter, MECH_FEEDBACK, Answer.score(3)));
            }

            // then every later vote is saved, without a restart
            for (VoteThread vote : votes) {
                assertThat(vote.failure()).isNull();
            }
            Commits.save(store, pollId, "bob", FOUR, CREATED);
            assertThat(store.ballot(pollId, "bob").answers()).isEqualTo(FOUR);
            assertThat(store.ballot(pollId, "later-7").answers()).isEqualTo(Map.of(MECH_FEEDBACK, Answer.score(3)));
            assertThat(integrity(database)).isEqualTo("ok");
        }
    }

    @Test
    void aWriteThatFailsInsideItsTransactionAfterAFullDiskLeavesNoTransactionOpen() {
        Path file = dir.resolve("fieldpoll.db");
        try (Database database = Database.open(file)) {
            // given
            SqlPollStore store = new SqlPollStore(database, Clock.systemUTC());
            long pollId = Commits.create(store, TestPolls.newPoll()).id();
            long pages = capPages(database, 0);
            fillUntilFull(store, pollId);
            capPages(database, pages * 10);

            // when a write fails halfway through its own transaction
            assertThatThrownBy(() -> Commits.join(store.recordMessage(pollId + 1000, "123")))
                    .isInstanceOf(IllegalArgumentException.class);

            // then the next one is saved
            Commits.save(store, pollId, "after", FOUR, CREATED);
            assertThat(store.ballot(pollId, "after").answers()).isEqualTo(FOUR);
        }
    }

    @Test
    void aMemberOfAFullDiskSeesOneFriendlyLineWhileTheLogKeepsThePathAndCauseAndTheNextVoteIsSaved() {
        Caller member = new Caller(Platform.SLACK, "T1", "C1", "U1", false);
        try (Wiring wiring = new Wiring(TestConfigs.at(dir), new MutableClock(Instant.parse("2026-11-27T10:00:00Z")));
                LogCapture log = new LogCapture()) {
            // given a poll on a disk with no room left
            wiring.bot()
                    .handle(member, parse("/poll create"))
                    .toCompletableFuture()
                    .join();
            long pages = capPages(wiring.database(), 0);
            BotReply refused = null;
            for (int voter = 0; voter < 10_000 && refused == null; voter++) {
                Caller next = new Caller(Platform.SLACK, "T1", "C1", "voter-" + voter + "x".repeat(40), false);
                BotReply reply = wiring.bot()
                        .handle(next, parse("/poll vote evals feedback=2 economic=4"))
                        .toCompletableFuture()
                        .join();
                refused = reply instanceof BotReply.Problem ? reply : null;
            }

            // then the member reads one plain sentence, the log the path, the reason and the stack trace
            assertThat(((BotReply.Problem) refused).message())
                    .isEqualTo("I can't save anything right now because the server's disk is full, so nothing changed. "
                            + "Please try again later.");
            assertThat(log.text())
                    .contains("the disk holding " + wiring.config().database().name() + " is full")
                    .contains("SQLITE_FULL")
                    .contains("\tat dev.fieldpoll.store.DatabaseWriter");

            // and once there is room again, the next vote is saved without a restart
            capPages(wiring.database(), pages * 10);
            assertThat(wiring.bot()
                            .handle(member, parse("/poll vote evals feedback=2 economic=4"))
                            .toCompletableFuture()
                            .join())
                    .isInstanceOf(BotReply.VoteSaved.class);
        }
    }

    private static BotCommand parse(String line) {
        return ((ParseResult.Parsed) new CommandParser().parse(line)).command();
    }

    /** Votes until the capped file is full; returns the failure. */
    private static StoreException fillUntilFull(SqlPollStore store, long pollId) {
        for (int voter = 0; voter < 10_000; voter++) {
            try {
                Commits.save(
                        store,
                        pollId,
                        "voter-" + voter + "-" + "x".repeat(40),
                        Map.of(MECH_FEEDBACK, Answer.score(1 + voter % 5), EVALS_FEEDBACK, Answer.DONT_KNOW),
                        CREATED);
            } catch (StoreException e) {
                return e;
            }
        }
        throw new AssertionError("the capped file never filled up");
    }

    /** SQLite's query_only answers writes as a read-only file does (root ignores file modes). */
    static void readOnly(Database database, boolean on) {
        database.onWriteConnection(
                "switch query_only", connection -> execute(connection, "PRAGMA query_only = " + (on ? "ON" : "OFF")));
    }

    /** Caps the file at its current size plus {@code extraPages} (SQLITE_FULL beyond), as a full disk would. */
    static long capPages(Database database, long extraPages) {
        return database.inTransaction(connection -> {
            long pages = Long.parseLong(query(connection, "PRAGMA page_count"));
            execute(connection, "PRAGMA max_page_count = " + (pages + extraPages));
            return pages;
        });
    }

    static String integrity(Database database) {
        return database.withConnection(connection -> query(connection, "PRAGMA integrity_check"));
    }

    private static Connection connect(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    private static Void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        return null;
    }

    private static String query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
