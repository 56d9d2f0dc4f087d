package dev.fieldpoll.poll;

/**
 * Whether a poll's results page is public, and its generation: the number a public link names,
 * raised each time a private page is made public, so a link taken back never opens again.
 */
public record PageSharing(boolean isPublic, int generation) {

    /** A page no admin has made public: only personal links open it. */
    public static final PageSharing PRIVATE = new PageSharing(false, 0);

    public PageSharing {
        if (generation < 0 || (isPublic && generation == 0)) {
            throw new IllegalArgumentException("a public page needs a generation of 1 or more, was " + generation);
        }
    }
}
