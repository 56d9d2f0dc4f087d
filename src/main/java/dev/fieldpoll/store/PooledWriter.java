package dev.fieldpoll.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Plain transactions on PostgreSQL: each write in a transaction of its own, on a connection of the
 * write pool, side by side with the others; the server syncs the commits that meet at the same
 * moment together. The other way to write there ({@link DatabaseWriter} queues them on one
 * connection); {@code database.commits} chooses. Thread-safe: every write holds its own pooled
 * connection, and the marker against nesting is per thread.
 */
final class PooledWriter implements Writes {

    private final Connections connections;
    private final StoreErrors errors;
    private final SqlDialect dialect;
    private final PreparedStatements prepared;
    private final ThreadLocal<Boolean> writing = ThreadLocal.withInitial(() -> false);

    PooledWriter(Connections connections, StoreErrors errors, PreparedStatements prepared, SqlDialect dialect) {
        this.connections = connections;
        this.errors = errors;
        this.prepared = prepared;
        this.dialect = dialect;
    }

    @Override
    public <T> T alone(String action, SqlWork<T> work) {
        if (writing.get()) {
            // as with the queued writer: a transaction inside another is refused, never silently separate
            throw new IllegalStateException("transactions do not nest");
        }
        writing.set(true);
        try {
            return transaction(work);
        } catch (SQLException failure) {
            throw errors.translate(failure, action);
        } finally {
            writing.set(false);
        }
    }

    /** Alone: the server groups the syncs of concurrent commits itself. */
    @Override
    public <T> T together(String action, SqlWork<T> work) {
        return alone(action, work);
    }

    @Override
    public <T> T outsideTransaction(String action, SqlWork<T> work) {
        return alone(action, work);
    }

    private <T> T transaction(SqlWork<T> work) throws SQLException {
        Connection connection = connections.borrow();
        try {
            dialect.begin(connection, prepared);
            T result = work.apply(connection);
            dialect.commit(connection, prepared);
            return result;
        } catch (SQLException | RuntimeException | Error failure) {
            connection = rolledBack(connection, failure);
            throw failure;
        } finally {
            connections.giveBack(connection);
        }
    }

    private Connection rolledBack(Connection connection, Throwable failure) {
        prepared.forget(connection);
        try {
            dialect.rollBack(connection);
            return connection;
        } catch (SQLException e) {
            failure.addSuppressed(e);
            return connections.replace(connection);
        }
    }

    @Override
    public void close() {
        connections.close();
    }
}
