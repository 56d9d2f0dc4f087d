package dev.fieldpoll.discord;

import java.time.Duration;

/**
 * Lets interactions in while the bot runs and counts those in flight, so a shutdown can stop
 * taking new ones and wait until every started one has written its votes and queued its reply.
 */
final class Gate {

    private boolean open = true;
    private int inFlight;

    /** True when the caller may go ahead; it must then call {@link #exit()}. */
    synchronized boolean enter() {
        if (!open) {
            return false;
        }
        inFlight++;
        return true;
    }

    synchronized void exit() {
        inFlight--;
        if (inFlight == 0) {
            notifyAll();
        }
    }

    /** Closes the gate and waits for the interactions in flight; false if some were still running at the deadline. */
    synchronized boolean closeAndAwait(Duration timeout) throws InterruptedException {
        open = false;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
