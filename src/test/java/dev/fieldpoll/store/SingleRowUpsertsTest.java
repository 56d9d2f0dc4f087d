package dev.fieldpoll.store;

import static dev.fieldpoll.store.TestPolls.CREATED;
import static dev.fieldpoll.store.TestPolls.MECH_FEEDBACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.StoreException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's floor writes the same rows the store reads, each committed at once. */
class SingleRowUpsertsTest {

    @TempDir
    Path dir;

    @Test
    void eachUpsertIsCommittedAndReplacesTheSameCell() {
        // given
        Path file = dir.resolve("fieldpoll.db");
        long pollId;
        try (Database database = Database.open(file)) {
            pollId = new SqlitePollStore(database).create(TestPolls.newPoll()).id();
        }

        // when
        try (SingleRowUpserts upserts = SingleRowUpserts.open(file)) {
            upserts.upsert(pollId, "alice", MECH_FEEDBACK, 2, CREATED);
            upserts.upsert(pollId, "alice", MECH_FEEDBACK, 5, CREATED);
            assertThatThrownBy(() -> upserts.upsert(pollId, "alice", new CellKey("nope", "feedback"), 1, CREATED))
                    .isInstanceOf(StoreException.class);
        }

        // then
        try (Database database = Database.open(file)) {
            assertThat(new SqlitePollStore(database).ballot(pollId, "alice").answers())
                    .isEqualTo(Map.of(MECH_FEEDBACK, Answer.score(5)));
        }
    }
}
