package dev.fieldpoll.bench;

import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.report.ReportBuilder;
import dev.fieldpoll.report.ReportInput;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The full report (cell statistics, shrunk scores, Pareto tiers, 1,000-resample bootstrap,
 * reference comparison, Krippendorff's α) for the AI-safety template: 10 fields × 2 factors.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReportBenchmark {

    @Param({"1000", "10000", "100000"})
    public int voters;

    private ReportInput input;
    private final ReportBuilder builder = new ReportBuilder();

    @Setup
    public void createPoll() {
        input = SyntheticPolls.input(SyntheticPolls.aiSafety(), voters, 42);
    }

    @Benchmark
    public PollReport fullReport() {
        return builder.build(input);
    }
}
