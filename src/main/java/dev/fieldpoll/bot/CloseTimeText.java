package dev.fieldpoll.bot;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * How every platform names a close that falls on a day boundary of the community's zone: a poll
 * made with closes:2026-12-24 "closes at the end of 24 Dec", not "25 Dec 00:00", which reads as
 * the wrong day.
 */
public final class CloseTimeText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private CloseTimeText() {}

    /** "end of 24 Dec 2026 (UTC)" when the poll closes at midnight in the zone; empty for any other time. */
    public static Optional<String> endOfDay(Instant closesAt, ZoneId zone) {
        ZonedDateTime local = closesAt.atZone(zone);
        if (!local.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return Optional.empty();
        }
        return Optional.of("end of " + DAY.format(local.toLocalDate().minusDays(1)) + " (" + name(zone) + ")");
    }

    private static String name(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }
}
