package dev.fieldpoll.ops;

import dev.fieldpoll.web.Operations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The web port's {@link Operations}: health from the database and from each platform this process
 * runs, metrics from {@link PrometheusMetrics}. Platforms are added as they are built.
 * Thread-safe: the platform map is guarded by this object's monitor; the rest is thread-safe.
 */
public final class OperationsStatus implements Operations {

    private final BooleanSupplier database;
    private final PrometheusMetrics metrics;
    private final Map<String, BooleanSupplier> platforms = new LinkedHashMap<>();
    private final List<Supplier<Map<String, Boolean>>> parts = new ArrayList<>();

    public OperationsStatus(BooleanSupplier database, PrometheusMetrics metrics) {
        this.database = database;
        this.metrics = metrics;
    }

    /** From now on {@code /healthz} reports this platform (discord, slack) as {@code connected} says. */
    public synchronized void platform(String name, BooleanSupplier connected) {
        platforms.put(name, connected);
    }

    /**
     * From now on {@code /healthz} also reports each part a platform says it has, as it says now
     * (each Discord shard this process runs, named like "discord shard 0/2").
     */
    public synchronized void platformParts(Supplier<Map<String, Boolean>> parts) {
        this.parts.add(parts);
    }

    @Override
    public Health health() {
        Map<String, Boolean> now = new LinkedHashMap<>();
        for (Map.Entry<String, BooleanSupplier> platform : platformsNow().entrySet()) {
            now.put(platform.getKey(), platform.getValue().getAsBoolean());
        }
        for (Supplier<Map<String, Boolean>> platformParts : partsNow()) {
            now.putAll(platformParts.get());
        }
        return new Health(database.getAsBoolean(), now);
    }

    private synchronized Map<String, BooleanSupplier> platformsNow() {
        return new LinkedHashMap<>(platforms);
    }

    private synchronized List<Supplier<Map<String, Boolean>>> partsNow() {
        return List.copyOf(parts);
    }

    @Override
    public String metrics() {
        return metrics.scrape();
    }
}
