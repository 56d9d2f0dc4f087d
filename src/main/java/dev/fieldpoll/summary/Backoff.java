package dev.fieldpoll.summary;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a platform call with growing pauses: rate limits and hiccups pass, real failures surface.
 * Nothing sleeps: each next attempt is scheduled after its pause, so the one thread that runs the
 * jobs stays free for every other channel meanwhile.
 */
public record Backoff(int attempts, Duration firstPause, Scheduler scheduler) {

    private static final Logger log = LoggerFactory.getLogger(Backoff.class);

    /** Four attempts, 2 s, 8 s and 32 s apart, scheduled on the jobs' executor. */
    public static Backoff standard(ScheduledExecutorService jobs) {
        return new Backoff(4, Duration.ofSeconds(2), Scheduler.on(jobs));
    }

    public Backoff {
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
    }

    /**
     * Runs the action now, on the calling thread, and after a failure again once the pause is over,
     * on the scheduler's thread, until it succeeds or the attempts are used up. The stage completes
     * when an attempt succeeded, or fails with the last failure.
     */
    public CompletableFuture<Void> run(String what, Runnable action) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        attempt(what, action, 1, firstPause, done);
        return done;
    }

    private void attempt(String what, Runnable action, int attempt, Duration pause, CompletableFuture<Void> done) {
        try {
            action.run();
            done.complete(null);
        } catch (RuntimeException failure) {
            if (attempt == attempts) {
                done.completeExceptionally(failure);
                return;
            }
            log.warn("{} failed (attempt {} of {}); retrying in {}", what, attempt, attempts, pause, failure);
            try {
                scheduler.after(pause, () -> attempt(what, action, attempt + 1, pause.multipliedBy(4), done));
            } catch (RejectedExecutionException stopping) {
                // fieldpoll is shutting down: the claim's lease lets the next start try again
                done.completeExceptionally(failure);
            }
        }
    }

    /** Runs a task after a pause; tests pass one that records the pause and runs the task at once. */
    @FunctionalInterface
    public interface Scheduler {

        void after(Duration pause, Runnable task);

        static Scheduler on(ScheduledExecutorService executor) {
            return (pause, task) -> executor.schedule(task, pause.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
