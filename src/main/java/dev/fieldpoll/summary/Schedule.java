package dev.fieldpoll.summary;

import dev.fieldpoll.poll.Workspace;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * A channel's weekly summary time, in the channel's own zone. Runs follow the wall clock across
 * daylight-saving changes: Monday 09:00 stays 09:00 local. A time that a spring-forward gap skips
 * runs at the same moment shifted by the gap; in an autumn overlap it runs at the first 09:00.
 * {@code since} is when the schedule was set: runs due before it are not owed.
 */
public record Schedule(
        Workspace workspace, String channelId, DayOfWeek day, LocalTime time, ZoneId zone, Instant since) {

    public Schedule {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(since, "since");
        time = time.withSecond(0).withNano(0);
    }

    /** The latest scheduled run at or before {@code now}. */
    public ScheduledRun latestRunAtOrBefore(Instant now) {
        LocalDate date = now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(day));
        ScheduledRun run = runOn(date);
        return run.at().isAfter(now) ? runOn(date.minusWeeks(1)) : run;
    }

    /** The first scheduled run after {@code now}. */
    public ScheduledRun nextRunAfter(Instant now) {
        return runOn(latestRunAtOrBefore(now).period().plusWeeks(1));
    }

    private ScheduledRun runOn(LocalDate date) {
        return new ScheduledRun(date, ZonedDateTime.of(date, time, zone).toInstant());
    }

    /** One run: its local date (the period's name) and the instant it is due. */
    public record ScheduledRun(LocalDate period, Instant at) {}
}
