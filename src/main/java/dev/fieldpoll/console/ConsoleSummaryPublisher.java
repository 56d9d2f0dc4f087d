package dev.fieldpoll.console;

import dev.fieldpoll.summary.ChannelSummary;
import dev.fieldpoll.summary.PollSummary;
import dev.fieldpoll.summary.SummaryMarkdownRenderer;
import dev.fieldpoll.summary.SummaryPublisher;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Prints a summary in the console chat and writes each chart to a file whose path it prints. */
public final class ConsoleSummaryPublisher implements SummaryPublisher {

    private final PrintStream out;
    private final Path chartFolder;
    private final SummaryMarkdownRenderer renderer = new SummaryMarkdownRenderer();

    public ConsoleSummaryPublisher(PrintStream out, Path chartFolder) {
        this.out = out;
        this.chartFolder = chartFolder;
    }

    @Override
    public void publish(ChannelSummary summary) {
        StringBuilder text = new StringBuilder(renderer.render(summary));
        for (PollSummary poll : summary.polls()) {
            if (!poll.chart().isEmpty()) {
                text.append("\nChart: ").append(write(poll.chart()).toAbsolutePath()).append('\n');
            }
        }
        synchronized (out) {
            out.println();
            out.println(text.toString().stripTrailing());
        }
    }

    private Path write(PollSummary.Chart chart) {
        try {
            Files.createDirectories(chartFolder);
            return Files.write(chartFolder.resolve(chart.fileName()), chart.png());
        } catch (IOException failure) {
            throw new UncheckedIOException("could not write the chart " + chart.fileName(), failure);
        }
    }
}
