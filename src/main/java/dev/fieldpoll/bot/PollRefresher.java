package dev.fieldpoll.bot;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps poll messages current without flooding the platform: a burst of votes on one poll
 * becomes at most one refresh per interval, and the last vote of a burst is always shown,
 * because a refresh reads the poll's state when it runs, not when it was asked for.
 */
public final class PollRefresher {

    private static final Logger log = LoggerFactory.getLogger(PollRefresher.class);

    private final ScheduledExecutorService executor;
    private final long intervalMillis;
    private final LongConsumer refresh;
    private final Set<Long> scheduled = ConcurrentHashMap.newKeySet();

    public PollRefresher(ScheduledExecutorService executor, Duration interval, LongConsumer refresh) {
        this.executor = executor;
        this.intervalMillis = interval.toMillis();
        this.refresh = refresh;
    }

    /** Asks for the poll's message to be refreshed within one interval. */
    public void request(long pollId) {
        if (scheduled.add(pollId)) {
            executor.schedule(() -> run(pollId), intervalMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void run(long pollId) {
        // Cleared before refreshing: a vote landing during the refresh schedules the next one.
        scheduled.remove(pollId);
        try {
            refresh.accept(pollId);
        } catch (RuntimeException failure) {
            log.warn("Could not refresh the message of poll {}: {}", pollId, failure.toString());
        }
    }
}
