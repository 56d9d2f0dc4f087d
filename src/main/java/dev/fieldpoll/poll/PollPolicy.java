package dev.fieldpoll.poll;

/**
 * Community rules from configuration: who may start polls and who may post a poll's results to the
 * whole channel. Closing is for the creator or an admin.
 */
public record PollPolicy(boolean onlyAdminsCreate, ResultsSharing shareResults) {

    public static final PollPolicy OPEN = new PollPolicy(false, ResultsSharing.CREATOR);

    public PollPolicy {
        if (shareResults == null) {
            throw new IllegalArgumentException("shareResults must be given");
        }
    }

    /** Who may post a poll's results to the whole channel ({@code polls.share-results}); admins always may. */
    public enum ResultsSharing {
        /** The member who started the poll, and admins. */
        CREATOR,
        /** Admins only. */
        ADMINS,
        /** Every member who may see the results. */
        EVERYONE
    }
}
