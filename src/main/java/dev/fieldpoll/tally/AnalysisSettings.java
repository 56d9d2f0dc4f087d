package dev.fieldpoll.tally;

import java.util.Objects;

/**
 * How a poll is analysed.
 *
 * @param scaleMin the scale's lowest score
 * @param scalePoints K, the number of points on the scale
 * @param weights one non-negative weight per factor (the field score's weights; not all zero)
 * @param minVoters k: a cell counts only with at least this many scores (DESIGN: "Eligibility")
 * @param labelFrom a cell is labelled (split, consensus) only from this many scores
 * @param resamples B, the ballot bootstrap's resamples
 */
public record AnalysisSettings(
        int scaleMin, int scalePoints, double[] weights, int minVoters, int labelFrom, int resamples) {

    public static final int DEFAULT_RESAMPLES = 1000;

    public AnalysisSettings {
        if (scalePoints < 2 || minVoters < 1 || labelFrom < 1 || resamples < 1) {
            throw new IllegalArgumentException("need scalePoints >= 2, minVoters >= 1, labelFrom >= 1, resamples >= 1");
        }
        weights = normalized(Objects.requireNonNull(weights, "weights"));
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** Weights scaled to sum 1; they must be finite, non-negative and not all zero. */
    static double[] normalized(double[] weights) {
        double total = 0;
        for (double weight : weights) {
            if (!(weight >= 0 && weight < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("weights must be finite and non-negative, got " + weight);
            }
            total += weight;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("at least one weight must be positive");
        }
        double[] normalized = new double[weights.length];
        for (int factor = 0; factor < weights.length; factor++) {
            normalized[factor] = weights[factor] / total;
        }
        return normalized;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AnalysisSettings that
                && scaleMin == that.scaleMin
                && scalePoints == that.scalePoints
                && java.util.Arrays.equals(weights, that.weights)
                && minVoters == that.minVoters
                && labelFrom == that.labelFrom
                && resamples == that.resamples;
    }

    @Override
    public int hashCode() {
        return Objects.hash(scaleMin, scalePoints, java.util.Arrays.hashCode(weights), minVoters, labelFrom, resamples);
    }

    @Override
    public String toString() {
        return "AnalysisSettings[scale " + scaleMin + " +" + scalePoints + " points, weights "
                + java.util.Arrays.toString(weights) + ", minVoters " + minVoters + ", labelFrom " + labelFrom
                + ", resamples " + resamples + "]";
    }
}
