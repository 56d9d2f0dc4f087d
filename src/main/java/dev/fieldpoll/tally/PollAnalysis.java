package dev.fieldpoll.tally;

/**
 * Every number a report shows, computed once from the eligible ballots (see {@link PollAnalyzer}).
 * Cells are indexed {@code field * factors + factor}; per-cell values of cells that are not
 * eligible, and per-field values of fields that are not ranked, are NaN (or 0 for ranks, null
 * for objects). Immutable; arrays are copied out.
 */
public final class PollAnalysis {

    /** Per ranked field with a reference score: community score minus reference, with its 90% interval. */
    public record ReferenceDifference(double reference, double difference, double low, double high, boolean real) {}

    /** Community against reference over the ranked fields: Kendall's τ_b with its 90% interval. */
    public record ReferenceResult(ReferenceDifference[] perField, double tauB, double tauLow, double tauHigh) {

        public ReferenceDifference of(int field) {
            return perField[field];
        }
    }

    /** The model's settings as estimated: transparency for the JSON and the README's formulas. */
    public record Method(double prior, double offsetShrinkage, int resamples, long seed, int ballots) {}

    private final EligibleBallots ballots;
    private final double[] estimate;
    private final double[] estimateLow;
    private final double[] estimateHigh;
    private final CellAgreement[] agreements;
    private final CellLabel[] labels;
    private final int[] order;
    private final double[] score;
    private final double[] scoreLow;
    private final double[] scoreHigh;
    private final double[] unadjusted;
    private final int[] rankLow;
    private final int[] rankHigh;
    private final int[] tier;
    private final boolean[] tiedWithNext;
    private final ReferenceResult reference;
    private final Reliability reliability;
    private final double krippendorffAlpha;
    private final Method method;

    PollAnalysis(Builder built) {
        this.ballots = built.ballots;
        this.estimate = built.estimate;
        this.estimateLow = built.estimateLow;
        this.estimateHigh = built.estimateHigh;
        this.agreements = built.agreements;
        this.labels = built.labels;
        this.order = built.order;
        this.score = built.score;
        this.scoreLow = built.scoreLow;
        this.scoreHigh = built.scoreHigh;
        this.unadjusted = built.unadjusted;
        this.rankLow = built.rankLow;
        this.rankHigh = built.rankHigh;
        this.tier = built.tier;
        this.tiedWithNext = built.tiedWithNext;
        this.reference = built.reference;
        this.reliability = built.reliability;
        this.krippendorffAlpha = built.krippendorffAlpha;
        this.method = built.method;
    }

    /** The eligible ballots in canonical order, for analyses built on the same data (opinion groups). */
    public EligibleBallots ballots() {
        return ballots;
    }

    public boolean isEligible(int cell) {
        return ballots.isEligible(cell);
    }

    /** The cell's estimate (voter-adjusted, shrunk) in scale units; NaN when not eligible. */
    public double estimate(int cell) {
        return estimate[cell];
    }

    public double estimateLow(int cell) {
        return estimateLow[cell];
    }

    public double estimateHigh(int cell) {
        return estimateHigh[cell];
    }

    /** Consensus and van der Eijk's A with standard errors; null when not eligible. */
    public CellAgreement agreement(int cell) {
        return agreements[cell];
    }

    public CellLabel label(int cell) {
        return labels[cell];
    }

    /** Ranked fields, best first. */
    public int[] order() {
        return order.clone();
    }

    public boolean isRanked(int field) {
        return rankLow[field] > 0;
    }

    /** The field's score: the weighted mean of its factor estimates, in scale units. */
    public double score(int field) {
        return score[field];
    }

    public double scoreLow(int field) {
        return scoreLow[field];
    }

    public double scoreHigh(int field) {
        return scoreHigh[field];
    }

    /** How far the voter adjustment moved the field's score (score minus the score without offsets). */
    public double severityShift(int field) {
        return score[field] - unadjusted[field];
    }

    public int rankLow(int field) {
        return rankLow[field];
    }

    public int rankHigh(int field) {
        return rankHigh[field];
    }

    public int tier(int field) {
        return tier[field];
    }

    /** Whether the field at this position of {@link #order()} is tied with the next one. */
    public boolean tiedWithNext(int position) {
        return tiedWithNext[position];
    }

    /** Null when the poll has no reference scores for any ranked field. */
    public ReferenceResult reference() {
        return reference;
    }

    public Reliability reliability() {
        return reliability;
    }

    /** Krippendorff's α (ordinal, units = eligible cells); NaN when undefined. */
    public double krippendorffAlpha() {
        return krippendorffAlpha;
    }

    public Method method() {
        return method;
    }

    /** Mutable scratch the analyzer fills before freezing it into a {@link PollAnalysis}. */
    static final class Builder {
        EligibleBallots ballots;
        double[] estimate;
        double[] estimateLow;
        double[] estimateHigh;
        CellAgreement[] agreements;
        CellLabel[] labels;
        int[] order = new int[0];
        double[] score;
        double[] scoreLow;
        double[] scoreHigh;
        double[] unadjusted;
        int[] rankLow;
        int[] rankHigh;
        int[] tier;
        boolean[] tiedWithNext = new boolean[0];
        ReferenceResult reference;
        Reliability reliability = Reliability.undefined();
        double krippendorffAlpha = Double.NaN;
        Method method;

        Builder(EligibleBallots ballots) {
            this.ballots = ballots;
            int cells = ballots.fields() * ballots.factors();
            int fields = ballots.fields();
            estimate = nans(cells);
            estimateLow = nans(cells);
            estimateHigh = nans(cells);
            agreements = new CellAgreement[cells];
            labels = new CellLabel[cells];
            java.util.Arrays.fill(labels, CellLabel.TOO_FEW);
            score = nans(fields);
            scoreLow = nans(fields);
            scoreHigh = nans(fields);
            unadjusted = nans(fields);
            rankLow = new int[fields];
            rankHigh = new int[fields];
            tier = new int[fields];
        }

        private static double[] nans(int length) {
            double[] values = new double[length];
            java.util.Arrays.fill(values, Double.NaN);
            return values;
        }
    }
}
