package dev.fieldpoll.cli;

import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PseudonymousVote;
import dev.fieldpoll.report.VotesCsvRenderer;
import dev.fieldpoll.report.VotesJsonRenderer;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Write a poll's votes with pseudonymous voters (CSV readable by analyze, or JSON).")
public final class ExportCommand implements Callable<Integer> {

    enum Format {
        CSV,
        JSON
    }

    @Mixin
    CommonOptions options;

    @Option(names = "--poll", required = true, paramLabel = "ID", description = "The poll's id.")
    long pollId;

    @Option(names = "--format", defaultValue = "csv", description = "csv or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Quiet.logging();
        try (Wiring wiring = new Wiring(options.loadExisting(), Clock.systemUTC())) {
            Poll poll = CommonOptions.poll(wiring, pollId);
            List<PseudonymousVote> votes = wiring.polls().pseudonymousVotes(poll);
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.CSV) {
                new VotesCsvRenderer().render(votes, out);
            } else {
                out.println(new VotesJsonRenderer().render(poll, votes));
            }
        }
        return 0;
    }
}
