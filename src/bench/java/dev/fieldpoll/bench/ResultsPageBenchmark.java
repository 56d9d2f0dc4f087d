package dev.fieldpoll.bench;

import dev.fieldpoll.bot.PageReply;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.poll.ResultsVisibility;
import dev.fieldpoll.poll.Workspace;
import dev.fieldpoll.report.ReportBuilder;
import dev.fieldpoll.web.ResultsPageRenderer;
import java.time.Instant;
import java.time.ZoneOffset;
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
 * One results page (HTML with the inline SVG ranking intervals, map and 20 histograms) for the
 * AI-safety template, from a report already computed, as a page is served while the report is
 * cached. The page's size does not grow with voters; the report does the counting.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ResultsPageBenchmark {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @Param({"10000"})
    public int voters;

    private PageReply.Page page;
    private final ResultsPageRenderer renderer = ResultsPageRenderer.standard();

    @Setup
    public void computeReport() {
        PollDefinition definition = SyntheticPolls.aiSafety();
        Poll poll = new Poll(
                1,
                new Workspace(Platform.CONSOLE, "bench"),
                "bench",
                "benchmark",
                "ai-safety-automation",
                definition,
                ResultsVisibility.LIVE,
                "bench",
                NOW.minusSeconds(86_400),
                null,
                null);
        page = new PageReply.Page(
                poll, new ReportBuilder().build(SyntheticPolls.input(definition, voters, 42)), false, true);
    }

    @Benchmark
    public String resultsPage() {
        return renderer.renderShared(page, NOW, ZoneOffset.UTC);
    }
}
