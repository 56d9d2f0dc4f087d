package dev.fieldpoll.report;

import dev.fieldpoll.poll.CellCounts;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.report.PollReport.PollInfo;
import dev.fieldpoll.tally.VoteMatrix;
import java.util.List;

/**
 * What a report is computed from, wherever it came from (the database, a CSV file, a simulation):
 * per-cell counts for the raw cell table, whole ballots for everything else. No seed: the report
 * derives it from the eligible votes, so the same votes give the same report everywhere.
 *
 * @param minVoters k: a cell counts only with this many scores
 * @param labelFrom a cell is labelled (split, consensus) only from this many scores
 */
public record ReportInput(
        PollInfo poll,
        PollDefinition definition,
        List<CellCounts> counts,
        VoteMatrix ballots,
        int minVoters,
        int labelFrom) {

    public ReportInput {
        counts = List.copyOf(counts);
        if (minVoters < 1 || labelFrom < 1) {
            throw new IllegalArgumentException("minVoters and labelFrom must be at least 1");
        }
    }
}
