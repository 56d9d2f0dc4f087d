package dev.fieldpoll.cli;

import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.summary.ChannelSummary;
import dev.fieldpoll.summary.PollSummary;
import dev.fieldpoll.summary.SummaryMarkdownRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
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
        try (Wiring wiring = new Wiring(options.load(), Clock.systemUTC())) {
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
                    List.of(summary));
            Files.createDirectories(out);
            Path markdown = Files.writeString(
                    out.resolve("poll-" + pollId + "-" + today + ".md"), new SummaryMarkdownRenderer().render(single));
            spec.commandLine().getOut().println("Wrote " + markdown);
            for (PollSummary.Chart chart : summary.charts()) {
                Path written = Files.write(out.resolve(chart.fileName()), chart.png());
                spec.commandLine().getOut().println("Wrote " + written);
            }
        }
        return 0;
    }
}
