package dev.fieldpoll.report;

import java.util.List;

/**
 * Everything a results post shows, computed once and rendered many ways (text, Markdown, JSON,
 * Discord, Slack). Numbers come only from eligible cells (at least {@code minVoters} scores); a
 * cell below that shows nothing but "fewer than k answers", so no vote can be read off.
 *
 * <p>One score per field everywhere: the ranking, tiers, reference table, τ_b, chart and summary
 * all use {@link RankingEntry#score()} and its factor estimates. Raw means stay in {@link #cells()}.
 */
public record PollReport(
        PollInfo poll,
        List<FactorInfo> factors,
        List<CellReport> cells,
        List<RankingEntry> ranking,
        List<UnrankedField> notRanked,
        List<Highlight> highlights,
        ReferenceComparison reference,
        Agreement agreement,
        Method method,
        int minVoters,
        int labelFrom) {

    /** A ranked field's score moved by the voter adjustment by more than this is named in the report. */
    public static final double SEVERITY_NOTE_FROM = 0.1;
    /** A field's don't-know share from this up is shown beside it. */
    public static final double NOTABLE_DONT_KNOW_FROM = 0.2;

    public PollReport {
        factors = List.copyOf(factors);
        cells = List.copyOf(cells);
        ranking = List.copyOf(ranking);
        notRanked = List.copyOf(notRanked);
        highlights = List.copyOf(highlights);
    }

    /** Ranked fields whose score the voter adjustment moved by more than {@link #SEVERITY_NOTE_FROM}. */
    public List<RankingEntry> adjustedFields() {
        return ranking.stream()
                .filter(entry -> Math.abs(entry.severityShift()) > SEVERITY_NOTE_FROM)
                .toList();
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

    /** A value with its 90% interval; null parts when undefined. */
    public record Measure(Double value, Double low, Double high) {}

    /**
     * One field × factor. Only an eligible cell shows anything: for the others every number is
     * null and the label is {@code too-few}, whatever their votes.
     */
    public record CellReport(
            String field,
            String fieldName,
            String factor,
            boolean eligible,
            Integer n,
            Integer dontKnow,
            int[] histogram,
            Double mean,
            Double sd,
            Double median,
            Measure consensus,
            Measure agreementA,
            Double lowShare,
            Double highShare,
            String label) {

        public boolean disclosed() {
            return eligible;
        }
    }

    /** A ranked field's estimate on one factor (the voter-adjusted, shrunk cell value). */
    public record FactorEstimate(String factor, double estimate, double low, double high) {}

    /**
     * A ranked field. {@code severityShift} is how far the voter adjustment moved its score;
     * {@code dontKnowShare} the share of "don't know" among its answers.
     */
    public record RankingEntry(
            int rank,
            String field,
            String name,
            double score,
            double scoreLow,
            double scoreHigh,
            int tier,
            int rankLow,
            int rankHigh,
            boolean tieWithNext,
            double severityShift,
            Double dontKnowShare,
            List<FactorEstimate> estimates) {

        public RankingEntry {
            estimates = List.copyOf(estimates);
        }

        public boolean notableDontKnow() {
            return dontKnowShare != null && dontKnowShare >= NOTABLE_DONT_KNOW_FROM;
        }
    }

    /** A field not ranked yet: {@code factorsCounted} of {@code factors} of its cells have enough scores. */
    public record UnrankedField(String field, String name, int factorsCounted, int factors, Double dontKnowShare) {}

    /** A cell where the community splits, on evidence: contested or polarized. */
    public record Highlight(
            String field,
            String fieldName,
            String factor,
            String factorName,
            String label,
            int n,
            double lowShare,
            double highShare,
            Measure consensus,
            Measure agreementA) {}

    public record ReferenceComparison(Double kendallTauB, Double tauLow, Double tauHigh, List<ReferenceField> fields) {
        public ReferenceComparison {
            fields = List.copyOf(fields);
        }
    }

    /**
     * A ranked field against the reference: {@code difference = community − reference} always;
     * {@code real} when the difference holds up after controlling for the number of fields.
     */
    public record ReferenceField(
            String field,
            String name,
            double community,
            double reference,
            double difference,
            Double ciLow,
            Double ciHigh,
            boolean real) {}

    /**
     * {@code reliability}: the correlation expected between these field scores and another group's
     * like these; {@code krippendorffAlphaOrdinal}: Krippendorff's α over eligible cells.
     */
    public record Agreement(Double krippendorffAlphaOrdinal, Measure reliability) {}

    /**
     * How the numbers were estimated: m (shrinkage toward the factor mean, in answers), λ (voter
     * offsets' shrinkage toward 0, in answers; null when there was nothing to adjust), the bootstrap's
     * resamples and seed (derived from the votes), and the ballots it resampled.
     */
    public record Method(Double shrinkage, Double offsetShrinkage, int resamples, String seed, int ballots) {}
}
