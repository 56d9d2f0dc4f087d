package dev.fieldpoll.tally;

import java.util.Arrays;
import java.util.Objects;

/**
 * Field scores from shrunk cell means (DESIGN: "field score"). A cell's mean is pulled
 * towards its factor's poll-wide mean by {@code priorVotes} pseudo-votes, so a field with
 * two enthusiastic votes does not outrank one with fifty solid ones.
 *
 * <p>Arrays are indexed {@code [field][factor]}; sums are in scale units.
 */
public final class FieldScores {

    /** Pseudo-votes of shrinkage (DESIGN: m = 3). */
    public static final double PRIOR_VOTES = 3;

    private FieldScores() {}

    /**
     * Σ_f w_f · shrunk mean_f per field, weights normalized to sum 1.
     *
     * @param fallbackMean the poll-wide mean used for a factor nobody scored (the scale's midpoint)
     */
    public static double[] shrunk(
            double[][] sums, int[][] counts, double[] weights, double priorVotes, double fallbackMean) {
        double[] normalizedWeights = normalized(weights);
        double[] means = flatShrunkMeans(sums, counts, weights.length, priorVotes, fallbackMean);
        double[] scores = new double[sums.length];
        scoresInto(means, weights.length, normalizedWeights, scores);
        return scores;
    }

    /**
     * Per-cell shrunk means (sum + m·C) / (n + m), C = the factor's poll-wide mean, or
     * {@code fallbackMean} when the factor has no votes at all. An empty cell gets C.
     */
    public static double[][] shrunkMeans(double[][] sums, int[][] counts, double priorVotes, double fallbackMean) {
        int factors = sums.length == 0 ? 1 : sums[0].length;
        double[] means = flatShrunkMeans(sums, counts, factors, priorVotes, fallbackMean);
        double[][] grid = new double[sums.length][];
        for (int field = 0; field < sums.length; field++) {
            grid[field] = Arrays.copyOfRange(means, field * factors, (field + 1) * factors);
        }
        return grid;
    }

    /** Weights scaled to sum 1; they must be finite, non-negative and not all zero. */
    public static double[] normalized(double[] weights) {
        Objects.requireNonNull(weights, "weights");
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

    // Flat core, shared with the bootstrap so that it allocates nothing per resample:
    // cell = field * factors + factor.

    static void shrunkMeansInto(
            double[] sums, int[] counts, int factors, double priorVotes, double fallbackMean, double[] means) {
        int fields = counts.length / factors;
        for (int factor = 0; factor < factors; factor++) {
            double factorSum = 0;
            long factorCount = 0;
            for (int cell = factor; cell < fields * factors; cell += factors) {
                factorSum += sums[cell];
                factorCount += counts[cell];
            }
            double pollMean = factorCount == 0 ? fallbackMean : factorSum / factorCount;
            for (int cell = factor; cell < fields * factors; cell += factors) {
                means[cell] = (sums[cell] + priorVotes * pollMean) / (counts[cell] + priorVotes);
            }
        }
    }

    static void scoresInto(double[] means, int factors, double[] normalizedWeights, double[] scores) {
        for (int field = 0; field < scores.length; field++) {
            double score = 0;
            for (int factor = 0; factor < factors; factor++) {
                score += normalizedWeights[factor] * means[field * factors + factor];
            }
            scores[field] = score;
        }
    }

    private static double[] flatShrunkMeans(
            double[][] sums, int[][] counts, int factors, double priorVotes, double fallbackMean) {
        if (!(priorVotes > 0 && priorVotes < Double.POSITIVE_INFINITY)) {
            // Zero pseudo-votes would leave empty cells at 0/0.
            throw new IllegalArgumentException("prior votes must be positive and finite, got " + priorVotes);
        }
        if (!Double.isFinite(fallbackMean)) {
            throw new IllegalArgumentException("fallback mean must be finite, got " + fallbackMean);
        }
        if (factors < 1) {
            throw new IllegalArgumentException("at least one factor is needed");
        }
        if (sums.length != counts.length) {
            throw new IllegalArgumentException(sums.length + " fields of sums but " + counts.length + " of counts");
        }
        double[] flatSums = new double[sums.length * factors];
        int[] flatCounts = new int[sums.length * factors];
        for (int field = 0; field < sums.length; field++) {
            if (sums[field].length != factors || counts[field].length != factors) {
                throw new IllegalArgumentException("field " + field + " does not have " + factors + " factors");
            }
            for (int factor = 0; factor < factors; factor++) {
                if (counts[field][factor] < 0 || !Double.isFinite(sums[field][factor])) {
                    throw new IllegalArgumentException("invalid sum or count in cell " + field + "/" + factor);
                }
                flatSums[field * factors + factor] = sums[field][factor];
                flatCounts[field * factors + factor] = counts[field][factor];
            }
        }
        double[] means = new double[flatSums.length];
        shrunkMeansInto(flatSums, flatCounts, factors, priorVotes, fallbackMean, means);
        return means;
    }
}
