package dev.fieldpoll.store;

import static dev.fieldpoll.store.TestPolls.CREATED;
import static dev.fieldpoll.store.TestPolls.MECH_FEEDBACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.StoreException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's floor and ceiling write the same rows the store reads, committed when they return. */
class BareUpsertsTest {

    @TempDir
    Path dir;

    @Test
    void eachUpsertIsCommittedAndReplacesTheSameCell() {
        // given
        Path file = dir.resolve("fieldpoll.db");
        long pollId;
        try (Database database = Database.open(file)) {
            pollId = Commits.create(new SqlPollStore(database, Clock.systemUTC()), TestPolls.newPoll())
                    .id();
        }

        // when
        try (BareUpserts upserts = BareUpserts.open(file)) {
            upserts.upsert(pollId, "alice", MECH_FEEDBACK, 2, CREATED);
            upserts.upsert(pollId, "alice", MECH_FEEDBACK, 5, CREATED);
            assertThatThrownBy(() -> upserts.upsert(pollId, "alice", new CellKey("nope", "feedback"), 1, CREATED))
                    .isInstanceOf(StoreException.class);
        }

        // then
        try (Database database = Database.open(file)) {
            assertThat(new SqlPollStore(database, Clock.systemUTC())
                            .ballot(pollId, "alice")
                            .answers())
                    .isEqualTo(Map.of(MECH_FEEDBACK, Answer.score(5)));
        }
    }

    @Test
    void aBatchIsOneTransactionThatCommitsAllOrNothing() {
        // given
        Path file = dir.resolve("fieldpoll.db");
        long pollId;
        try (Database database = Database.open(file)) {
            pollId = Commits.create(new SqlPollStore(database, Clock.systemUTC()), TestPolls.newPoll())
                    .id();
        }

        // when a batch is stored, and a batch with one wrong cell is refused
        try (BareUpserts upserts = BareUpserts.open(file)) {
            upserts.upsertAll(
                    List.of(
                            new BareUpserts.Row(pollId, "alice", MECH_FEEDBACK, 2),
                            new BareUpserts.Row(pollId, "bob", MECH_FEEDBACK, 4)),
                    CREATED);
            assertThatThrownBy(() -> upserts.upsertAll(
                            List.of(
                                    new BareUpserts.Row(pollId, "carol", MECH_FEEDBACK, 3),
                                    new BareUpserts.Row(pollId, "carol", new CellKey("nope", "feedback"), 1)),
                            CREATED))
                    .isInstanceOf(StoreException.class);
        }

        // then
        try (Database database = Database.open(file)) {
            SqlPollStore store = new SqlPollStore(database, Clock.systemUTC());
            assertThat(store.ballot(pollId, "alice").answers()).isEqualTo(Map.of(MECH_FEEDBACK, Answer.score(2)));
            assertThat(store.ballot(pollId, "bob").answers()).isEqualTo(Map.of(MECH_FEEDBACK, Answer.score(4)));
            assertThat(store.ballot(pollId, "carol").answers()).isEmpty();
        }
    }
}
