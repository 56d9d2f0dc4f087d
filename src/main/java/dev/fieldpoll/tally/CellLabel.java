package dev.fieldpoll.tally;

/** A cell's answers at a glance, by the rules of DESIGN.md "Statistics" (decided by {@link SplitLabels}). */
public enum CellLabel {
    TOO_FEW("too-few"),
    POLARIZED("polarized"),
    CONTESTED("contested"),
    CONSENSUS("consensus"),
    MIXED("mixed");

    /** Cells are labelled from this many scores unless configured otherwise. */
    public static final int DEFAULT_LABEL_FROM = 10;
    /** Consensus (Tastle &amp; Wierman) clearly below this is contested. */
    public static final double CONTESTED_BELOW = 0.6;
    /** Consensus clearly from this up is broad agreement. */
    public static final double CONSENSUS_FROM = 0.8;
    /** Van der Eijk's A clearly below this means two camps: polarized. */
    public static final double POLARIZED_BELOW = 0;

    private final String keyword;

    CellLabel(String keyword) {
        this.keyword = keyword;
    }

    /** The lower-case word reports show, e.g. {@code "too-few"}. */
    public String keyword() {
        return keyword;
    }

    /** Contested or polarized: the cells "Where we split" lists. */
    public boolean isSplit() {
        return this == CONTESTED || this == POLARIZED;
    }
}
