package dev.fieldpoll.summary;

import dev.fieldpoll.poll.Poll;

/**
 * "This poll closes soon": posted once in the poll's channel (or when an admin asks, {@code /poll
 * remind}), with how many have voted and how many of them answered every cell ({@code complete}).
 */
public record ClosingReminder(Poll poll, int voters, int complete) {

    public ClosingReminder {
        if (voters < 0 || complete < 0 || complete > voters) {
            throw new IllegalArgumentException("complete ballots must be between 0 and the voters");
        }
    }

    /** ", 2 of them on every field and factor", or nothing when nobody has voted. */
    public String completeClause() {
        if (voters == 0) {
            return "";
        }
        if (voters == 1) {
            return complete == 1 ? ", on every field and factor" : ", not yet on every field and factor";
        }
        return ", " + (complete == voters ? "all" : Integer.toString(complete)) + " of them on every field and factor";
    }
}
