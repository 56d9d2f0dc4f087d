package dev.fieldpoll.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.poll.PollMessageLocks;
import dev.fieldpoll.testing.Eventually;
import dev.fieldpoll.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Poll-message locks across processes on one PostgreSQL database: while one process redraws a
 * poll, another is refused that poll (and only that one); a process that dies holding a lock
 * loses it with its connection, so the poll is never stuck.
 */
class SqlPollMessageLocksTest {

    @TempDir
    Path folder;

    @Test
    void a_poll_redrawn_by_one_process_is_refused_to_another_until_that_redraw_ends() {
        DatabaseTarget.Postgres database = TestPostgres.newDatabase();
        PollMessageLocks processA = SqlPollMessageLocks.of(database, DatabaseSettings.defaults());
        PollMessageLocks processB = SqlPollMessageLocks.of(database, DatabaseSettings.defaults());
        List<String> seen = new ArrayList<>();
        try {
            // when A redraws poll 1, B tries poll 1 and poll 2 meanwhile
            boolean ranA = processA.runAlone(1, () -> {
                seen.add("A draws 1");
                seen.add("B on 1: " + processB.runAlone(1, () -> seen.add("B draws 1")));
                seen.add("B on 2: " + processB.runAlone(2, () -> seen.add("B draws 2")));
            });
            // then B waits its turn on poll 1 only, and has it once A is done
            boolean ranB = processB.runAlone(1, () -> seen.add("B draws 1"));

            assertThat(ranA).isTrue();
            assertThat(ranB).isTrue();
            assertThat(seen).containsExactly("A draws 1", "B on 1: false", "B draws 2", "B on 2: true", "B draws 1");
        } finally {
            ((SqlPollMessageLocks) processA).close();
            ((SqlPollMessageLocks) processB).close();
        }
    }

    @Test
    void a_lock_held_by_a_process_that_died_is_released_with_its_connection() throws Exception {
        DatabaseTarget.Postgres database = TestPostgres.newDatabase();
        PollMessageLocks survivor = SqlPollMessageLocks.of(database, DatabaseSettings.defaults());
        try {
            // given a process that took poll 3's lock, as fieldpoll does, and is still alive
            Connection dying = DriverManager.getConnection(database.url());
            try (PreparedStatement lock = dying.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
                lock.setInt(1, SqlPollMessageLocks.NAMESPACE);
                lock.setInt(2, 3);
                lock.executeQuery().close();
            }
            List<String> drawn = new ArrayList<>();
            assertThat(survivor.runAlone(3, () -> drawn.add("3"))).isFalse();

            // when it dies (its connection ends, as with SIGKILL)
            dying.close();

            // then the poll is free for the survivor, once the server has ended that session
            Eventually.value(
                    () -> Optional.of(survivor.runAlone(3, () -> drawn.add("3"))),
                    ran -> ran,
                    "poll 3's lock released");
            assertThat(drawn).containsExactly("3");
        } finally {
            ((SqlPollMessageLocks) survivor).close();
        }
    }

    @Test
    void on_sqlite_one_process_draws_without_locks() {
        PollMessageLocks locks = SqlPollMessageLocks.of(
                new DatabaseTarget.SqliteFile(folder.resolve("fieldpoll.db")), DatabaseSettings.defaults());
        List<String> drawn = new ArrayList<>();

        assertThat(locks.runAlone(1, () -> drawn.add("1"))).isTrue();
        assertThat(locks).isSameAs(PollMessageLocks.NONE);
        assertThat(drawn).containsExactly("1");
    }
}
