package dev.fieldpoll.tally;

/** A cell's answers at a glance, by the rules of DESIGN.md "Statistics". */
public enum CellLabel {
    TOO_FEW("too-few"),
    POLARIZED("polarized"),
    CONTESTED("contested"),
    CONSENSUS("consensus"),
    MIXED("mixed");

    /** Below this many scored answers a cell is too thin to describe. */
    public static final int MIN_VOTERS_FOR_LABEL = 5;
    /** Consensus below this is contested (or polarized when both ends are crowded). */
    public static final double CONTESTED_BELOW = 0.6;
    /** Consensus from this up is a consensus. */
    public static final double CONSENSUS_FROM = 0.8;
    /** Share each end must reach for a contested cell to count as polarized. */
    public static final double POLARIZED_END_SHARE = 0.25;

    private final String keyword;

    CellLabel(String keyword) {
        this.keyword = keyword;
    }

    /** The lower-case word reports show, e.g. {@code "too-few"}. */
    public String keyword() {
        return keyword;
    }

    /**
     * Labels a cell. The consensus may be NaN only when the cell is too thin anyway.
     *
     * @param n scored answers (don't know excluded)
     * @param lowShare share of scored answers below the scale's midpoint
     * @param highShare share of scored answers above the scale's midpoint
     */
    public static CellLabel classify(int n, double consensus, double lowShare, double highShare) {
        if (n < 0) {
            throw new IllegalArgumentException("negative number of answers: " + n);
        }
        requireShare(lowShare);
        requireShare(highShare);
        if (n < MIN_VOTERS_FOR_LABEL) {
            return TOO_FEW;
        }
        if (Double.isNaN(consensus)) {
            throw new IllegalArgumentException("consensus is undefined for a cell with " + n + " answers");
        }
        if (consensus < CONTESTED_BELOW) {
            boolean bothEndsCrowded = lowShare >= POLARIZED_END_SHARE && highShare >= POLARIZED_END_SHARE;
            return bothEndsCrowded ? POLARIZED : CONTESTED;
        }
        return consensus >= CONSENSUS_FROM ? CONSENSUS : MIXED;
    }

    private static void requireShare(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("a share must be within 0..1, was " + share);
        }
    }
}
