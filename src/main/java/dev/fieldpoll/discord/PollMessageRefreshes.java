package dev.fieldpoll.discord;

import dev.fieldpoll.bot.PollRefresher;
import dev.fieldpoll.poll.Poll;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps poll messages' voter counts current through the shared {@link PollRefresher} (at most one
 * edit per interval per poll), and remembers which polls still wait for their edit, so a shutdown
 * can send those at once instead of losing the last votes.
 */
final class PollMessageRefreshes {

    /** Past a close time, the redraw waits this long, so the poll is surely closed when read. */
    private static final Duration AFTER_CLOSE = Duration.ofSeconds(1);

    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService executor;
    private final PollMessages messages;
    private final PollRefresher refresher;

    PollMessageRefreshes(ScheduledExecutorService executor, Duration interval, PollMessages messages) {
        this.executor = executor;
        this.messages = messages;
        this.refresher = new PollRefresher(executor, interval, this::refresh);
    }

    /** Votes changed the poll: redraw its message within one interval. */
    void request(long pollId) {
        pending.add(pollId);
        refresher.request(pollId);
    }

    /**
     * Redraws the poll's message once its close time has passed, so it shows "closed" without a
     * vote to trigger it. Kept in memory only: after a restart the next refresh shows it.
     */
    void atClose(Poll poll, Instant now) {
        poll.closesAtTime()
                .ifPresent(closes -> executor.schedule(
                        () -> messages.tryRefresh(poll.id()),
                        Duration.between(now, closes).plus(AFTER_CLOSE).toMillis(),
                        TimeUnit.MILLISECONDS));
    }

    private void refresh(long pollId) {
        pending.remove(pollId);
        messages.refresh(pollId);
    }

    /** Once the executor has stopped: redraws every poll message still waiting for its refresh. */
    void flush() {
        for (Long pollId : List.copyOf(pending)) {
            pending.remove(pollId);
            messages.tryRefresh(pollId);
        }
    }
}
