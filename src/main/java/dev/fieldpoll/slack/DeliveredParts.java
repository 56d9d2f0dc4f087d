package dev.fieldpoll.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which parts of a summary (its messages, its charts) already reached Slack. The summary job
 * retries a whole publish after a failure; with this, the retry posts only what is still missing,
 * so a message that got through is never posted twice. Kept in memory for a day at most and
 * forgotten once a summary is complete: after a restart a half-posted summary is posted whole.
 */
final class DeliveredParts {

    static final Duration KEEP = Duration.ofDays(1);

    private record Progress(Instant started, Set<String> parts) {}

    private final Map<String, Progress> summaries = new HashMap<>();
    private final Clock clock;

    DeliveredParts(Clock clock) {
        this.clock = clock;
    }

    synchronized boolean has(String summary, String part) {
        dropStale();
        Progress progress = summaries.get(summary);
        return progress != null && progress.parts().contains(part);
    }

    synchronized void add(String summary, String part) {
        summaries
                .computeIfAbsent(summary, key -> new Progress(clock.instant(), new HashSet<>()))
                .parts()
                .add(part);
    }

    synchronized void forget(String summary) {
        summaries.remove(summary);
    }

    private void dropStale() {
        Instant oldest = clock.instant().minus(KEEP);
        summaries.values().removeIf(progress -> progress.started().isBefore(oldest));
    }
}
