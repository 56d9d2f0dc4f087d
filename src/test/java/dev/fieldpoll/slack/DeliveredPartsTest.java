package dev.fieldpoll.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveredPartsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T17:00:00Z"));
    private final DeliveredParts delivered = new DeliveredParts(clock);

    @Test
    void a_posted_part_is_remembered_per_summary_until_the_summary_is_complete() {
        delivered.add("T0/C0/2026-11-27", "message 1");

        assertThat(delivered.has("T0/C0/2026-11-27", "message 1")).isTrue();
        assertThat(delivered.has("T0/C0/2026-11-27", "chart poll-1.png")).isFalse();
        assertThat(delivered.has("T0/C1/2026-11-27", "message 1")).isFalse();

        delivered.forget("T0/C0/2026-11-27");
        assertThat(delivered.has("T0/C0/2026-11-27", "message 1")).isFalse();
    }

    @Test
    void a_summary_that_never_completed_is_forgotten_after_a_day() {
        delivered.add("T0/C0/2026-11-27", "message 1");

        clock.advance(DeliveredParts.KEEP.minus(Duration.ofMinutes(1)));
        assertThat(delivered.has("T0/C0/2026-11-27", "message 1")).isTrue();
        clock.advance(Duration.ofMinutes(2));
        assertThat(delivered.has("T0/C0/2026-11-27", "message 1")).isFalse();
    }
}
