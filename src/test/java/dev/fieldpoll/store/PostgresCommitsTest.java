package dev.fieldpoll.store;

import static dev.fieldpoll.store.TestPolls.MECH_FEEDBACK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.StoreException;
import dev.fieldpoll.testing.TestPostgres;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's two ways to commit votes, told apart by the transaction id each row carries (xmin):
 * grouped, the votes that arrive while a transaction runs share the next one; plain, each vote is a
 * transaction of its own.
 */
class PostgresCommitsTest {

    private static final int VOTERS = 20;

    @Test
    void groupedVotesArrivingDuringATransactionShareTheNext() throws Exception {
        DatabaseTarget.Postgres target = TestPostgres.newDatabase();
        try (Database database = Database.open(target, DatabaseSettings.defaults())) {
            // given a transaction in progress
            SqlPollStore store = new SqlPollStore(database, Clock.systemUTC());
            long pollId = Commits.create(store, TestPolls.newPoll()).id();
            GroupCommitTest.HeldTransaction held = GroupCommitTest.HeldTransaction.start(database, connection -> {});

            // when twenty members vote meanwhile
            List<VoteThread> votes = votes(store, pollId);
            VoteThread.awaitAllWaiting(votes);
            held.commit();

            // then the twenty were committed in one transaction
            for (VoteThread vote : votes) {
                vote.outcome();
            }
            assertThat(transactions(target, pollId)).containsExactly("1");
            assertThat(store.voterCount(pollId)).isEqualTo(VOTERS);
        }
    }

    @Test
    void aForgedVoteInASharedTransactionFailsAloneAndTheOthersAreSaved() throws Exception {
        DatabaseTarget.Postgres target = TestPostgres.newDatabase();
        try (Database database = Database.open(target, DatabaseSettings.defaults())) {
            SqlPollStore store = new SqlPollStore(database, Clock.systemUTC());
            long pollId = Commits.create(store, TestPolls.newPoll()).id();
            GroupCommitTest.HeldTransaction held = GroupCommitTest.HeldTransaction.start(database, connection -> {});
            List<VoteThread> votes = votes(store, pollId);
            VoteThread forged = VoteThread.start(
                    store, pollId, "mallory", new CellKey("mech-interp", "no-such-factor"), Answer.score(5));
            List<VoteThread> all = new ArrayList<>(votes);
            all.add(forged);
            VoteThread.awaitAllWaiting(all);

            held.commit();

            for (VoteThread vote : votes) {
                vote.outcome();
            }
            assertThat(forged.failure())
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("Could not save answers in poll " + pollId)
                    .hasMessageContaining("names a poll, field or factor that does not exist");
            assertThat(store.voterCount(pollId)).isEqualTo(VOTERS);
            assertThat(store.ballot(pollId, "mallory").isEmpty()).isTrue();
        }
    }

    @Test
    void plainVotesAreEachATransactionOfTheirOwn() throws Exception {
        DatabaseTarget.Postgres target = TestPostgres.newDatabase();
        DatabaseSettings plain = DatabaseSettings.defaults().withCommits(DatabaseSettings.Commits.PLAIN);
        try (Database database = Database.open(target, plain)) {
            SqlPollStore store = new SqlPollStore(database, Clock.systemUTC());
            long pollId = Commits.create(store, TestPolls.newPoll()).id();

            for (VoteThread vote : votes(store, pollId)) {
                vote.outcome();
            }

            assertThat(transactions(target, pollId)).containsExactly(Integer.toString(VOTERS));
            assertThat(store.voterCount(pollId)).isEqualTo(VOTERS);
        }
    }

    private static List<VoteThread> votes(SqlPollStore store, long pollId) {
        List<VoteThread> votes = new ArrayList<>();
        for (int voter = 0; voter < VOTERS; voter++) {
            votes.add(VoteThread.start(store, pollId, "voter-" + voter, MECH_FEEDBACK, Answer.score(1 + voter % 5)));
        }
        return votes;
    }

    /** How many transactions wrote the poll's votes. */
    private static List<String> transactions(DatabaseTarget.Postgres target, long pollId) throws Exception {
        return TestPostgres.strings(target, "SELECT COUNT(DISTINCT xmin::text) FROM vote WHERE poll_id = " + pollId);
    }
}
