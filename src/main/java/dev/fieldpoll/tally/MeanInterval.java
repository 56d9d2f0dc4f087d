package dev.fieldpoll.tally;

import org.apache.commons.statistics.distribution.TDistribution;

/** A two-sided t-interval for a mean: mean ± t(df = n − 1) · sd / √n. */
public record MeanInterval(double low, double high) {

    /** NaN ends when n < 2 or sd is not a number: there is no spread to speak of. */
    public static MeanInterval of(double mean, double sd, int n, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, was " + confidence);
        }
        if (n < 2 || Double.isNaN(sd) || Double.isNaN(mean)) {
            return new MeanInterval(Double.NaN, Double.NaN);
        }
        double t = TDistribution.of(n - 1.0).inverseCumulativeProbability(0.5 + confidence / 2);
        double half = t * sd / Math.sqrt(n);
        return new MeanInterval(mean - half, mean + half);
    }
}
