package dev.fieldpoll.poll;

import java.util.Objects;

/**
 * The store could not read or write: a missing, foreign, read-only or damaged database, a full
 * disk, a refused write. The message is written for the person running fieldpoll (path, advice)
 * and goes to the log and the command line, never to a member: members get a sentence chosen by
 * {@link #kind()}. The cause keeps the technical detail.
 */
public class StoreException extends RuntimeException {

    /** What went wrong, as far as a member's answer is concerned. */
    public enum Kind {
        /** Another program held the database's lock for longer than the busy timeout. */
        BUSY,
        /** The disk (or the database's size limit) is full. */
        FULL,
        /** The file or its folder may not be written. */
        READ_ONLY,
        /** The file is damaged. */
        CORRUPT,
        /** The file is not a fieldpoll database (another program's, or not SQLite at all). */
        NOT_A_DATABASE,
        /** Anything else: a missing file, a schema from another build, an I/O error. */
        OTHER
    }

    private final Kind kind;

    public StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public StoreException(String message, Throwable cause) {
        this(Kind.OTHER, message, cause);
    }

    public Kind kind() {
        return kind;
    }
}
