package dev.fieldpoll.tally;

import java.util.Arrays;

/**
 * Nearest-rank percentiles of bootstrap values: the ⌈p/100 · B⌉-th smallest of B values (at
 * least the first), always a value that occurred, never an interpolation between two. Integer
 * arithmetic keeps ⌈5/100 · 1000⌉ exactly 50.
 */
final class Percentiles {

    static final int LOW_PERCENT = 5;
    static final int HIGH_PERCENT = 95;

    private Percentiles() {}

    /** The 5th and 95th percentile of the values that are not NaN; NaN, NaN when there are none. */
    static double[] interval(double[] values) {
        double[] sorted = Arrays.stream(values)
                .filter(value -> !Double.isNaN(value))
                .sorted()
                .toArray();
        if (sorted.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {
            sorted[position(sorted.length, LOW_PERCENT) - 1], sorted[position(sorted.length, HIGH_PERCENT) - 1]
        };
    }

    /** 1-based position of the p-th percentile among {@code count} sorted values. */
    static int position(int count, int percent) {
        return (int) Math.max(1, ((long) percent * count + 99) / 100);
    }

    /** 5th and 95th percentile of integer ranks 1..maxRank, by counting. */
    static int[] rankInterval(int[] ranks, int maxRank) {
        int[] times = new int[maxRank];
        for (int rank : ranks) {
            times[rank - 1]++;
        }
        return new int[] {
            rankAt(times, position(ranks.length, LOW_PERCENT)), rankAt(times, position(ranks.length, HIGH_PERCENT))
        };
    }

    private static int rankAt(int[] times, int position) {
        long seen = 0;
        for (int rank = 0; rank < times.length; rank++) {
            seen += times[rank];
            if (seen >= position) {
                return rank + 1;
            }
        }
        throw new IllegalStateException("fewer ranks than the position " + position);
    }

    /**
     * Two-sided bootstrap p-value of "the value is 0": twice the smaller share of resamples on
     * either side of 0 (counting 0 on both), with the usual +1 so it is never 0.
     */
    static double twoSidedP(double[] values) {
        long below = 0;
        long above = 0;
        long count = 0;
        for (double value : values) {
            if (Double.isNaN(value)) {
                continue;
            }
            count++;
            below += value <= 0 ? 1 : 0;
            above += value >= 0 ? 1 : 0;
        }
        if (count == 0) {
            return Double.NaN;
        }
        return Math.min(1, 2.0 * (Math.min(below, above) + 1) / (count + 1));
    }

    /** Sample variance of the values (n − 1). */
    static double variance(double[] values) {
        double mean = Arrays.stream(values).average().orElse(Double.NaN);
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return values.length < 2 ? Double.NaN : squares / (values.length - 1);
    }
}
