package dev.fieldpoll.store;

import static dev.fieldpoll.store.TestPolls.CREATED;
import static dev.fieldpoll.store.TestPolls.MECH_FEEDBACK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.Ballot;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteCommitListener;
import org.sqlite.SQLiteConnection;

/**
 * Votes that arrive while a transaction runs share the next commit, and each caller still gets
 * its own outcome. The writes queue behind a transaction that the test holds open, so the
 * batch they form is known.
 */
class GroupCommitTest {

    private static final int VOTERS = 20;

    @TempDir
    Path dir;

    private Database database;
    private SqlPollStore store;
    private long pollId;

    @BeforeEach
    void openStore() {
        database = Database.open(dir.resolve("fieldpoll.db"));
        store = new SqlPollStore(database, Clock.systemUTC());
        pollId = Commits.create(store, TestPolls.newPoll()).id();
    }

    @AfterEach
    void closeStore() {
        database.close();
    }

    @Test
    void votesArrivingDuringATransactionAreCommittedTogetherInOneCommit() throws Exception {
        // given a transaction in progress that counts every commit from now on
        AtomicInteger commits = new AtomicInteger();
        HeldTransaction held = HeldTransaction.start(
                database,
                connection -> connection.unwrap(SQLiteConnection.class).addCommitListener(counting(commits)));

        // when twenty members vote meanwhile
        List<VoteThread> votes = new ArrayList<>();
        for (int voter = 0; voter < VOTERS; voter++) {
            votes.add(VoteThread.start(store, pollId, "voter-" + voter, MECH_FEEDBACK, Answer.score(1 + voter % 5)));
        }
        VoteThread.awaitAllWaiting(votes);
        held.commit();

        // then: the held transaction's commit and one more for all twenty votes
        for (VoteThread vote : votes) {
            vote.outcome();
        }
        assertThat(commits).hasValue(2);
        for (int voter = 0; voter < VOTERS; voter++) {
            assertThat(store.ballot(pollId, "voter-" + voter).answers())
                    .isEqualTo(Map.of(MECH_FEEDBACK, Answer.score(1 + voter % 5)));
        }
    }

    @Test
    void aWriteThatFailsInASharedTransactionFailsAloneAndTheOthersAreSaved() throws Exception {
        // given
        HeldTransaction held = HeldTransaction.start(database, connection -> {});
        List<VoteThread> votes = new ArrayList<>();
        for (int voter = 0; voter < VOTERS; voter++) {
            votes.add(VoteThread.start(store, pollId, "voter-" + voter, MECH_FEEDBACK, Answer.score(3)));
        }
        VoteThread forged = VoteThread.start(
                store, pollId, "mallory", new CellKey("mech-interp", "no-such-factor"), Answer.score(5));
        votes.add(forged);

        // when all of them queue behind the held transaction, and it ends
        VoteThread.awaitAllWaiting(votes);
        held.commit();

        // then
        assertThat(forged.failure())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("Could not save answers in poll " + pollId)
                .hasMessageContaining("names a poll, field or factor that does not exist");
        for (VoteThread vote : votes.subList(0, VOTERS)) {
            vote.outcome();
        }
        assertThat(store.voterCount(pollId)).isEqualTo(VOTERS);
        assertThat(store.ballot(pollId, "mallory").isEmpty()).isTrue();
    }

    @Test
    void clearingAnswersSharesTheQueueAndHandsBackTheBallotItLeft() throws Exception {
        // given
        Commits.save(store, pollId, "alice", Map.of(MECH_FEEDBACK, Answer.score(2)), CREATED);
        HeldTransaction held = HeldTransaction.start(database, connection -> {});

        // when
        FutureTask<Ballot> clearing =
                new FutureTask<>(() -> Commits.clear(store, pollId, "alice", List.of(MECH_FEEDBACK)));
        Thread clearer = new Thread(clearing);
        clearer.start();
        VoteThread bob = VoteThread.start(store, pollId, "bob", MECH_FEEDBACK, Answer.score(4));
        VoteThread.awaitAllWaiting(List.of(bob, new VoteThread(clearer, null)));
        held.commit();

        // then
        assertThat(clearing.get(1, TimeUnit.MINUTES).isEmpty()).isTrue();
        bob.outcome();
        assertThat(store.ballot(pollId, "alice").isEmpty()).isTrue();
        assertThat(store.ballot(pollId, "bob").answers()).isEqualTo(Map.of(MECH_FEEDBACK, Answer.score(4)));
    }

    private static SQLiteCommitListener counting(AtomicInteger commits) {
        return new SQLiteCommitListener() {
            @Override
            public void onCommit() {
                commits.incrementAndGet();
            }

            @Override
            public void onRollback() {}
        };
    }

    /** A write transaction that stays open on another thread until the test commits it. */
    record HeldTransaction(CountDownLatch release, FutureTask<Void> task) {

        interface Inside {
            void accept(Connection connection) throws SQLException;
        }

        static HeldTransaction start(Database database, Inside inside) throws InterruptedException {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            FutureTask<Void> task = new FutureTask<>(() -> database.inTransaction(connection -> {
                inside.accept(connection);
                started.countDown();
                awaitUninterruptibly(release);
                return null;
            }));
            new Thread(task, "held-transaction").start();
            started.await();
            return new HeldTransaction(release, task);
        }

        void commit() throws Exception {
            release.countDown();
            task.get(1, TimeUnit.MINUTES);
        }

        private static void awaitUninterruptibly(CountDownLatch latch) {
            while (true) {
                try {
                    latch.await();
                    return;
                } catch (InterruptedException ignored) {
                    // the test releases it
                }
            }
        }
    }
}
