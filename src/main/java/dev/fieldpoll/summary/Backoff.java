package dev.fieldpoll.summary;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Retries a platform call with growing pauses: rate limits and hiccups pass, real failures surface. */
public record Backoff(int attempts, Duration firstPause, Sleeper sleeper) {

    private static final Logger log = LoggerFactory.getLogger(Backoff.class);

    public static Backoff standard() {
        return new Backoff(4, Duration.ofSeconds(2), Sleeper.THREAD);
    }

    public Backoff {
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
    }

    /** Runs the action until it succeeds or the attempts are used up; then rethrows the last failure. */
    public void run(String what, Runnable action) {
        Duration pause = firstPause;
        for (int attempt = 1; ; attempt++) {
            try {
                action.run();
                return;
            } catch (RuntimeException failure) {
                if (attempt == attempts) {
                    throw failure;
                }
                log.warn(
                        "{} failed (attempt {} of {}): {}; retrying in {}",
                        what,
                        attempt,
                        attempts,
                        failure.toString(),
                        pause);
                sleeper.sleep(pause);
                pause = pause.multipliedBy(4);
            }
        }
    }

    /** How to wait; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {

        Sleeper THREAD = pause -> {
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to retry", interrupted);
            }
        };

        void sleep(Duration pause);
    }
}
