package dev.fieldpoll.tally;

import java.util.Arrays;
import java.util.Objects;

/**
 * How sure the ranking is, per field, from {@link RankBootstrap}.
 *
 * <p>Percentiles are nearest-rank: over B resamples, the 5th is the ⌈0.05·B⌉-th smallest of a
 * field's ranks and the 95th the ⌈0.95·B⌉-th, so both are ranks that actually occurred.
 *
 * @param low 5th percentile of the field's rank over the resamples (a rank number, 1 = top)
 * @param high 95th percentile of the field's rank; {@code low[f] <= high[f]}
 * @param probabilityAbove {@code [a][b]} = share of resamples in which field a ranked above
 *        field b (0 on the diagonal)
 */
public record RankIntervals(int[] low, int[] high, double[][] probabilityAbove) {

    public RankIntervals {
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(probabilityAbove, "probabilityAbove");
        int fields = low.length;
        if (high.length != fields || probabilityAbove.length != fields) {
            throw new IllegalArgumentException("low, high and probabilityAbove must cover the same fields");
        }
        for (int field = 0; field < fields; field++) {
            if (low[field] < 1 || low[field] > high[field] || high[field] > fields) {
                throw new IllegalArgumentException("invalid rank interval " + low[field] + ".." + high[field]);
            }
            if (probabilityAbove[field].length != fields) {
                throw new IllegalArgumentException("probabilityAbove must be square");
            }
            for (double probability : probabilityAbove[field]) {
                if (!(probability >= 0 && probability <= 1)) {
                    throw new IllegalArgumentException("not a probability: " + probability);
                }
            }
        }
        low = low.clone();
        high = high.clone();
        probabilityAbove = deepCopy(probabilityAbove);
    }

    /** Number of fields. */
    public int fields() {
        return low.length;
    }

    @Override
    public int[] low() {
        return low.clone();
    }

    @Override
    public int[] high() {
        return high.clone();
    }

    @Override
    public double[][] probabilityAbove() {
        return deepCopy(probabilityAbove);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RankIntervals that
                && Arrays.equals(low, that.low)
                && Arrays.equals(high, that.high)
                && Arrays.deepEquals(probabilityAbove, that.probabilityAbove);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(low), Arrays.hashCode(high), Arrays.deepHashCode(probabilityAbove));
    }

    @Override
    public String toString() {
        return "RankIntervals[low=" + Arrays.toString(low) + ", high=" + Arrays.toString(high) + ", probabilityAbove="
                + Arrays.deepToString(probabilityAbove) + "]";
    }

    private static double[][] deepCopy(double[][] matrix) {
        double[][] copy = new double[matrix.length][];
        for (int row = 0; row < matrix.length; row++) {
            copy[row] = matrix[row].clone();
        }
        return copy;
    }
}
