package dev.fieldpoll.ops;

import dev.fieldpoll.bot.InteractionMeter;
import dev.fieldpoll.store.CommitMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * This process's metrics in one Micrometer registry, scraped in Prometheus' text format: votes
 * saved, interactions by command and outcome, commits (transactions and the writes they held) with
 * their latency, and gauges for the queues. Each process counts its own; Prometheus sums them.
 * Thread-safe: Micrometer's meters are.
 */
public final class PrometheusMetrics implements InteractionMeter, CommitMeter {

    /** The reply every saved vote gets, however it was cast. */
    private static final String VOTE_SAVED = "VoteSaved";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter votes = Counter.builder("fieldpoll.votes")
            .description("Votes saved (committed) by this process")
            .register(registry);
    private final Counter commits = Counter.builder("fieldpoll.commits")
            .description("Transactions committed by this process")
            .register(registry);
    private final Counter commitWrites = Counter.builder("fieldpoll.commit.writes")
            .description("Writes committed (a grouped commit holds several)")
            .register(registry);
    private final Timer commitLatency = Timer.builder("fieldpoll.commit.latency")
            .description("From BEGIN to the end of COMMIT")
            .serviceLevelObjectives(
                    Duration.ofMillis(1),
                    Duration.ofMillis(5),
                    Duration.ofMillis(10),
                    Duration.ofMillis(25),
                    Duration.ofMillis(50),
                    Duration.ofMillis(100),
                    Duration.ofMillis(250),
                    Duration.ofSeconds(1))
            .register(registry);

    @Override
    public void handled(String command, String outcome) {
        registry.counter("fieldpoll.interactions", "command", command, "outcome", outcome)
                .increment();
        if (outcome.equals(VOTE_SAVED)) {
            votes.increment();
        }
    }

    @Override
    public void committed(int writes, long nanos) {
        commits.increment();
        commitWrites.increment(writes);
        commitLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A value read at each scrape: a queue's depth. */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    /** Every metric, in Prometheus' text format. */
    public String scrape() {
        return registry.scrape();
    }
}
