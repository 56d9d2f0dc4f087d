package dev.fieldpoll.console;

import dev.fieldpoll.summary.ChannelSummary;
import dev.fieldpoll.summary.ClosingReminder;
import dev.fieldpoll.summary.PollSummary;
import dev.fieldpoll.summary.ReminderPublisher;
import dev.fieldpoll.summary.ResultsPost;
import dev.fieldpoll.summary.ResultsPublisher;
import dev.fieldpoll.summary.SummaryMarkdownRenderer;
import dev.fieldpoll.summary.SummaryParts;
import dev.fieldpoll.summary.SummaryPublisher;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Prints summaries, reminders and closed polls' results posts in the console chat, marked as the
 * bot's posts in the channel, and writes each chart (and group map) to a file whose path it
 * prints. Thread-safe: each post is printed whole while holding the output stream's lock.
 */
public final class ConsoleSummaryPublisher implements SummaryPublisher, ReminderPublisher, ResultsPublisher {

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
            charts(poll, text);
        }
        synchronized (out) {
            out.println();
            out.println(text.toString().stripTrailing());
        }
    }

    /** The results post, under a line that marks it as fieldpoll's own post in the channel. */
    @Override
    public Optional<String> publish(ResultsPost post, SummaryParts parts) {
        parts.once("message", () -> {
            StringBuilder text = new StringBuilder(channelPost(post.poll().channelId()))
                    .append('\n')
                    .append(renderer.render(post));
            if (post.hasResults()) {
                charts(post.results(), text);
            }
            synchronized (out) {
                out.println();
                out.println(text.toString().stripTrailing());
            }
        });
        return Optional.empty();
    }

    /** The line over every post the bot makes in the channel on its own. */
    static String channelPost(String channel) {
        return "📣 fieldpoll posted in #" + channel + ":";
    }

    private void charts(PollSummary poll, StringBuilder text) {
        for (PollSummary.Chart chart : poll.charts()) {
            text.append(chart == poll.groupChart() ? "\nOpinion groups map: " : "\nChart: ")
                    .append(write(chart).toAbsolutePath())
                    .append('\n');
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
                    + " voted" + reminder.completeClause() + ". Add yours with /poll vote.");
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
