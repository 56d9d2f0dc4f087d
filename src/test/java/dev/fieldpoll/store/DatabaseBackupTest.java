package dev.fieldpoll.store;

import static dev.fieldpoll.store.TestPolls.CREATED;
import static dev.fieldpoll.store.TestPolls.EVALS_FEEDBACK;
import static dev.fieldpoll.store.TestPolls.MECH_FEEDBACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseBackupTest {

    private static final int WRITERS = 4;
    private static final int ACKS = 200;
    private static final Map<CellKey, Answer> BALLOT =
            Map.of(MECH_FEEDBACK, Answer.score(4), EVALS_FEEDBACK, Answer.DONT_KNOW);

    @TempDir
    Path dir;

    @Test
    void aBackupTakenWhileMembersVoteIsOneConsistentSnapshotWithEveryVoteSavedBefore() throws Exception {
        Path source = dir.resolve("fieldpoll.db");
        Path copy = dir.resolve("backups/fieldpoll-copy.db");
        List<String> savedBefore;
        int votersAtTheEnd;
        try (Database database = Database.open(source)) {
            // given members voting without pause, each ballot of two answers in one transaction
            SqlPollStore store = new SqlPollStore(database, Clock.systemUTC());
            Poll poll = Commits.create(store, TestPolls.newPoll());
            Queue<String> saved = new ConcurrentLinkedQueue<>();
            AtomicBoolean voting = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> running = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                int number = writer;
                running.add(writers.submit(() -> vote(store, poll.id(), "w" + number, saved, voting)));
            }
            awaitSize(saved, ACKS);

            // when
            savedBefore = List.copyOf(saved);
            new DatabaseBackup(source).copyTo(copy);
            awaitSize(saved, savedBefore.size() + ACKS);
            voting.set(false);
            for (Future<?> writer : running) {
                writer.get(1, TimeUnit.MINUTES);
            }
            writers.shutdown();
            votersAtTheEnd = store.voterCount(poll.id());
        }

        // then
        assertThat(new DatabaseCheck(copy).run().healthy()).isTrue();
        try (Database backup = Database.open(copy)) {
            SqlPollStore store = new SqlPollStore(backup, Clock.systemUTC());
            long pollId = store.listInChannel(TestPolls.GUILD, TestPolls.CHANNEL)
                    .get(0)
                    .id();
            for (String voter : savedBefore) {
                assertThat(store.ballot(pollId, voter).answers()).as(voter).isEqualTo(BALLOT);
            }
            assertThat(answersPerVoter(store, pollId))
                    .as("no ballot half saved")
                    .allSatisfy(
                            (voter, answers) -> assertThat(answers).as(voter).isEqualTo(2));
            assertThat(store.voterCount(pollId)).isLessThan(votersAtTheEnd);
        }
        assertThat(leftovers()).containsExactlyInAnyOrder("fieldpoll.db", "backups", "fieldpoll-copy.db");
    }

    @Test
    void aBackupNeverOverwritesAFile() throws IOException {
        // given
        Path source = dir.resolve("fieldpoll.db");
        Database.open(source).close();
        Path existing = Files.writeString(dir.resolve("precious.db"), "keep me");

        // when / then
        assertThatThrownBy(() -> new DatabaseBackup(source).copyTo(existing))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("The backup file " + existing + " exists already");
        assertThat(Files.readString(existing)).isEqualTo("keep me");
    }

    @Test
    void aBackupOfAMissingDatabaseFailsClearlyAndLeavesNothingBehind() throws IOException {
        // given
        Path source = dir.resolve("missing.db");
        Path copy = dir.resolve("copy.db");

        // when / then
        assertThatThrownBy(() -> new DatabaseBackup(source).copyTo(copy))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("There is no database file " + source);
        assertThat(leftovers()).isEmpty();
    }

    private static void vote(
            SqlPollStore store, long pollId, String prefix, Queue<String> saved, AtomicBoolean voting) {
        for (int ballot = 0; voting.get(); ballot++) {
            String voter = prefix + "-" + ballot;
            Commits.save(store, pollId, voter, BALLOT, CREATED);
            saved.add(voter);
        }
    }

    private static void awaitSize(Queue<String> saved, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (saved.size() < size) {
            assertThat(System.nanoTime())
                    .as("%d votes saved within two minutes", size)
                    .isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static Map<String, Integer> answersPerVoter(SqlPollStore store, long pollId) {
        Map<String, Integer> answers = new HashMap<>();
        store.forEachAnswer(pollId, (voter, cell, answer) -> answers.merge(voter, 1, Integer::sum));
        return answers;
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(path -> !path.equals(dir))
                    .map(path -> path.getFileName().toString())
                    .filter(name -> !name.endsWith("-wal") && !name.endsWith("-shm"))
                    .toList();
        }
    }
}
