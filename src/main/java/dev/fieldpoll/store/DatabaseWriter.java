package dev.fieldpoll.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every write of this process, one transaction at a time on one connection. SQLite admits one
 * writer anyway; queuing writers on a lock here rather than in SQLite's busy handler keeps them in
 * order, free of SQLITE_BUSY among themselves, and never waiting for a reader's connection. On
 * PostgreSQL the same queue saves a round trip per write as well as the syncs (see {@link SqlDialect}
 * for what differs).
 *
 * <p>Small writes (votes) share commits: while one commit waits for the disk, the writes that arrive
 * queue up, and the next transaction takes them all along, with one sync for the lot (group commit).
 * {@link #submit} hands back a future that completes only once the commit holding the write is on
 * disk, so an acknowledged vote is on disk, and no caller's thread waits for that commit: the
 * futures complete on the committer thread, so whatever follows a commit must move to the
 * caller's own executor (an {@code …Async} stage) and never block there, or it delays the next
 * commit. {@link #together} is the same for callers that may wait.
 *
 * <p>The queue is not bounded here: its callers bound it ({@code PollBot} admits a fixed number of
 * commands at a time and answers the rest "busy").
 *
 * <p>Thread-safe: writers queue on a concurrent queue and one committer thread commits them under
 * the lock that {@link #alone} and {@link #outsideTransaction} take as well.
 */
final class DatabaseWriter implements Writes {

    private static final Logger log = LoggerFactory.getLogger(DatabaseWriter.class);
    private static final long CLOSE_TIMEOUT_SECONDS = 60;

    private final Connections connection;
    private final StoreErrors errors;
    private final PreparedStatements prepared;
    private final SqlDialect dialect;
    private final ReentrantLock lock = new ReentrantLock();
    private final Queue<PendingWrite<?>> waiting = new ConcurrentLinkedQueue<>();
    private final ExecutorService committer = Executors.newSingleThreadExecutor(DatabaseWriter::committerThread);
    /** A commit run is queued on the committer and has not yet looked at {@link #waiting}. */
    private final AtomicBoolean commitScheduled = new AtomicBoolean();

    private volatile CommitMeter meter = CommitMeter.NONE;

    /**
     * @param connection a pool of exactly one connection, kept for writes
     * @param prepared   the statements cached on it, shared with the stores that write through it
     */
    DatabaseWriter(Connections connection, StoreErrors errors, PreparedStatements prepared, SqlDialect dialect) {
        this.connection = connection;
        this.errors = errors;
        this.prepared = prepared;
        this.dialect = dialect;
    }

    @Override
    public void meter(CommitMeter meter) {
        this.meter = meter;
    }

    @Override
    public int queued() {
        return waiting.size();
    }

    /** Runs the work in a transaction of its own, on the calling thread. */
    @Override
    public <T> T alone(String action, SqlWork<T> work) {
        requireNotNested();
        lock.lock();
        try {
            return transaction(action, work);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs the work on the write connection outside any transaction, on the calling thread: for settings
     * of the connection itself (pragmas), which SQLite refuses inside a transaction or applies to the
     * connection, not the transaction.
     */
    @Override
    public <T> T outsideTransaction(String action, SqlWork<T> work) {
        requireNotNested();
        lock.lock();
        try {
            Connection writer = connection.borrow();
            try {
                return work.apply(writer);
            } finally {
                connection.giveBack(writer);
            }
        } catch (SQLException failure) {
            throw errors.translate(failure, action);
        } finally {
            lock.unlock();
        }
    }

    /** Runs the work in a transaction it may share with writes arriving meanwhile; returns once that committed. */
    @Override
    public <T> T together(String action, SqlWork<T> work) {
        return PendingWrite.await(submit(action, work));
    }

    /**
     * Queues the work for a transaction it may share with writes arriving meanwhile (group commit).
     * The future completes with the work's result once that transaction is committed, or fails with
     * the {@link dev.fieldpoll.poll.StoreException} that says why it was not; either on the
     * committer thread.
     */
    @Override
    public <T> CompletableFuture<T> submit(String action, SqlWork<T> work) {
        requireNotNested();
        PendingWrite<T> write = new PendingWrite<>(action, work);
        enqueue(write);
        return write.outcome();
    }

    private void requireNotNested() {
        if (lock.isHeldByCurrentThread()) {
            // A write inside a transaction would wait for that transaction to end: forever.
            throw new IllegalStateException("transactions do not nest");
        }
    }

    /**
     * Synchronized with {@link #close()}: every write accepted has a commit run scheduled before
     * shutdown. A run is scheduled only when none is pending (one that has not yet cleared the flag
     * will drain this write), not once per write: at 64 votes a commit, that is 63 executor
     * tasks and wake-ups fewer for the committer, the thread every vote waits for.
     */
    private synchronized void enqueue(PendingWrite<?> write) {
        if (committer.isShutdown()) {
            throw new IllegalStateException("the database is closed");
        }
        waiting.add(write);
        if (commitScheduled.compareAndSet(false, true)) {
            committer.execute(this::commitWaiting);
        }
    }

    /**
     * Runs on the committer thread; takes along all writes waiting. The flag is cleared before the
     * queue is read, so a write queued after the flag is cleared schedules the next run.
     */
    private void commitWaiting() {
        commitScheduled.set(false);
        if (waiting.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            // Drained only once the lock is ours, so the writes queued during the last transaction join this one.
            commit(drain());
        } finally {
            lock.unlock();
        }
    }

    private List<PendingWrite<?>> drain() {
        List<PendingWrite<?>> batch = new ArrayList<>();
        for (PendingWrite<?> write = waiting.poll(); write != null; write = waiting.poll()) {
            batch.add(write);
        }
        return batch;
    }

    private void commit(List<PendingWrite<?>> batch) {
        if (batch.size() == 1) {
            commitAlone(batch.get(0));
            return;
        }
        try {
            rawTransaction(batch.size(), connection -> {
                for (PendingWrite<?> write : batch) {
                    write.apply(connection);
                }
                return null;
            });
        } catch (SQLException failure) {
            if (errors.failsEveryWrite(failure)) {
                // Another program kept the file locked for the whole busy timeout (or the server is out of reach);
                // alone, each would wait as long again.
                batch.forEach(write -> write.failed(errors.translate(failure, write.action())));
            } else {
                commitEachAlone(batch, failure);
            }
            return;
        } catch (RuntimeException | Error failure) {
            commitEachAlone(batch, failure);
            return;
        }
        batch.forEach(PendingWrite::committed);
    }

    /** Nothing of the failed batch was committed; a transaction per write gives each caller its own outcome. */
    private void commitEachAlone(List<PendingWrite<?>> batch, Throwable failure) {
        log.debug("A commit of {} writes failed; committing them one by one", batch.size(), failure);
        batch.forEach(this::commitAlone);
    }

    private void commitAlone(PendingWrite<?> write) {
        try {
            transaction(write.action(), connection -> {
                write.apply(connection);
                return null;
            });
        } catch (RuntimeException | Error failure) {
            write.failed(failure);
            return;
        }
        write.committed();
    }

    private <T> T transaction(String action, SqlWork<T> work) {
        try {
            return rawTransaction(1, work);
        } catch (SQLException failure) {
            throw errors.translate(failure, action);
        }
    }

    private <T> T rawTransaction(int writes, SqlWork<T> work) throws SQLException {
        Connection writer = connection.borrow();
        try {
            long start = System.nanoTime();
            T result = commitOrRollBack(writer, work);
            meter.committed(writes, System.nanoTime() - start);
            return result;
        } catch (SQLException | RuntimeException | Error failure) {
            writer = recover(writer, failure);
            throw failure;
        } finally {
            connection.giveBack(writer);
        }
    }

    /** How a transaction begins and commits is the dialect's (SQLite: BEGIN IMMEDIATE … COMMIT, prepared once). */
    private <T> T commitOrRollBack(Connection connection, SqlWork<T> work) throws SQLException {
        dialect.begin(connection, prepared);
        T result = work.apply(connection);
        dialect.commit(connection, prepared);
        return result;
    }

    /**
     * Leaves the connection ready for the next transaction after a failed one, whatever failed: a full
     * disk, a file that turned read-only, a lock held too long, a bug. The statements cached on it are
     * dropped (sqlite-jdbc finalizes those that failed), then the transaction is rolled back with a
     * statement of its own; SQLite may have rolled back already (after SQLITE_FULL or an I/O error), which
     * is fine. A connection that cannot even roll back is replaced by a new one.
     *
     * @return the connection to give back: the same one, or its replacement
     */
    private Connection recover(Connection writer, Throwable failure) {
        prepared.forget(writer);
        try {
            dialect.rollBack(writer);
            return writer;
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        return connection.replace(writer);
    }

    /** Commits every write already accepted, then closes the connection after the running transaction. */
    @Override
    public void close() {
        synchronized (this) {
            committer.shutdown();
        }
        awaitCommitter();
        lock.lock();
        try {
            connection.close();
        } finally {
            lock.unlock();
        }
    }

    private void awaitCommitter() {
        try {
            if (!committer.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("Writes still waiting after {} s; closing the database without them", CLOSE_TIMEOUT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread committerThread(Runnable commits) {
        Thread thread = new Thread(commits, "fieldpoll-group-commit");
        // Callers wait for their own writes; an unclosed database must not keep the JVM alive.
        thread.setDaemon(true);
        return thread;
    }
}
