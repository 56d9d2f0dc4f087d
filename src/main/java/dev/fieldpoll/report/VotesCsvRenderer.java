package dev.fieldpoll.report;

import dev.fieldpoll.poll.PseudonymousVote;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A poll's votes as CSV with the header {@code voter,field,factor,score} ({@code ?} = don't know):
 * what {@code fieldpoll export} writes and {@code fieldpoll analyze} reads.
 */
public final class VotesCsvRenderer {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setHeader("voter", "field", "factor", "score")
            .get();

    /** Writes to {@code out}, which stays open: it may be a command's own output stream. */
    public void render(List<PseudonymousVote> votes, Appendable out) {
        try {
            CSVPrinter csv = new CSVPrinter(out, FORMAT);
            for (PseudonymousVote vote : votes) {
                csv.printRecord(vote.voter(), vote.field(), vote.factor(), vote.score() == null ? "?" : vote.score());
            }
            csv.flush();
        } catch (IOException unwritable) {
            throw new UncheckedIOException("could not write the votes as CSV", unwritable);
        }
    }
}
