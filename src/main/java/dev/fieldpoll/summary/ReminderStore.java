package dev.fieldpoll.summary;

import java.time.Instant;
import java.util.List;

/**
 * Which polls still owe their closing-soon reminder, and a once-only claim to post it. A poll created
 * with its reminder off never owes one ({@code PollStore#create}).
 */
public interface ReminderStore {

    /** Open polls closing after {@code from} and at or before {@code to} whose reminder is on and not yet sent. */
    List<Long> owedBetween(Instant from, Instant to);

    /** Records the reminder as sent; true only for the one caller that got there first. */
    boolean claim(long pollId, Instant at);
}
