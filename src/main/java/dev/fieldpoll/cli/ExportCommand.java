package dev.fieldpoll.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PseudonymousVote;
import dev.fieldpoll.report.VotesCsvRenderer;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        try (Wiring wiring = new Wiring(options.load(), Clock.systemUTC())) {
            Poll poll = CommonOptions.poll(wiring, pollId);
            List<PseudonymousVote> votes = wiring.polls().pseudonymousVotes(poll);
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.CSV) {
                new VotesCsvRenderer().render(votes, out);
            } else {
                writeJson(poll, votes, out);
            }
        }
        return 0;
    }

    private static void writeJson(Poll poll, List<PseudonymousVote> votes, PrintWriter out) throws java.io.IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("poll", Map.of("id", poll.id(), "title", poll.title()));
        document.put("votes", votes);
        out.println(
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document));
    }
}
