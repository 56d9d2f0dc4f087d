package dev.fieldpoll.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One caller's write, queued for a group commit, and its outcome. Thread-safe by hand-over: the
 * committer thread alone runs it and completes the outcome, which is a thread-safe future.
 */
final class PendingWrite<T> {

    private final String action;
    private final SqlWork<T> work;
    private final CompletableFuture<T> outcome = new CompletableFuture<>();
    private T result;

    PendingWrite(String action, SqlWork<T> work) {
        this.action = action;
        this.work = work;
    }

    String action() {
        return action;
    }

    /** Runs the work inside the current transaction; the result is handed out only once that commits. */
    void apply(Connection connection) throws SQLException {
        result = work.apply(connection);
    }

    void committed() {
        outcome.complete(result);
    }

    void failed(Throwable failure) {
        outcome.completeExceptionally(failure);
    }

    /** Completes once the commit holding this write is on disk, or fails with why it is not. */
    CompletableFuture<T> outcome() {
        return outcome;
    }

    /**
     * Waits for the commit that holds a write. Uninterruptibly: an interrupted caller must still
     * learn whether its write is on disk, and the wait is bounded by the busy timeout.
     */
    static <T> T await(CompletableFuture<T> outcome) {
        try {
            return outcome.join();
        } catch (CompletionException wrapped) {
            Throwable failure = wrapped.getCause();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw wrapped;
        }
    }
}
