package dev.fieldpoll.poll;

/**
 * Keeps processes that share one database from redrawing the same poll message at the same time.
 * Each redraw reads the poll as stored when it runs; drawn one after another, the last edit always
 * shows the newest state, where two at once could land in the wrong order and leave an older
 * count on the message.
 */
@FunctionalInterface
public interface PollMessageLocks {

    /** One process: every redraw just runs. */
    PollMessageLocks NONE = (pollId, redraw) -> {
        redraw.run();
        return true;
    };

    /**
     * Runs the redraw while no other process redraws this poll; false, with nothing run, when one
     * does right now (the caller draws again a moment later, from what is stored by then).
     */
    boolean runAlone(long pollId, Runnable redraw);
}
