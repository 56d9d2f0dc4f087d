package dev.fieldpoll.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reports kept per poll until the poll changes: an entry serves while the store's data version and
 * the poll's status are those it was computed under, for at most {@code maxAge} (so votes written
 * by another process sharing the database show within that time), and only the {@code capacity}
 * polls used last are kept. Thread-safe: one lock guards the map, and reports are computed outside
 * it, so two threads asking at once may both compute one.
 */
public final class ReportCache {

    /** Enough for every poll a community runs at once; a report of 25 fields × 5 factors is a few kB. */
    public static final int DEFAULT_CAPACITY = 64;

    public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(30);

    /** What a report was computed under: the store's data version of the poll and its status then. */
    public record Key(long dataVersion, String status) {}

    private record Entry(Key key, PollReport report, Instant computedAt) {}

    private final Clock clock;
    private final Duration maxAge;
    private final Map<Long, Entry> entries;

    public ReportCache(Clock clock, int capacity, Duration maxAge) {
        if (capacity < 1 || maxAge.isNegative()) {
            throw new IllegalArgumentException("a report cache needs a capacity of 1 or more and a maximum age");
        }
        this.clock = clock;
        this.maxAge = maxAge;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The poll's report for this key: the one kept, or a new one from {@code compute}, then kept. */
    public PollReport get(long pollId, Key key, Supplier<PollReport> compute) {
        Instant now = clock.instant();
        synchronized (entries) {
            Entry kept = entries.get(pollId);
            if (kept != null
                    && kept.key().equals(key)
                    && !now.isAfter(kept.computedAt().plus(maxAge))) {
                return kept.report();
            }
        }
        PollReport report = compute.get();
        synchronized (entries) {
            Entry kept = entries.get(pollId);
            // a slower thread that computed under an older version must not replace a newer report
            if (kept == null || kept.key().dataVersion() <= key.dataVersion()) {
                entries.put(pollId, new Entry(key, report, now));
            }
        }
        return report;
    }
}
