package dev.fieldpoll.tally;

import java.util.Arrays;
import java.util.Objects;

/**
 * Raw summary of one cell (field × factor) over its scored answers; "don't know" answers are
 * only counted in {@code dontKnow}. Mean, median and histogram positions are in scale
 * units; statistics that need answers are NaN when there are none.
 *
 * @param n scored answers
 * @param histogram counts per scale point, index 0 = the scale's lowest value
 * @param sd sample standard deviation (n − 1), NaN below 2 answers
 * @param median middle answer, the average of the two middle ones for even n
 * @param consensus Tastle &amp; Wierman consensus, see {@link Consensus}
 * @param agreementA van der Eijk's agreement A, see {@link VanDerEijk}
 * @param lowShare share of answers strictly below the scale's midpoint (1–5: 1 and 2)
 * @param highShare share of answers strictly above the scale's midpoint (1–5: 4 and 5)
 */
public record CellStatistics(
        int n,
        int dontKnow,
        int[] histogram,
        double mean,
        double sd,
        double median,
        double consensus,
        double agreementA,
        double lowShare,
        double highShare) {

    public CellStatistics {
        if (Histograms.total(histogram) != n) {
            throw new IllegalArgumentException(
                    "n = " + n + " does not match the histogram " + Arrays.toString(histogram));
        }
        if (dontKnow < 0) {
            throw new IllegalArgumentException("negative don't-know count: " + dontKnow);
        }
        histogram = histogram.clone();
    }

    /** Computes every statistic from a cell's histogram. */
    public static CellStatistics of(int[] histogram, int dontKnow, int scaleMin) {
        int n = Math.toIntExact(Histograms.total(histogram));
        if (n == 0) {
            return new CellStatistics(
                    0, dontKnow, histogram, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0);
        }
        double meanIndex = Histograms.meanIndex(histogram, n);
        double consensus = Consensus.tastleWierman(histogram);
        double lowShare = (double) countBelowMidpoint(histogram) / n;
        double highShare = (double) countAboveMidpoint(histogram) / n;
        return new CellStatistics(
                n,
                dontKnow,
                histogram,
                scaleMin + meanIndex,
                sampleStandardDeviation(histogram, n, meanIndex),
                scaleMin + medianIndex(histogram, n),
                consensus,
                VanDerEijk.agreement(histogram),
                lowShare,
                highShare);
    }

    private static double sampleStandardDeviation(int[] histogram, int n, double meanIndex) {
        if (n < 2) {
            return Double.NaN;
        }
        double squares = 0;
        for (int index = 0; index < histogram.length; index++) {
            double deviation = index - meanIndex;
            squares += histogram[index] * deviation * deviation;
        }
        return Math.sqrt(squares / (n - 1));
    }

    private static double medianIndex(int[] histogram, int n) {
        int lowerMiddle = indexOfAnswer(histogram, (n + 1) / 2);
        int upperMiddle = indexOfAnswer(histogram, n / 2 + 1);
        return n % 2 == 1 ? lowerMiddle : (lowerMiddle + upperMiddle) / 2.0;
    }

    /** Index holding the answer at 1-based position {@code position} in ascending order. */
    private static int indexOfAnswer(int[] histogram, int position) {
        long seen = 0;
        for (int index = 0; index < histogram.length; index++) {
            seen += histogram[index];
            if (seen >= position) {
                return index;
            }
        }
        throw new IllegalStateException("position " + position + " beyond the histogram");
    }

    // The midpoint index is (K − 1) / 2; comparing doubled indices keeps it integral.
    private static long countBelowMidpoint(int[] histogram) {
        long count = 0;
        for (int index = 0; 2 * index < histogram.length - 1; index++) {
            count += histogram[index];
        }
        return count;
    }

    private static long countAboveMidpoint(int[] histogram) {
        long count = 0;
        for (int index = histogram.length - 1; 2 * index > histogram.length - 1; index--) {
            count += histogram[index];
        }
        return count;
    }

    @Override
    public int[] histogram() {
        return histogram.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CellStatistics that
                && n == that.n
                && dontKnow == that.dontKnow
                && Arrays.equals(histogram, that.histogram)
                && Double.compare(mean, that.mean) == 0
                && Double.compare(sd, that.sd) == 0
                && Double.compare(median, that.median) == 0
                && Double.compare(consensus, that.consensus) == 0
                && Double.compare(agreementA, that.agreementA) == 0
                && Double.compare(lowShare, that.lowShare) == 0
                && Double.compare(highShare, that.highShare) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                n, dontKnow, Arrays.hashCode(histogram), mean, sd, median, consensus, agreementA, lowShare, highShare);
    }

    @Override
    public String toString() {
        return "CellStatistics[n=" + n + ", dontKnow=" + dontKnow + ", histogram=" + Arrays.toString(histogram)
                + ", mean=" + mean + ", sd=" + sd + ", median=" + median + ", consensus=" + consensus
                + ", agreementA=" + agreementA + ", lowShare=" + lowShare + ", highShare=" + highShare + "]";
    }
}
