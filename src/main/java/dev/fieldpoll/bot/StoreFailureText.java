package dev.fieldpoll.bot;

import dev.fieldpoll.poll.StoreException;

/**
 * What a member is told when the database failed: one plain sentence per kind of failure. The
 * path, the SQL and the advice for the operator go to the log only.
 */
public final class StoreFailureText {

    private StoreFailureText() {}

    public static String sentence(StoreException.Kind kind) {
        return switch (kind) {
            case BUSY -> "The poll database is busy right now, so nothing changed. Please try again in a moment.";
            case FULL ->
                "I can't save anything right now because the server's disk is full, so nothing changed. "
                        + "Please try again later.";
            case READ_ONLY ->
                "I can't save anything right now because the poll database is read-only, "
                        + "so nothing changed. Please try again later.";
            case CORRUPT, NOT_A_DATABASE, OTHER ->
                "I couldn't reach the poll database, so nothing changed. " + "Please try again later.";
        };
    }
}
