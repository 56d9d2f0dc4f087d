package dev.fieldpoll.tally;

import java.util.Objects;

/** Neighbours in a ranking whose order the bootstrap cannot tell apart (DESIGN: "statistical tie"). */
public final class TieDetection {

    /** A neighbour pair is a tie when P(upper above lower) lies strictly between these. */
    public static final double TIE_ABOVE = 0.2;

    public static final double TIE_BELOW = 0.8;

    private TieDetection() {}

    /**
     * @param fieldsInRankOrder field indexes, best first
     * @param probabilityAbove {@code [a][b]} = P(field a ranks above field b), see {@link RankIntervals}
     * @return per position, whether that field is tied with the next one; the last is always false
     */
    public static boolean[] tiedWithNext(int[] fieldsInRankOrder, double[][] probabilityAbove) {
        Objects.requireNonNull(fieldsInRankOrder, "fieldsInRankOrder");
        Objects.requireNonNull(probabilityAbove, "probabilityAbove");
        boolean[] tied = new boolean[fieldsInRankOrder.length];
        for (int position = 0; position + 1 < fieldsInRankOrder.length; position++) {
            int upper = Objects.checkIndex(fieldsInRankOrder[position], probabilityAbove.length);
            int lower = Objects.checkIndex(fieldsInRankOrder[position + 1], probabilityAbove[upper].length);
            double probability = probabilityAbove[upper][lower];
            tied[position] = probability > TIE_ABOVE && probability < TIE_BELOW;
        }
        return tied;
    }
}
