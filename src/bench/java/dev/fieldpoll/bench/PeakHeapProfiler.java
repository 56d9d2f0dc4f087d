package dev.fieldpoll.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Peak heap used in the benchmark's JVM since it started, warm-up included: the sum of each heap
 * pool's peak. The pools may peak at different moments, so this is an upper bound.
 */
public final class PeakHeapProfiler implements InternalProfiler {

    static final String LABEL = "peak-heap";

    @Override
    public String getDescription() {
        return "Peak heap used (MB): the sum of the heap pools' peaks";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
        // Peaks are kept from the JVM's start; nothing to reset.
    }

    @Override
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmark, IterationParams iteration, IterationResult result) {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return List.of(new ScalarResult(LABEL, bytes / (1024.0 * 1024.0), "MB", AggregationPolicy.MAX));
    }
}
