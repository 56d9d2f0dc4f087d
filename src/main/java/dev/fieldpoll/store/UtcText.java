package dev.fieldpoll.store;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times as stored: UTC text of one fixed width, to the millisecond, so that comparing and
 * sorting the text compares and sorts the times (in SQLite and PostgreSQL alike). Every vote
 * writes one and reads its poll's, so the fixed form is read and written by hand (java.time's
 * formatter was a tenth of a vote's processor time); anything else goes through the formatter.
 */
final class UtcText {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final int WIDTH = "2026-11-27T10:00:00.000Z".length();

    private UtcText() {}

    /** The stored form; finer than a millisecond is dropped. Null stays null. */
    static String format(Instant time) {
        if (time == null) {
            return null;
        }
        LocalDateTime utc = LocalDateTime.ofEpochSecond(time.getEpochSecond(), time.getNano(), ZoneOffset.UTC);
        if (utc.getYear() < 0 || utc.getYear() > 9999) {
            return FORMAT.format(time);
        }
        StringBuilder text = new StringBuilder(WIDTH);
        digits(text, utc.getYear(), 4).append('-');
        digits(text, utc.getMonthValue(), 2).append('-');
        digits(text, utc.getDayOfMonth(), 2).append('T');
        digits(text, utc.getHour(), 2).append(':');
        digits(text, utc.getMinute(), 2).append(':');
        digits(text, utc.getSecond(), 2).append('.');
        return digits(text, utc.getNano() / 1_000_000, 3).append('Z').toString();
    }

    static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        if (!fixedForm(text)) {
            return FORMAT.parse(text, Instant::from);
        }
        return LocalDateTime.of(
                        number(text, 0, 4),
                        number(text, 5, 2),
                        number(text, 8, 2),
                        number(text, 11, 2),
                        number(text, 14, 2),
                        number(text, 17, 2),
                        number(text, 20, 3) * 1_000_000)
                .toInstant(ZoneOffset.UTC);
    }

    private static StringBuilder digits(StringBuilder text, int value, int width) {
        String number = Integer.toString(value);
        for (int pad = number.length(); pad < width; pad++) {
            text.append('0');
        }
        return text.append(number);
    }

    /** "uuuu-MM-dd'T'HH:mm:ss.SSS'Z'": digits but for the separators; LocalDateTime checks the values. */
    private static boolean fixedForm(String text) {
        if (text.length() != WIDTH) {
            return false;
        }
        for (int i = 0; i < WIDTH; i++) {
            char c = text.charAt(i);
            char separator = separator(i);
            if (separator != 0 ? c != separator : c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The separator at this position of the fixed form, or 0 where a digit goes. */
    private static char separator(int index) {
        return switch (index) {
            case 4, 7 -> '-';
            case 10 -> 'T';
            case 13, 16 -> ':';
            case 19 -> '.';
            case 23 -> 'Z';
            default -> 0;
        };
    }

    private static int number(String text, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }
}
