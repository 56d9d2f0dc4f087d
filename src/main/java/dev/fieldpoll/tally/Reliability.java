package dev.fieldpoll.tally;

import org.apache.commons.statistics.distribution.FDistribution;

/**
 * How reproducible the ranking is (DESIGN: "Agreement"): the expected correlation between these
 * field scores and those another group of members like these, as many, would give. It is what a
 * split-half correlation stepped up by Spearman–Brown estimates, computed without random splits
 * from the variance the ballot bootstrap already measured:
 *
 * <p>ρ = 1 − c · v̄ / S², with S² the variance of the ranked fields' scores and v̄ the mean
 * bootstrap variance of a score (the reliability of means, ICC(1,k)). S² rests on only F − 1
 * degrees of freedom and 1/S² is biased up (E[1/χ²_d] = 1/(d − 2)), so the plain estimate runs
 * low with few fields; c = (F − 3)/(F − 1) removes that (from 4 fields; 1 below), and the value
 * is kept inside its interval. A seeded simulation checks it against the correlation actually
 * seen between two independent polls (the median of the pivot, 1 − F_{.50}/F, stayed twice as
 * far off there).
 * Its 90% interval is the usual one for ICC(1,k) (McGraw &amp; Wong 1996): with F = S² / v̄ on
 * (fields − 1, voters − 1) degrees of freedom, 1 − F_{.95}/F to 1 − F_{.05}/F. Values are kept
 * within [0, 1]. NaN parts when fewer than 3 fields are ranked or the scores do not differ.
 */
public record Reliability(double value, double low, double high) {

    public Reliability {
        if (low > value || value > high) {
            throw new IllegalArgumentException("reliability " + value + " outside its interval " + low + ".." + high);
        }
    }

    static final double CONFIDENCE = 0.90;

    static Reliability undefined() {
        return new Reliability(Double.NaN, Double.NaN, Double.NaN);
    }

    static Reliability of(double[] scores, double[] samplingVariances, int voters) {
        int fields = scores.length;
        if (fields < 3 || voters < 2) {
            return undefined();
        }
        double between = Percentiles.variance(scores);
        double noise = java.util.Arrays.stream(samplingVariances).average().orElse(Double.NaN);
        if (!(between > 0) || Double.isNaN(noise)) {
            return undefined();
        }
        if (noise == 0) {
            return new Reliability(1, 1, 1);
        }
        double ratio = between / noise;
        FDistribution f = FDistribution.of(fields - 1.0, voters - 1.0);
        double tail = (1 - CONFIDENCE) / 2;
        double unbiased = fields >= 4 ? (fields - 3.0) / (fields - 1.0) : 1;
        double low = clamp(1 - f.inverseCumulativeProbability(1 - tail) / ratio);
        double high = clamp(1 - f.inverseCumulativeProbability(tail) / ratio);
        return new Reliability(Math.max(low, Math.min(high, clamp(1 - unbiased / ratio))), low, high);
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
