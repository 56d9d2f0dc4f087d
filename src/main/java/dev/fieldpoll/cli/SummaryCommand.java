package dev.fieldpoll.cli;

import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.store.IoReasons;
import dev.fieldpoll.summary.ChannelSummary;
import dev.fieldpoll.summary.PollSummary;
import dev.fieldpoll.summary.SummaryMarkdownRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "summary",
        mixinStandardHelpOptions = true,
        description = "Write a poll's summary (Markdown) and chart (PNG) to files, for newsletters and archives.")
public final class SummaryCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Option(names = "--poll", required = true, paramLabel = "ID", description = "The poll's id.")
    long pollId;

    @Option(
            names = "--out",
            defaultValue = ".",
            paramLabel = "DIR",
            description = "Folder to write to (default: here).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Quiet.logging();
        try (Wiring wiring = new Wiring(options.loadExisting(), Clock.systemUTC())) {
            Poll poll = CommonOptions.poll(wiring, pollId);
            LocalDate today =
                    LocalDate.now(wiring.clock().withZone(wiring.config().zone()));
            PollSummary summary = wiring
                    .summaryJob()
                    .summarize(
                            poll.workspace(),
                            poll.channelId(),
                            today,
                            wiring.clock().instant().minusSeconds(7 * 86_400),
                            Optional.empty())
                    .polls()
                    .stream()
                    .filter(candidate -> candidate.report().poll().id() == pollId)
                    .findFirst()
                    .orElseThrow(() -> new UserInputException("Poll #" + pollId + " closed more than a week ago."));
            ChannelSummary single = new ChannelSummary(
                    poll.workspace(),
                    poll.channelId(),
                    today,
                    wiring.clock().instant(),
                    Optional.empty(),
                    List.of(summary),
                    false);
            Path markdown = out.resolve("poll-" + pollId + "-" + today + ".md");
            byte[] text = new SummaryMarkdownRenderer().render(single).getBytes(StandardCharsets.UTF_8);
            requireNew(markdown);
            for (PollSummary.Chart chart : summary.charts()) {
                requireNew(out.resolve(chart.fileName()));
            }
            Files.createDirectories(out);
            write(markdown, text);
            for (PollSummary.Chart chart : summary.charts()) {
                write(out.resolve(chart.fileName()), chart.png());
            }
        }
        return 0;
    }

    /** Checked before anything is written: a summary never replaces a file silently. */
    private static void requireNew(Path file) {
        if (Files.exists(file)) {
            throw new UserInputException(file + " exists already, and summary never overwrites a file. "
                    + "Move it away or choose another --out folder; nothing was written.");
        }
    }

    /** Whole or not at all: the bytes go to a hidden file that takes the name only once complete. */
    private void write(Path file, byte[] bytes) throws IOException {
        Path partial = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".partial");
        try {
            Files.write(partial, bytes);
            // no REPLACE_EXISTING: a file that appeared meanwhile is kept, and this fails
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException failed) {
            throw new UserInputException(
                    "Could not write " + file + " (" + IoReasons.of(failed) + "); nothing was left behind.");
        } finally {
            Files.deleteIfExists(partial);
        }
        spec.commandLine().getOut().println("Wrote " + file);
    }
}
