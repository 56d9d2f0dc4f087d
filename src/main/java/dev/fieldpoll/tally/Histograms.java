package dev.fieldpoll.tally;

import java.util.Objects;

/** Checks and moments of one scale histogram, shared by the per-cell statistics. */
final class Histograms {

    private Histograms() {}

    /** Number of answers counted; rejects histograms that cannot describe a scale. */
    static long total(int[] histogram) {
        Objects.requireNonNull(histogram, "histogram");
        if (histogram.length < 2) {
            throw new IllegalArgumentException("a scale has at least 2 points, histogram had " + histogram.length);
        }
        long total = 0;
        for (int count : histogram) {
            if (count < 0) {
                throw new IllegalArgumentException("negative count in histogram");
            }
            total += count;
        }
        return total;
    }

    /** Mean position, 0-based (index 0 = the scale's lowest point). */
    static double meanIndex(int[] histogram, long total) {
        double weighted = 0;
        for (int index = 0; index < histogram.length; index++) {
            weighted += (double) index * histogram[index];
        }
        return weighted / total;
    }
}
