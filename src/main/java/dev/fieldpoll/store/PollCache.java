package dev.fieldpoll.store;

import dev.fieldpoll.poll.Poll;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Polls as last read, by id, so that a vote need not read its poll's row: kept until this process
 * writes the row ({@link #forget}, which every writer of a poll row calls once it committed) and
 * for at most {@link #MAX_AGE} otherwise, the bound on how long a change by another process sharing
 * the database goes unseen here. Votes may use it because their write checks that the poll is
 * open itself. Bounded: it starts afresh when {@link #MAX_POLLS} are held.
 *
 * <p>Thread-safe: lookups read a concurrent map; filling it and forgetting take this object's lock,
 * and a fill is dropped when a poll was forgotten since its read began, so a row read before a
 * change is never kept after it.
 */
final class PollCache {

    static final Duration MAX_AGE = Duration.ofSeconds(2);
    static final int MAX_POLLS = 1_024;

    private record Kept(Poll poll, Instant readAt) {}

    private final Clock clock;
    private final Map<Long, Kept> polls = new ConcurrentHashMap<>();
    /** Raised by every {@link #forget}; guarded by this. */
    private long forgotten;

    PollCache(Clock clock) {
        this.clock = clock;
    }

    /** The poll as cached, or as {@code read} finds it now (and then kept, unless changed meanwhile). */
    Optional<Poll> get(long pollId, Supplier<Optional<Poll>> read) {
        Instant now = clock.instant();
        Kept kept = polls.get(pollId);
        if (kept != null && now.isBefore(kept.readAt().plus(MAX_AGE))) {
            return Optional.of(kept.poll());
        }
        long before = forgottenSoFar();
        Optional<Poll> poll = read.get();
        poll.ifPresent(found -> keep(before, found, now));
        return poll;
    }

    /** The poll's row changed (or may have): the next lookup reads it again. */
    synchronized void forget(long pollId) {
        forgotten++;
        polls.remove(pollId);
    }

    private synchronized long forgottenSoFar() {
        return forgotten;
    }

    private synchronized void keep(long forgottenBefore, Poll poll, Instant readAt) {
        if (forgotten != forgottenBefore) {
            return;
        }
        if (polls.size() >= MAX_POLLS) {
            polls.clear();
        }
        polls.put(poll.id(), new Kept(poll, readAt));
    }
}
