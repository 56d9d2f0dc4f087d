package dev.fieldpoll.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How fieldpoll opens its SQLite file.
 *
 * @param busyTimeout how long a write waits for another process that holds the file's write lock
 * @param synchronous how hard SQLite pushes each commit to disk
 * @param poolSize    connections kept open for reads, which run on them concurrently; writes run one
 *                    at a time on one more connection of their own
 * @param readOnly    open an existing database without ever writing to it (export, analysis);
 *                    migrations are then only checked, never applied
 */
public record DatabaseSettings(Duration busyTimeout, Synchronous synchronous, int poolSize, boolean readOnly) {

    public static final int MAX_POOL_SIZE = 64;

    /** SQLite's {@code synchronous} pragma, in WAL mode. */
    public enum Synchronous {
        /** Every commit is on disk before it returns, power loss included: an acknowledged vote is kept. */
        FULL,
        /** Faster; survives a crash of fieldpoll, but a power loss may drop the last commits. */
        NORMAL
    }

    public DatabaseSettings {
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        Objects.requireNonNull(synchronous, "synchronous");
        if (busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "database busy timeout must be between 0 and 24 days, was " + busyTimeout);
        }
        if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
            throw new IllegalArgumentException(
                    "database pool size must be 1 to " + MAX_POOL_SIZE + ", was " + poolSize);
        }
    }

    /** 5 s busy timeout, synchronous FULL, 4 connections, read-write. */
    public static DatabaseSettings defaults() {
        return new DatabaseSettings(Duration.ofSeconds(5), Synchronous.FULL, 4, false);
    }

    public DatabaseSettings withReadOnly(boolean readOnly) {
        return new DatabaseSettings(busyTimeout, synchronous, poolSize, readOnly);
    }
}
