package dev.fieldpoll.summary;

import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.report.RoundReport;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One poll in a weekly summary: its report, what moved since the last summary, and the charts.
 * {@code chart} is a PNG, or empty when the poll has too few voters to show anything;
 * {@code groupChart} the opinion-group map, empty unless distinct groups were found.
 * {@code cellStates} is each cell's split state after hysteresis, what next week compares with.
 * {@code edits}: the poll's edits since the last summary, as members read them ("Field X added on 3 Dec").
 * {@code rounds}: for a later round of a poll with results, what changed since the round before (the
 * same report {@code /poll results} shows); empty otherwise.
 */
public record PollSummary(
        PollReport report,
        List<FieldMove> ranking,
        List<FieldMove> biggestMovers,
        List<CellTurn> newlySplit,
        Participation participation,
        Chart chart,
        Chart groupChart,
        Map<CellKey, String> cellStates,
        List<String> edits,
        Optional<RoundReport> rounds) {

    public PollSummary {
        Objects.requireNonNull(rounds, "rounds");
        edits = List.copyOf(edits);
        ranking = List.copyOf(ranking);
        biggestMovers = List.copyOf(biggestMovers);
        newlySplit = List.copyOf(newlySplit);
        cellStates = Map.copyOf(cellStates);
    }

    public boolean hasResults() {
        return !report.ranking().isEmpty();
    }

    /** A field's place now and at the last summary (null when it was not ranked then). */
    public record FieldMove(int rank, String field, String name, Integer previousRank, int rankLow, int rankHigh) {

        /** "↑2", "↓1", "=" or "new". */
        public String movement() {
            if (previousRank == null) {
                return "new";
            }
            int change = previousRank - rank;
            return change == 0 ? "=" : change > 0 ? "↑" + change : "↓" + (-change);
        }

        public int distance() {
            return previousRank == null ? 0 : Math.abs(previousRank - rank);
        }
    }

    /** A cell that became contested or polarized since the last summary. */
    public record CellTurn(
            String field, String fieldName, String factor, String factorName, String label, String previousLabel) {}

    public record Participation(int voters, int newVoters, int completeBallots) {

        public double completeShare() {
            return voters == 0 ? 0 : (double) completeBallots / voters;
        }
    }

    /** The charts there are to post: the poll's chart, then the group map when there is one. */
    public java.util.List<Chart> charts() {
        return java.util.stream.Stream.of(chart, groupChart)
                .filter(drawn -> drawn != null && !drawn.isEmpty())
                .toList();
    }

    /** A rendered chart: a file name and PNG bytes. */
    public record Chart(String fileName, byte[] png) {

        public boolean isEmpty() {
            return png.length == 0;
        }
    }
}
