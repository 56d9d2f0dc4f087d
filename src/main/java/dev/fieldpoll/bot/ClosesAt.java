package dev.fieldpoll.bot;

import dev.fieldpoll.poll.Poll;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** When a new poll closes, as typed: after a duration (3d, 12h, 2w), on a date, or at a local time. */
public sealed interface ClosesAt {

    /** The longest a poll may stay open, whichever way its close is given. */
    Duration LONGEST = Poll.LONGEST_OPEN;

    String OUT_OF_RANGE = Poll.CLOSES_OUT_OF_RANGE;

    Instant resolve(Instant now, ZoneId zone);

    record After(Duration duration) implements ClosesAt {
        @Override
        public Instant resolve(Instant now, ZoneId zone) {
            return now.plus(duration);
        }
    }

    /** At the end of that day in the community's zone, so "closes:2026-12-24" includes the 24th. */
    record OnDate(LocalDate date) implements ClosesAt {
        @Override
        public Instant resolve(Instant now, ZoneId zone) {
            return date.plusDays(1).atStartOfDay(zone).toInstant();
        }
    }

    record At(LocalDateTime time) implements ClosesAt {
        @Override
        public Instant resolve(Instant now, ZoneId zone) {
            return time.atZone(zone).toInstant();
        }
    }
}
