package dev.fieldpoll.ops;

import dev.fieldpoll.web.Operations;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The web port's {@link Operations}: health from the database and from each platform this process
 * runs, metrics from {@link PrometheusMetrics}. Platforms are added as they are built.
 * Thread-safe: the platform map is guarded by this object's monitor; the rest is thread-safe.
 */
public final class OperationsStatus implements Operations {

    private final BooleanSupplier database;
    private final PrometheusMetrics metrics;
    private final Map<String, BooleanSupplier> platforms = new LinkedHashMap<>();

    public OperationsStatus(BooleanSupplier database, PrometheusMetrics metrics) {
        this.database = database;
        this.metrics = metrics;
    }

    /** From now on {@code /healthz} reports this platform (discord, slack) as {@code connected} says. */
    public synchronized void platform(String name, BooleanSupplier connected) {
        platforms.put(name, connected);
    }

    @Override
    public Health health() {
        Map<String, Boolean> now = new LinkedHashMap<>();
        for (Map.Entry<String, BooleanSupplier> platform : platformsNow().entrySet()) {
            now.put(platform.getKey(), platform.getValue().getAsBoolean());
        }
        return new Health(database.getAsBoolean(), now);
    }

    private synchronized Map<String, BooleanSupplier> platformsNow() {
        return new LinkedHashMap<>(platforms);
    }

    @Override
    public String metrics() {
        return metrics.scrape();
    }
}
