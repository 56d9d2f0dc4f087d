package dev.fieldpoll.tally;

import java.util.Arrays;

/**
 * Benjamini &amp; Hochberg's (1995) step-up procedure: of m claims, reject those whose p-value is at
 * most the largest p_(i) with p_(i) ≤ i·q/m. The expected share of false claims among those made
 * stays at most q (for independent or positively dependent tests).
 */
public final class BenjaminiHochberg {

    private BenjaminiHochberg() {}

    /** Which p-values are rejected at false discovery rate q; NaN p-values are never rejected and not counted. */
    public static boolean[] reject(double[] pValues, double q) {
        if (!(q > 0 && q < 1)) {
            throw new IllegalArgumentException("q must lie strictly between 0 and 1, was " + q);
        }
        double[] sorted =
                Arrays.stream(pValues).filter(p -> !Double.isNaN(p)).sorted().toArray();
        int m = sorted.length;
        double threshold = -1;
        for (int rank = m; rank >= 1; rank--) {
            if (sorted[rank - 1] <= rank * q / m) {
                threshold = sorted[rank - 1];
                break;
            }
        }
        boolean[] rejected = new boolean[pValues.length];
        for (int index = 0; index < pValues.length; index++) {
            rejected[index] = pValues[index] <= threshold;
        }
        return rejected;
    }
}
