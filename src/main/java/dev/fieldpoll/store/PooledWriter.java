package dev.fieldpoll.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain transactions on PostgreSQL: each write in a transaction of its own, on a connection of the
 * write pool, side by side with the others; the server syncs the commits that meet at the same
 * moment together. The other way to write there ({@link DatabaseWriter} queues them on one
 * connection); {@code database.commits} chooses. Thread-safe: every write holds its own pooled
 * connection, and the marker against nesting is per thread.
 */
final class PooledWriter implements Writes {

    private static final Logger log = LoggerFactory.getLogger(PooledWriter.class);
    private static final long CLOSE_TIMEOUT_SECONDS = 60;

    private final Connections connections;
    private final StoreErrors errors;
    private final SqlDialect dialect;
    private final PreparedStatements prepared;
    private final ThreadLocal<Boolean> writing = ThreadLocal.withInitial(() -> false);
    private final ExecutorService committers;
    private volatile CommitMeter meter = CommitMeter.NONE;

    PooledWriter(Connections connections, StoreErrors errors, PreparedStatements prepared, SqlDialect dialect) {
        this.connections = connections;
        this.errors = errors;
        this.prepared = prepared;
        this.dialect = dialect;
        this.committers = Executors.newFixedThreadPool(Math.max(1, connections.size()), committerThreads());
    }

    private static java.util.concurrent.ThreadFactory committerThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "fieldpoll-committer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
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

    /** Alone as well, on one of this writer's threads; the future completes there once committed. */
    @Override
    public <T> CompletableFuture<T> submit(String action, SqlWork<T> work) {
        if (writing.get()) {
            throw new IllegalStateException("transactions do not nest");
        }
        CompletableFuture<T> outcome = new CompletableFuture<>();
        try {
            committers.execute(() -> {
                try {
                    outcome.complete(alone(action, work));
                } catch (RuntimeException | Error failure) {
                    outcome.completeExceptionally(failure);
                }
            });
        } catch (RejectedExecutionException closed) {
            throw new IllegalStateException("the database is closed", closed);
        }
        return outcome;
    }

    @Override
    public void meter(CommitMeter meter) {
        this.meter = meter;
    }

    /** Each write holds a connection of its own; none waits in a queue of this writer's. */
    @Override
    public int queued() {
        return 0;
    }

    @Override
    public <T> T outsideTransaction(String action, SqlWork<T> work) {
        return alone(action, work);
    }

    private <T> T transaction(SqlWork<T> work) throws SQLException {
        Connection connection = connections.borrow();
        try {
            long start = System.nanoTime();
            dialect.begin(connection, prepared);
            T result = work.apply(connection);
            dialect.commit(connection, prepared);
            meter.committed(1, System.nanoTime() - start);
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

    /** Finishes the writes already accepted, then closes the connections. */
    @Override
    public void close() {
        committers.shutdown();
        try {
            if (!committers.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("Writes still running after {} s are abandoned at close", CLOSE_TIMEOUT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connections.close();
    }
}
