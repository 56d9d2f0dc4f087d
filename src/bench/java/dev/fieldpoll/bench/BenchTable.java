package dev.fieldpoll.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/**
 * JMH results as one row per benchmark and parameter, plus what the rows say together: vote
 * ingest at 64 members over the single-row floor, and the peak heap of all runs.
 *
 * @param ingestToFloor votes/s through PollBot at 64 members ÷ single-row upserts/s; null when either did not run
 * @param peakHeapMb    the largest peak heap of the benchmark JVMs; null without {@link PeakHeapProfiler}
 */
public record BenchTable(List<Row> rows, Double ingestToFloor, Double peakHeapMb) {

    private static final int MEMBERS_COMPARED = 64;

    /**
     * @param threads      concurrent callers (members, for the ingest benchmarks)
     * @param opsPerSecond completed operations per second over all threads: threads ÷ mean time, as every
     *                     thread calls again the moment its call returns
     */
    public record Row(
            String benchmark,
            String parameters,
            int threads,
            double medianMillis,
            double p99Millis,
            double opsPerSecond,
            long samples,
            Double peakHeapMb) {}

    public BenchTable {
        rows = List.copyOf(rows);
    }

    public static BenchTable of(Collection<RunResult> results) {
        List<Row> rows = new ArrayList<>();
        for (RunResult result : results) {
            rows.add(row(result));
        }
        return of(rows);
    }

    /** The table of these rows, with the ingest-to-floor ratio and the peak heap worked out. */
    static BenchTable of(List<Row> rows) {
        Optional<Row> ingest = find(rows, "IngestBenchmark.", MEMBERS_COMPARED);
        Optional<Row> floor = find(rows, "FloorBenchmark.", 1);
        Double ratio = ingest.isPresent() && floor.isPresent()
                ? ingest.get().opsPerSecond() / floor.get().opsPerSecond()
                : null;
        Double peakHeap = rows.stream()
                .map(Row::peakHeapMb)
                .filter(mb -> mb != null)
                .max(Double::compare)
                .orElse(null);
        return new BenchTable(rows, ratio, peakHeap);
    }

    private static Row row(RunResult result) {
        BenchmarkParams params = result.getParams();
        Statistics statistics = result.getPrimaryResult().getStatistics();
        String name = params.getBenchmark();
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String key : params.getParamsKeys()) {
            parameters.put(key, params.getParam(key));
        }
        Result<?> peakHeap = result.getSecondaryResults().get(PeakHeapProfiler.LABEL);
        return new Row(
                name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1),
                parameters.toString(),
                params.getThreads(),
                statistics.getPercentile(50),
                statistics.getPercentile(99),
                params.getThreads() * 1000.0 / statistics.getMean(),
                statistics.getN(),
                peakHeap == null ? null : peakHeap.getScore());
    }

    private static Optional<Row> find(List<Row> rows, String prefix, int threads) {
        return rows.stream()
                .filter(row -> row.benchmark().startsWith(prefix) && row.threads() == threads)
                .findFirst();
    }

    public String text() {
        StringBuilder text = new StringBuilder(String.format(
                Locale.ROOT,
                "%-34s %-16s %7s %11s %11s %11s %9s %13s%n",
                "benchmark",
                "parameters",
                "threads",
                "median ms",
                "p99 ms",
                "ops/s",
                "samples",
                "peak heap MB"));
        for (Row row : rows) {
            text.append(String.format(
                    Locale.ROOT,
                    "%-34s %-16s %7d %11.3f %11.3f %11.1f %9d %13s%n",
                    row.benchmark(),
                    row.parameters(),
                    row.threads(),
                    row.medianMillis(),
                    row.p99Millis(),
                    row.opsPerSecond(),
                    row.samples(),
                    row.peakHeapMb() == null ? "-" : String.format(Locale.ROOT, "%.0f", row.peakHeapMb())));
        }
        if (ingestToFloor != null) {
            text.append(String.format(
                    Locale.ROOT,
                    "%nVote ingest at %d members: %.1f× the single-row floor%n",
                    MEMBERS_COMPARED,
                    ingestToFloor));
        }
        if (peakHeapMb != null) {
            text.append(String.format(Locale.ROOT, "Peak heap used: %.0f MB%n", peakHeapMb));
        }
        return text.toString();
    }
}
