package dev.fieldpoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.testing.MutableClock;
import dev.fieldpoll.testing.ReportFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReportCacheTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final ReportCache cache = new ReportCache(clock, 2, Duration.ofSeconds(30));
    private final AtomicInteger computed = new AtomicInteger();

    private PollReport compute() {
        computed.incrementAndGet();
        return new ReportBuilder().build(ReportFixtures.input(ReportFixtures.tenVoters(), 3));
    }

    private PollReport get(long poll, long version, String status) {
        return cache.get(poll, new ReportCache.Key(version, status), this::compute);
    }

    @Test
    void a_report_is_kept_until_the_data_version_or_status_of_its_poll_changes() {
        PollReport first = get(1, 0, "OPEN");

        assertThat(get(1, 0, "OPEN")).isSameAs(first);
        assertThat(computed).hasValue(1);
        assertThat(get(1, 1, "OPEN")).isNotSameAs(first);
        assertThat(get(1, 1, "CLOSED")).isNotNull();
        assertThat(computed).hasValue(3);
    }

    @Test
    void only_the_polls_used_last_are_kept_and_none_longer_than_the_maximum_age() {
        get(1, 0, "OPEN");
        get(2, 0, "OPEN");
        get(1, 0, "OPEN");
        get(3, 0, "OPEN");
        assertThat(computed).hasValue(3);

        // poll 2 was used least recently, so it left; poll 1 stayed
        get(1, 0, "OPEN");
        assertThat(computed).hasValue(3);
        get(2, 0, "OPEN");
        assertThat(computed).hasValue(4);

        clock.advance(Duration.ofSeconds(31));
        get(2, 0, "OPEN");
        assertThat(computed).hasValue(5);
    }

    @Test
    void a_report_computed_under_an_older_version_does_not_replace_a_newer_one() {
        PollReport newer = get(1, 5, "OPEN");

        get(1, 4, "OPEN");

        assertThat(get(1, 5, "OPEN")).isSameAs(newer);
    }
}
