package dev.fieldpoll.slack;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A Slack date token: every member reads it in their own time zone; the fallback uses the community's. */
final class SlackDate {

    private static final DateTimeFormatter FALLBACK_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

    private SlackDate() {}

    static String token(Instant at, ZoneId zone) {
        return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time}|" + FALLBACK_TIME.format(at.atZone(zone))
                + ">";
    }
}
