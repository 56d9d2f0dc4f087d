package dev.fieldpoll.summary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resume record of one post (a summary, or a closed poll's results): which of its parts
 * (messages, charts) already reached the channel, kept in the database, so a retry — after a
 * failure, or after a restart — posts only what is still missing and never a part twice. The same
 * record and key rule on every platform; a publisher names its parts ("message 1", "chart
 * poll-3.png") and sends each through {@link #once}. A summary's parts older than {@link #KEEP} no
 * longer count. Not thread-safe: one publish at a time owns it.
 */
public final class SummaryParts {

    static final Duration KEEP = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(SummaryParts.class);

    /** Where one post's delivered parts are kept. */
    interface Ledger {

        Set<String> delivered();

        void delivered(String part, Instant at);

        void forget();
    }

    private final Ledger ledger;
    private final String post;
    private final Clock clock;
    private final Set<String> delivered;

    private SummaryParts(Ledger ledger, String post, Clock clock) {
        this.ledger = ledger;
        this.post = post;
        this.clock = clock;
        this.delivered = new HashSet<>(ledger.delivered());
    }

    /** The record of a summary post's parts. */
    static SummaryParts of(SummaryStore store, SummaryKey key, Clock clock) {
        return new SummaryParts(
                new Ledger() {
                    @Override
                    public Set<String> delivered() {
                        return store.deliveredParts(key, clock.instant().minus(KEEP));
                    }

                    @Override
                    public void delivered(String part, Instant at) {
                        store.partDelivered(key, part, at);
                    }

                    @Override
                    public void forget() {
                        store.forgetParts(key, clock.instant().minus(KEEP));
                    }
                },
                "the summary of " + key.period(),
                clock);
    }

    /** The record of a closed poll's results post's parts. */
    static SummaryParts of(ResultsPostStore store, long pollId, Clock clock) {
        return new SummaryParts(
                new Ledger() {
                    @Override
                    public Set<String> delivered() {
                        return store.deliveredParts(pollId);
                    }

                    @Override
                    public void delivered(String part, Instant at) {
                        store.partDelivered(pollId, part, at);
                    }

                    @Override
                    public void forget() {
                        store.forgetParts(pollId);
                    }
                },
                "the results of poll " + pollId,
                clock);
    }

    /** Sends the part unless an earlier attempt delivered it; records it once sent. The send may throw. */
    public void once(String part, Runnable send) {
        if (delivered.contains(part)) {
            log.debug("{} of {} was delivered before; skipping it", part, post);
            return;
        }
        send.run();
        ledger.delivered(part, clock.instant());
        delivered.add(part);
    }

    /** The post is complete: its record is no longer needed. */
    void complete() {
        ledger.forget();
    }
}
