package dev.fieldpoll.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times as stored: UTC text of one fixed width, to the millisecond, so that comparing and
 * sorting the text compares and sorts the times (in SQLite and PostgreSQL alike).
 */
final class UtcText {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private UtcText() {}

    /** The stored form; finer than a millisecond is dropped. Null stays null. */
    static String format(Instant time) {
        return time == null ? null : FORMAT.format(time);
    }

    static Instant parse(String text) {
        return text == null ? null : FORMAT.parse(text, Instant::from);
    }
}
