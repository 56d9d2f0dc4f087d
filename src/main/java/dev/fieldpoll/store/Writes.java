package dev.fieldpoll.store;

import java.util.concurrent.CompletableFuture;

/**
 * How a database's writes reach it: each in a transaction, committed before the caller goes on or,
 * with {@link #submit}, before its future completes.
 * {@link DatabaseWriter} runs them one transaction at a time on one connection, sharing commits;
 * {@link PooledWriter} runs each in its own transaction, side by side on pooled connections.
 */
interface Writes extends AutoCloseable {

    /** Runs the work in a transaction of its own: committed when this returns, rolled back when it throws. */
    <T> T alone(String action, SqlWork<T> work);

    /**
     * Runs the work in a transaction it may share with writes arriving meanwhile; committed when this
     * returns, and failing alone. The work may run twice (the first run rolled back), so it must
     * touch nothing but the connection.
     */
    <T> T together(String action, SqlWork<T> work);

    /**
     * {@link #together} without waiting: the future completes with the work's result once its
     * transaction is committed, or fails with the {@link dev.fieldpoll.poll.StoreException} that says
     * why it was not. It completes on the writer's own thread, never the caller's: whatever follows
     * must move to the caller's executor and never block there. No thread waits for a commit.
     */
    <T> CompletableFuture<T> submit(String action, SqlWork<T> work);

    /** Runs the work outside any transaction, for settings of a connection (SQLite's pragmas). */
    <T> T outsideTransaction(String action, SqlWork<T> work);

    /** From now on every commit is reported to {@code meter}. */
    void meter(CommitMeter meter);

    /** Writes accepted and not yet committed (the group-commit queue); 0 where writes do not queue. */
    int queued();

    /** Finishes the writes already accepted, then closes the connections. */
    @Override
    void close();
}
