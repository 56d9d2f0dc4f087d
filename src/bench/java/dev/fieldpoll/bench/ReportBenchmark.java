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
 * The full report for the AI-safety template (10 fields × 2 factors): eligibility and canonical
 * order, the voter + cell model, empirical-Bayes shrinkage, the 1,000-resample ballot bootstrap
 * with a refit per resample (score, rank, reference and τ_b intervals, ties), split labels with
 * their bootstrap errors, reliability and α. {@code complete} ballots answer every cell (5% don't
 * know); {@code half} ballots score a random half, so nearly every ballot's pattern is unique.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReportBenchmark {

    @Param({"1000", "10000", "100000"})
    public int voters;

    @Param({"complete", "half"})
    public String ballots;

    private ReportInput input;
    private final ReportBuilder builder = new ReportBuilder();

    @Setup
    public void createPoll() {
        input = SyntheticPolls.input(
                SyntheticPolls.aiSafety(),
                voters,
                42,
                SyntheticPolls.Ballots.valueOf(ballots.toUpperCase(java.util.Locale.ROOT)));
    }

    @Benchmark
    public PollReport fullReport() {
        return builder.build(input);
    }
}
