package dev.fieldpoll.report;

import dev.fieldpoll.poll.CellCounts;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.report.PollReport.PollInfo;
import dev.fieldpoll.tally.VoteMatrix;
import java.util.List;

/**
 * What a report is computed from, wherever it came from (the database, a CSV file, a simulation):
 * per-cell counts for everything histogram-based, whole ballots for the bootstrap.
 */
public record ReportInput(
        PollInfo poll,
        PollDefinition definition,
        List<CellCounts> counts,
        VoteMatrix ballots,
        int minVoters,
        long seed) {

    public ReportInput {
        counts = List.copyOf(counts);
        if (minVoters < 1) {
            throw new IllegalArgumentException("minVoters must be at least 1");
        }
    }
}
