package dev.fieldpoll.poll;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Where the rounds of polls are linked. Creating a round writes the new poll, its definition and its
 * link in one commit, whose stage may complete on the store's committer thread (move on elsewhere).
 */
public interface RoundStore {

    /**
     * Creates {@code poll} as round {@code round} of the chain starting at {@code firstPollId}, after
     * {@code previousPollId}; completes with the poll as stored.
     */
    CompletionStage<Poll> createRound(NewPoll poll, long previousPollId, long firstPollId, int round);

    /** The link of a poll that is round 2 or later; empty for a first round (or an unknown poll). */
    Optional<RoundLink> link(long pollId);

    /** The poll that is the next round of this one, if it was rerun. */
    Optional<Long> nextRound(long pollId);
}
