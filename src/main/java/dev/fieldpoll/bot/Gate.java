package dev.fieldpoll.bot;

import java.time.Duration;

/**
 * Lets work in while the bot runs, up to a bound, and counts what is in flight, so a shutdown can
 * stop taking new work and wait until everything started has finished (its votes committed, its
 * reply sent). Thread-safe: every method synchronizes on the gate.
 */
public final class Gate {

    /** Whether work may go ahead; only {@link #ADMITTED} work must call {@link #exit()}. */
    public enum Entry {
        ADMITTED,
        /** As much work is in flight as the gate admits: try again in a moment. */
        FULL,
        /** The gate is closed for a shutdown. */
        CLOSED
    }

    private final int limit;
    private boolean open = true;
    private int inFlight;

    /** A gate admitting at most {@code limit} pieces of work at once. */
    public Gate(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a gate admits at least one");
        }
        this.limit = limit;
    }

    public synchronized Entry enter() {
        if (!open) {
            return Entry.CLOSED;
        }
        if (inFlight >= limit) {
            return Entry.FULL;
        }
        inFlight++;
        return Entry.ADMITTED;
    }

    /** Work admitted and not yet finished. */
    public synchronized int inFlight() {
        return inFlight;
    }

    public synchronized void exit() {
        inFlight--;
        if (inFlight == 0) {
            notifyAll();
        }
    }

    /** Closes the gate and waits for the work in flight; false if some was still running at the deadline. */
    public synchronized boolean closeAndAwait(Duration timeout) throws InterruptedException {
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
