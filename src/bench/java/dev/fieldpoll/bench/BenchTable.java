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
 * ingest at 64 members on SQLite against the single-row floor and the group-commit ceiling, each
 * PostgreSQL row beside its SQLite twin, and the peak heap of all runs.
 *
 * @param ingestToFloor   votes/s through PollBot at 64 members ÷ single-row upserts/s; null when either did not run
 * @param ingestToCeiling votes/s through PollBot at 64 members ÷ upserts/s in transactions of 64; null when
 *                        either did not run
 * @param peakHeapMb      the largest peak heap of the benchmark JVMs; null without {@link PeakHeapProfiler}
 */
public record BenchTable(List<Row> rows, Double ingestToFloor, Double ingestToCeiling, Double peakHeapMb) {

    private static final int MEMBERS_COMPARED = 64;
    private static final String ON_POSTGRESQL = "database=postgresql";
    private static final String ON_SQLITE = "database=sqlite";

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

    /** The table of these rows, with ingest against floor and ceiling and the peak heap worked out. */
    static BenchTable of(List<Row> rows) {
        // the floor and the ceiling are bare SQLite: compared with ingest on SQLite
        Optional<Row> ingest = find(
                rows.stream()
                        .filter(row -> !row.parameters().contains(ON_POSTGRESQL))
                        .toList(),
                "IngestBenchmark.",
                MEMBERS_COMPARED);
        Double toFloor = ratio(ingest, find(rows, "FloorBenchmark.", 1));
        Double toCeiling = ratio(ingest, find(rows, "CeilingBenchmark.", 1));
        Double peakHeap = rows.stream()
                .map(Row::peakHeapMb)
                .filter(mb -> mb != null)
                .max(Double::compare)
                .orElse(null);
        return new BenchTable(rows, toFloor, toCeiling, peakHeap);
    }

    private static Double ratio(Optional<Row> measured, Optional<Row> against) {
        return measured.isPresent() && against.isPresent()
                ? measured.get().opsPerSecond() / against.get().opsPerSecond()
                : null;
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
                "%-40s %-16s %7s %11s %11s %11s %9s %13s%n",
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
                    "%-40s %-16s %7d %11.3f %11.3f %11.1f %9d %13s%n",
                    row.benchmark(),
                    row.parameters(),
                    row.threads(),
                    row.medianMillis(),
                    row.p99Millis(),
                    row.opsPerSecond(),
                    row.samples(),
                    row.peakHeapMb() == null ? "-" : String.format(Locale.ROOT, "%.0f", row.peakHeapMb())));
        }
        if (ingestToFloor != null || ingestToCeiling != null) {
            text.append(String.format(Locale.ROOT, "%nVote ingest at %d members:", MEMBERS_COMPARED));
            if (ingestToFloor != null) {
                text.append(String.format(Locale.ROOT, " %.1f× the single-row floor", ingestToFloor));
            }
            if (ingestToCeiling != null) {
                text.append(String.format(
                        Locale.ROOT,
                        "%s %.2f of the group-commit ceiling",
                        ingestToFloor != null ? ";" : "",
                        ingestToCeiling));
            }
            text.append(String.format("%n"));
        }
        text.append(beside());
        if (peakHeapMb != null) {
            text.append(String.format(Locale.ROOT, "Peak heap used: %.0f MB%n", peakHeapMb));
        }
        return text.toString();
    }

    /** Every PostgreSQL row with its SQLite twin (same benchmark, threads and other parameters); "" without any. */
    private String beside() {
        StringBuilder text = new StringBuilder();
        for (Row postgres : rows) {
            if (!postgres.parameters().contains(ON_POSTGRESQL)) {
                continue;
            }
            String twin = postgres.parameters().replace(ON_POSTGRESQL, ON_SQLITE);
            rows.stream()
                    .filter(row -> row.benchmark().equals(postgres.benchmark())
                            && row.threads() == postgres.threads()
                            && row.parameters().equals(twin))
                    .findFirst()
                    .ifPresent(sqlite -> text.append(String.format(
                            Locale.ROOT,
                            "  %-40s %-16s %3d: median %.3f ms against %.3f ms, %.1f ops/s against %.1f%n",
                            postgres.benchmark(),
                            postgres.parameters()
                                    .replace(ON_POSTGRESQL + ", ", "")
                                    .replace(", " + ON_POSTGRESQL, "")
                                    .replace(ON_POSTGRESQL, ""),
                            postgres.threads(),
                            postgres.medianMillis(),
                            sqlite.medianMillis(),
                            postgres.opsPerSecond(),
                            sqlite.opsPerSecond())));
        }
        return text.isEmpty() ? "" : String.format("%nPostgreSQL beside SQLite:%n") + text;
    }
}
