package dev.fieldpoll.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/** JMH results as one row per benchmark and parameter: median, p99 and sample count. */
public record BenchTable(List<Row> rows) {

    public record Row(String benchmark, String parameters, double medianMillis, double p99Millis, long samples) {
    }

    public static BenchTable of(Collection<RunResult> results) {
        List<Row> rows = new ArrayList<>();
        for (RunResult result : results) {
            Result<?> primary = result.getPrimaryResult();
            Statistics statistics = primary.getStatistics();
            String name = result.getParams().getBenchmark();
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String key : result.getParams().getParamsKeys()) {
                parameters.put(key, result.getParams().getParam(key));
            }
            rows.add(new Row(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1),
                    parameters.toString(), statistics.getPercentile(50), statistics.getPercentile(99),
                    statistics.getN()));
        }
        return new BenchTable(rows);
    }

    public String text() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-34s %-18s %12s %12s %9s%n",
                "benchmark", "parameters", "median ms", "p99 ms", "samples"));
        for (Row row : rows) {
            text.append(String.format(Locale.ROOT, "%-34s %-18s %12.3f %12.3f %9d%n", row.benchmark(), row.parameters(),
                    row.medianMillis(), row.p99Millis(), row.samples()));
        }
        return text.toString();
    }
}
