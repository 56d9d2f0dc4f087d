package dev.fieldpoll.store;

import dev.fieldpoll.poll.PollMessageLocks;
import dev.fieldpoll.poll.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Poll-message locks in PostgreSQL: a session advisory lock per poll ({@code pg_try_advisory_lock}),
 * taken on a connection of its own, held only while one redraw runs. Nothing is written, and a
 * process that dies mid-redraw loses its connection and with it the lock, so no lock outlives its
 * process. On SQLite, which one process uses, {@link PollMessageLocks#NONE} does instead.
 * Thread-safe: every call holds this object's monitor (the refresher calls it from its one thread).
 */
public final class SqlPollMessageLocks implements PollMessageLocks, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SqlPollMessageLocks.class);

    /** The first key of every fieldpoll poll-message lock ("fpml"), so other users of advisory locks do not meet ours. */
    static final int NAMESPACE = 0x66706d6c;

    private static final String LOCK = "SELECT pg_try_advisory_lock(?, ?)";
    private static final String UNLOCK = "SELECT pg_advisory_unlock(?, ?)";
    private static final int VALID_SECONDS = 2;

    private final DatabaseTarget.Postgres target;
    private final PostgresErrors errors;
    private Connection connection;

    private SqlPollMessageLocks(DatabaseTarget.Postgres target, Duration busyTimeout) {
        this.target = target;
        this.errors = new PostgresErrors(target, busyTimeout);
    }

    /** Locks in the database when it is PostgreSQL (the connection opens at the first redraw); else none. */
    public static PollMessageLocks of(DatabaseTarget target, DatabaseSettings settings) {
        return target instanceof DatabaseTarget.Postgres postgres
                ? new SqlPollMessageLocks(postgres, settings.busyTimeout())
                : PollMessageLocks.NONE;
    }

    @Override
    public synchronized boolean runAlone(long pollId, Runnable redraw) {
        Connection held = connection();
        if (!call(held, LOCK, pollId, "lock the message of poll " + pollId)) {
            return false;
        }
        try {
            redraw.run();
            return true;
        } finally {
            unlock(held, pollId);
        }
    }

    private void unlock(Connection held, long pollId) {
        try {
            call(held, UNLOCK, pollId, "unlock the message of poll " + pollId);
        } catch (StoreException failed) {
            // The session ends with its connection, and its locks with it.
            log.warn("Could not release the lock of poll {}'s message; dropping that connection", pollId, failed);
            drop();
        }
    }

    private boolean call(Connection held, String sql, long pollId, String action) {
        try (PreparedStatement statement = held.prepareStatement(sql)) {
            statement.setInt(1, NAMESPACE);
            statement.setInt(2, (int) (pollId ^ (pollId >>> 32)));
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        } catch (SQLException e) {
            drop();
            throw errors.translate(e, action);
        }
    }

    /** The lock connection, opened anew when there is none or it broke (its locks went with it). */
    private Connection connection() {
        try {
            if (connection != null && connection.isValid(VALID_SECONDS)) {
                return connection;
            }
        } catch (SQLException broken) {
            log.debug("The poll-message lock connection is gone; opening another", broken);
        }
        drop();
        connection = PostgresDatabase.connect(target, errors);
        return connection;
    }

    private void drop() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a broken connection: nothing left to release
            }
            connection = null;
        }
    }

    @Override
    public synchronized void close() {
        drop();
    }
}
