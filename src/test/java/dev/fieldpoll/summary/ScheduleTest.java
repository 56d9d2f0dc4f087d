package dev.fieldpoll.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Workspace;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static Schedule schedule(DayOfWeek day, String time, String zone) {
        return new Schedule(
                new Workspace(Platform.CONSOLE, "local"),
                "local",
                day,
                LocalTime.parse(time),
                ZoneId.of(zone),
                Instant.parse("2020-01-01T00:00:00Z"));
    }

    @Test
    void london_keeps_nine_oclock_local_across_the_spring_change() {
        Schedule monday = schedule(DayOfWeek.MONDAY, "09:00", "Europe/London");

        // before the change (GMT, UTC+0) and after it (BST, UTC+1); clocks went forward on 2026-03-29
        assertThat(monday.latestRunAtOrBefore(Instant.parse("2026-03-24T12:00:00Z"))
                        .at())
                .isEqualTo(Instant.parse("2026-03-23T09:00:00Z"));
        assertThat(monday.nextRunAfter(Instant.parse("2026-03-24T12:00:00Z")).at())
                .isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
    }

    @Test
    void new_york_keeps_nine_oclock_local_across_the_autumn_change() {
        Schedule monday = schedule(DayOfWeek.MONDAY, "09:00", "America/New_York");

        // EDT (UTC-4) until 2026-11-01, then EST (UTC-5)
        assertThat(monday.latestRunAtOrBefore(Instant.parse("2026-10-27T00:00:00Z"))
                        .at())
                .isEqualTo(Instant.parse("2026-10-26T13:00:00Z"));
        assertThat(monday.nextRunAfter(Instant.parse("2026-10-27T00:00:00Z")).at())
                .isEqualTo(Instant.parse("2026-11-02T14:00:00Z"));
    }

    @Test
    void a_time_skipped_by_the_spring_gap_runs_once_shifted_and_an_overlap_runs_once() {
        Schedule sundayGap = schedule(DayOfWeek.SUNDAY, "01:30", "Europe/London");
        Schedule sundayOverlap = schedule(DayOfWeek.SUNDAY, "01:30", "Europe/London");

        // 01:30 does not exist on 2026-03-29 in London: it runs at 02:30 BST = 01:30 UTC
        assertThat(sundayGap
                        .latestRunAtOrBefore(Instant.parse("2026-03-29T12:00:00Z"))
                        .at())
                .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        // 01:30 happens twice on 2026-10-25: it runs at the first (BST, 00:30 UTC) only
        Schedule.ScheduledRun overlap = sundayOverlap.latestRunAtOrBefore(Instant.parse("2026-10-25T12:00:00Z"));
        assertThat(overlap.at()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(overlap.period()).isEqualTo(LocalDate.of(2026, 10, 25));
    }

    @Test
    void the_run_at_the_exact_moment_is_the_latest_and_periods_are_local_dates() {
        Schedule friday = schedule(DayOfWeek.FRIDAY, "17:00", "UTC");

        Schedule.ScheduledRun run = friday.latestRunAtOrBefore(Instant.parse("2026-11-27T17:00:00Z"));

        assertThat(run.at()).isEqualTo(Instant.parse("2026-11-27T17:00:00Z"));
        assertThat(run.period()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(friday.latestRunAtOrBefore(Instant.parse("2026-11-27T16:59:00Z"))
                        .period())
                .isEqualTo(LocalDate.of(2026, 11, 20));
    }
}
