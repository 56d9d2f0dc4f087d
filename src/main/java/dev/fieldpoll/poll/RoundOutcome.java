package dev.fieldpoll.poll;

/** What asking for a poll's next round came to: the round opened, or why not (a sentence to show). */
public sealed interface RoundOutcome {

    /** The next round, committed; {@code previous} is the round it follows. */
    record RoundOpened(Poll poll, Poll previous, RoundLink link) implements RoundOutcome {}

    record RoundRefused(String reason) implements RoundOutcome {}
}
