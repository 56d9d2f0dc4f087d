package dev.fieldpoll.tally;

/** Tastle &amp; Wierman (2007) consensus of answers on an ordinal scale. */
public final class Consensus {

    private Consensus() {}

    /**
     * Cns = 1 + Σ pᵢ·log₂(1 − |Xᵢ − μ| / (K − 1)): 1 when everyone gives the same score,
     * 0 when half sit at each end. Positions are taken 0..K−1; the measure only depends on
     * distances, so this equals the 1..K form.
     *
     * @return the consensus in [0, 1], or NaN for an empty histogram
     */
    public static double tastleWierman(int[] histogram) {
        long total = Histograms.total(histogram);
        if (total == 0) {
            return Double.NaN;
        }
        double mean = Histograms.meanIndex(histogram, total);
        double widestDistance = histogram.length - 1;
        double sum = 0;
        for (int index = 0; index < histogram.length; index++) {
            // Empty points add 0·log 0 = 0. An occupied point is never a full scale width from the
            // mean (that would need everyone at the other end), so the logarithm stays finite.
            if (histogram[index] > 0) {
                double share = (double) histogram[index] / total;
                double distance = Math.abs(index - mean) / widestDistance;
                sum += share * log2(1 - distance);
            }
        }
        // Clamp only rounding noise: the measure is bounded by [0, 1].
        return Math.max(0, Math.min(1, 1 + sum));
    }

    private static double log2(double value) {
        return Math.log(value) / Math.log(2);
    }
}
