package dev.fieldpoll.bench;

import dev.fieldpoll.poll.Factor;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.report.ReportInput;
import dev.fieldpoll.tally.AnalysisSettings;
import dev.fieldpoll.tally.EligibleBallots;
import dev.fieldpoll.tally.GroupAnalyzer;
import dev.fieldpoll.tally.OpinionGroups;
import java.util.Locale;
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
 * Opinion groups alone, beside {@link ReportBenchmark} (whose full report includes them), for the
 * AI-safety template (10 fields × 2 factors = 20 cells): placing voters on principal axes,
 * k-means++ for k = 2, 3, 4 with restarts and silhouettes, the comparison with one normal crowd,
 * and, where groups are found ({@code camps}), refining them on every voter, their profiles,
 * separating cells (every voter placed again without each cell) and common ground.
 * {@code crowd} ballots are one population, so the search stops at "no distinct groups".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GroupsBenchmark {

    @Param({"10000", "100000"})
    public int voters;

    @Param({"camps", "crowd"})
    public String ballots;

    private EligibleBallots eligible;
    private AnalysisSettings settings;

    @Setup
    public void createPoll() {
        PollDefinition definition = SyntheticPolls.aiSafety();
        SyntheticPolls.Ballots shape =
                ballots.equals("camps") ? SyntheticPolls.Ballots.CAMPS : SyntheticPolls.Ballots.COMPLETE;
        ReportInput input = SyntheticPolls.input(definition, voters, 42, shape);
        eligible = EligibleBallots.of(input.ballots(), definition.scale().points(), input.minVoters());
        settings = new AnalysisSettings(
                definition.scale().min(),
                definition.scale().points(),
                definition.factors().stream().mapToDouble(Factor::weight).toArray(),
                input.minVoters(),
                input.labelFrom(),
                AnalysisSettings.DEFAULT_RESAMPLES);
        OpinionGroups check = groups();
        if (check.found() != ballots.equals("camps")) {
            throw new IllegalStateException(String.format(
                    Locale.ROOT,
                    "%s ballots gave %s; the benchmark would measure the wrong path",
                    ballots,
                    check.status()));
        }
    }

    @Benchmark
    public OpinionGroups groups() {
        return GroupAnalyzer.analyze(eligible, settings, GroupAnalyzer.DEFAULT_GROUPS_FROM);
    }
}
