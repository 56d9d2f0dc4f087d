package dev.fieldpoll.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How fieldpoll opens its database.
 *
 * @param busyTimeout how long a write waits for another process that holds a lock it needs (SQLite:
 *                    the file's write lock; PostgreSQL: {@code lock_timeout}, a row another process
 *                    holds)
 * @param synchronous how hard SQLite pushes each commit to disk (PostgreSQL: the server's own
 *                    {@code synchronous_commit} rules)
 * @param poolSize    connections kept open for reads, which run on them concurrently; writes run on
 *                    one more connection of their own (PostgreSQL with plain commits: a pool of this
 *                    size for writes too)
 * @param readOnly    open an existing database without ever writing to it (export, analysis);
 *                    migrations are then only checked, never applied
 * @param commits     how PostgreSQL's writes are committed; SQLite always shares commits
 */
public record DatabaseSettings(
        Duration busyTimeout, Synchronous synchronous, int poolSize, boolean readOnly, Commits commits) {

    public static final int MAX_POOL_SIZE = 64;

    /** SQLite's {@code synchronous} pragma, in WAL mode. */
    public enum Synchronous {
        /** Every commit is on disk before it returns, power loss included: an acknowledged vote is kept. */
        FULL,
        /** Faster; survives a crash of fieldpoll, but a power loss may drop the last commits. */
        NORMAL
    }

    /** How writes reach PostgreSQL; either way a vote is committed before it is acknowledged. */
    public enum Commits {
        /** Queued on one connection; the writes that arrive during a commit share the next one (group commit). */
        GROUPED,
        /** Each write its own transaction, side by side on a pool; the server syncs concurrent commits together. */
        PLAIN
    }

    public DatabaseSettings {
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        Objects.requireNonNull(synchronous, "synchronous");
        Objects.requireNonNull(commits, "commits");
        if (busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "database busy timeout must be between 0 and 24 days, was " + busyTimeout);
        }
        if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
            throw new IllegalArgumentException(
                    "database pool size must be 1 to " + MAX_POOL_SIZE + ", was " + poolSize);
        }
    }

    public DatabaseSettings(Duration busyTimeout, Synchronous synchronous, int poolSize, boolean readOnly) {
        this(busyTimeout, synchronous, poolSize, readOnly, Commits.GROUPED);
    }

    /** 5 s busy timeout, synchronous FULL, 4 connections, read-write, grouped commits. */
    public static DatabaseSettings defaults() {
        return new DatabaseSettings(Duration.ofSeconds(5), Synchronous.FULL, 4, false, Commits.GROUPED);
    }

    public DatabaseSettings withReadOnly(boolean readOnly) {
        return new DatabaseSettings(busyTimeout, synchronous, poolSize, readOnly, commits);
    }

    public DatabaseSettings withPoolSize(int poolSize) {
        return new DatabaseSettings(busyTimeout, synchronous, poolSize, readOnly, commits);
    }

    public DatabaseSettings withCommits(Commits commits) {
        return new DatabaseSettings(busyTimeout, synchronous, poolSize, readOnly, commits);
    }
}
