package dev.fieldpoll.report;

import java.util.List;

/**
 * What changed since the previous round of a poll (a Delphi round), among the members who answered
 * both rounds; rendered beside the poll's own report. Numbers come only from cells at least
 * {@code minVoters} of those members scored in both rounds.
 *
 * @param round this poll's round (2, 3, …)
 * @param previousPollId the round before
 * @param changedMembers paired members who replaced at least one score by another
 * @param towardMembers of those, members whose changes mostly moved toward the previous round's median
 * @param awayMembers of those, members whose changes mostly moved away from it
 * @param fields per field scored in both rounds, in the order of the poll's fields
 * @param notCompared names of fields without enough answers in both rounds
 */
public record RoundReport(
        int round,
        long previousPollId,
        int pairedMembers,
        int changedMembers,
        int towardMembers,
        int awayMembers,
        List<FieldChange> fields,
        List<String> notCompared,
        Disagreement disagreement,
        int minVoters) {

    public RoundReport {
        fields = List.copyOf(fields);
        notCompared = List.copyOf(notCompared);
    }

    /** A field's score among paired members before and after, the change's 90% interval, and whether it is claimed. */
    public record FieldChange(String field, double before, double after, double low, double high, boolean real) {
        public double change() {
            return after - before;
        }
    }

    /**
     * Consensus (Tastle &amp; Wierman) per cell among paired members, round before vs this one:
     * {@code verdict} is narrowed, widened, about the same, or unknown (no cell to compare).
     */
    public record Disagreement(
            int cells,
            int narrowedCells,
            int widenedCells,
            double meanChange,
            double low,
            double high,
            String verdict) {}
}
