package dev.fieldpoll.bot;

import dev.fieldpoll.poll.Poll;
import java.time.Instant;
import java.util.Objects;

/**
 * What a poll message shows, read fresh from the store when it is drawn: the poll (open or closed
 * at {@code now}) and how many members have voted.
 */
public record PollMessageView(Poll poll, int voters, Instant now) {

    public PollMessageView {
        Objects.requireNonNull(poll, "poll");
        Objects.requireNonNull(now, "now");
        if (voters < 0) {
            throw new IllegalArgumentException("voters must not be negative");
        }
    }
}
