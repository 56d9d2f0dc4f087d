package dev.fieldpoll.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for what another thread writes (the store records a platform's message id once the
 * platform answered): reads it again and again until it satisfies the condition, within a minute.
 */
public final class Eventually {

    private Eventually() {}

    public static <T> T value(Supplier<Optional<T>> read, Predicate<T> condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (true) {
            Optional<T> value = read.get();
            if (value.isPresent() && condition.test(value.get())) {
                return value.get();
            }
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
