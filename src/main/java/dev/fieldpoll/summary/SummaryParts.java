package dev.fieldpoll.summary;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resume record of one summary post: which of its parts (messages, charts) already reached the
 * channel, kept in the database, so a retry — after a failure, or after a restart — posts only what
 * is still missing and never a part twice. The same record and key rule on every platform; a
 * publisher names its parts ("message 1", "chart poll-3.png") and sends each through {@link #once}.
 * Parts older than {@link #KEEP} no longer count. Not thread-safe: one publish at a time owns it.
 */
public final class SummaryParts {

    static final Duration KEEP = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(SummaryParts.class);

    private final SummaryStore store;
    private final SummaryKey key;
    private final Clock clock;
    private final Set<String> delivered;

    SummaryParts(SummaryStore store, SummaryKey key, Clock clock) {
        this.store = store;
        this.key = key;
        this.clock = clock;
        this.delivered = new HashSet<>(store.deliveredParts(key, clock.instant().minus(KEEP)));
    }

    /** Sends the part unless an earlier attempt delivered it; records it once sent. The send may throw. */
    public void once(String part, Runnable send) {
        if (delivered.contains(part)) {
            log.debug("{} of the summary of {} was delivered before; skipping it", part, key.period());
            return;
        }
        send.run();
        store.partDelivered(key, part, clock.instant());
        delivered.add(part);
    }

    /** The summary is complete: its record is no longer needed. */
    void complete() {
        store.forgetParts(key, clock.instant().minus(KEEP));
    }
}
