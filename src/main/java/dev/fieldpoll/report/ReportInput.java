package dev.fieldpoll.report;

import dev.fieldpoll.poll.CellCounts;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.report.PollReport.PollInfo;
import dev.fieldpoll.tally.GroupAnalyzer;
import dev.fieldpoll.tally.VoteMatrix;
import java.util.List;

/**
 * What a report is computed from, wherever it came from (the database, a CSV file, a simulation):
 * per-cell counts for the raw cell table, whole ballots for everything else. No seed: the report
 * derives it from the eligible votes, so the same votes give the same report everywhere.
 *
 * @param minVoters k: a cell counts only with this many scores
 * @param labelFrom a cell is labelled (split, consensus) only from this many scores
 * @param groupsFrom opinion groups are looked for only from this many ballots (with half the cells answered)
 */
public record ReportInput(
        PollInfo poll,
        PollDefinition definition,
        List<CellCounts> counts,
        VoteMatrix ballots,
        int minVoters,
        int labelFrom,
        int groupsFrom) {

    public ReportInput {
        counts = List.copyOf(counts);
        if (minVoters < 1 || labelFrom < 1 || groupsFrom < 1) {
            throw new IllegalArgumentException("minVoters, labelFrom and groupsFrom must be at least 1");
        }
    }

    /** Groups from the default number of ballots ({@value GroupAnalyzer#DEFAULT_GROUPS_FROM}). */
    public ReportInput(
            PollInfo poll,
            PollDefinition definition,
            List<CellCounts> counts,
            VoteMatrix ballots,
            int minVoters,
            int labelFrom) {
        this(poll, definition, counts, ballots, minVoters, labelFrom, GroupAnalyzer.DEFAULT_GROUPS_FROM);
    }
}
