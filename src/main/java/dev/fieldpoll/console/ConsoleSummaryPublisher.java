package dev.fieldpoll.console;

import dev.fieldpoll.summary.ChannelSummary;
import dev.fieldpoll.summary.ClosingReminder;
import dev.fieldpoll.summary.PollSummary;
import dev.fieldpoll.summary.ReminderPublisher;
import dev.fieldpoll.summary.SummaryMarkdownRenderer;
import dev.fieldpoll.summary.SummaryParts;
import dev.fieldpoll.summary.SummaryPublisher;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Prints a summary in the console chat and writes each chart (and group map) to a file whose path it prints. */
public final class ConsoleSummaryPublisher implements SummaryPublisher, ReminderPublisher {

    private final PrintStream out;
    private final Path chartFolder;
    private final SummaryMarkdownRenderer renderer = new SummaryMarkdownRenderer();

    public ConsoleSummaryPublisher(PrintStream out, Path chartFolder) {
        this.out = out;
        this.chartFolder = chartFolder;
    }

    @Override
    public void publish(ChannelSummary summary, SummaryParts parts) {
        parts.once("summary", () -> print(summary));
    }

    private void print(ChannelSummary summary) {
        StringBuilder text = new StringBuilder(renderer.render(summary));
        for (PollSummary poll : summary.polls()) {
            for (PollSummary.Chart chart : poll.charts()) {
                text.append(chart == poll.groupChart() ? "\nOpinion groups map: " : "\nChart: ")
                        .append(write(chart).toAbsolutePath())
                        .append('\n');
            }
        }
        synchronized (out) {
            out.println();
            out.println(text.toString().stripTrailing());
        }
    }

    @Override
    public void remind(ClosingReminder reminder) {
        synchronized (out) {
            out.println();
            out.println("Closing soon: poll #" + reminder.poll().id() + " \""
                    + reminder.poll().title() + "\" closes at "
                    + reminder.poll().closesAt() + "; " + reminder.voters()
                    + (reminder.voters() == 1 ? " member has" : " members have")
                    + " voted. Add yours with /poll vote.");
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
