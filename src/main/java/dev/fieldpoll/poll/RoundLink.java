package dev.fieldpoll.poll;

/**
 * A poll that is a later round of another (a Delphi rerun): round {@code round} of the chain that
 * starts with {@code firstPollId}, following {@code previousPollId}.
 */
public record RoundLink(long pollId, long previousPollId, long firstPollId, int round) {

    public RoundLink {
        if (round < 2 || previousPollId == pollId) {
            throw new IllegalArgumentException("a later round is round 2 or more and follows another poll");
        }
    }
}
