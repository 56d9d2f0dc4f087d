package dev.fieldpoll.report;

import java.util.List;

/**
 * Everything a results post shows, computed once and rendered many ways (text, Markdown, JSON,
 * Discord, Slack). Numbers a member may not see (cells under the minimum of voters) are absent.
 */
public record PollReport(
        PollInfo poll,
        List<FactorInfo> factors,
        List<CellReport> cells,
        List<RankingEntry> ranking,
        List<Highlight> highlights,
        ReferenceComparison reference,
        Agreement agreement,
        int minVoters) {

    public PollReport {
        factors = List.copyOf(factors);
        cells = List.copyOf(cells);
        ranking = List.copyOf(ranking);
        highlights = List.copyOf(highlights);
    }

    /**
     * {@code completeBallots}: voters who answered every cell (a "don't know" is an answer);
     * {@code higher}: what a higher score means, in the poll's template's words ("automated sooner").
     */
    public record PollInfo(
            long id,
            String title,
            String status,
            int voters,
            int completeBallots,
            int scaleMin,
            int scaleMax,
            String higher) {

        public PollInfo {
            higher = higher == null ? "more" : higher;
        }

        /** A poll whose higher scores mean "more". */
        public PollInfo(
                long id, String title, String status, int voters, int completeBallots, int scaleMin, int scaleMax) {
            this(id, title, status, voters, completeBallots, scaleMin, scaleMax, "more");
        }
    }

    public record FactorInfo(String key, String name, double weight) {}

    /**
     * One field × factor. {@code histogram} and the statistics are null when fewer than
     * the minimum of voters answered, so no individual vote can be read off.
     */
    public record CellReport(
            String field,
            String fieldName,
            String factor,
            int n,
            int dontKnow,
            int[] histogram,
            Double mean,
            Double sd,
            Double median,
            Double consensus,
            Double lowShare,
            Double highShare,
            String label) {

        public boolean disclosed() {
            return histogram != null;
        }
    }

    public record RankingEntry(
            int rank,
            String field,
            String name,
            double score,
            int tier,
            int rankLow,
            int rankHigh,
            boolean tieWithNext) {}

    public record Highlight(
            String field,
            String fieldName,
            String factor,
            String factorName,
            String label,
            double consensus,
            int n,
            double lowShare,
            double highShare) {}

    public record ReferenceComparison(Double kendallTauB, List<ReferenceField> fields) {
        public ReferenceComparison {
            fields = List.copyOf(fields);
        }
    }

    public record ReferenceField(
            String field,
            String name,
            Double community,
            double reference,
            Double difference,
            Double ciLow,
            Double ciHigh) {}

    public record Agreement(Double krippendorffAlphaOrdinal, String reading) {}
}
