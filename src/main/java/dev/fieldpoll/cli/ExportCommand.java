package dev.fieldpoll.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
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

    /** One answer; the key order of the JSON is fixed, so exports of the same votes are byte for byte equal. */
    @JsonPropertyOrder({"voter", "field", "factor", "score"})
    record Row(String voter, String field, String factor, Integer score) {}

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
                writeJson(poll, votes, out);
            }
        }
        return 0;
    }

    private static void writeJson(Poll poll, List<PseudonymousVote> votes, PrintWriter out) throws java.io.IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("id", poll.id());
        about.put("title", poll.title());
        document.put("poll", about);
        document.put(
                "votes",
                votes.stream()
                        .map(vote -> new Row(vote.voter(), vote.field(), vote.factor(), vote.score()))
                        .toList());
        out.println(
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document));
    }
}
