package dev.fieldpoll.poll;

import java.time.Instant;

/**
 * Where the results pages keep their state: the secret that signs personal links, and which
 * polls an admin has made public. Implementations commit every write before returning.
 */
public interface ResultsPageStore {

    /** The 32-byte secret that signs results-page links; it never leaves the process except as signatures. */
    byte[] linkSecret();

    /** How a poll's page is shared now; {@link PageSharing#PRIVATE} when no admin ever made it public. */
    PageSharing sharing(long pollId);

    /**
     * Makes the poll's page public or private again, and returns the sharing now in force. Making
     * a private page public starts a new generation, so links taken back earlier stay dead; making
     * a public page public again keeps the link it has.
     */
    PageSharing share(long pollId, boolean makePublic, String byUserId, Instant at);
}
