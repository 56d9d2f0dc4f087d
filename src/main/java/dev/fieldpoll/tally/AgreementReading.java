package dev.fieldpoll.tally;

/** Plain-words reading of Krippendorff's α for reports (DESIGN: "poll agreement"). */
public enum AgreementReading {
    STRONG("strong shared view"),
    SOME("some shared view"),
    LITTLE("little shared view"),
    UNDEFINED("not enough data");

    /** Krippendorff's customary cut-offs: .8 for firm conclusions, .667 for tentative ones. */
    public static final double STRONG_FROM = 0.8;

    public static final double SOME_FROM = 0.667;

    private final String description;

    AgreementReading(String description) {
        this.description = description;
    }

    /** Reads an α; NaN (undefined α) reads as {@link #UNDEFINED}. */
    public static AgreementReading of(double alpha) {
        if (Double.isNaN(alpha)) {
            return UNDEFINED;
        }
        if (alpha >= STRONG_FROM) {
            return STRONG;
        }
        return alpha >= SOME_FROM ? SOME : LITTLE;
    }

    public String describe() {
        return description;
    }
}
