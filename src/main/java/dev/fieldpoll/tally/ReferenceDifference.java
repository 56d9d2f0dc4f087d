package dev.fieldpoll.tally;

import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.statistics.distribution.TDistribution;

/** How far the community's score of a field lies from the reference (DESIGN: "reference comparison"). */
public final class ReferenceDifference {

    private ReferenceDifference() {}

    /**
     * Weighted community and reference scores of one field and a t-interval for their
     * difference. Only factors with votes and a positive weight count; their weights are
     * renormalized to sum 1, for the reference too, so both sides weigh the same factors.
     *
     * <p>The standard error sqrt(Σ w_f² sd_f² / n_f) treats the factor means as independent
     * (ignoring that the same voters score both factors); degrees of freedom are the smallest
     * n_f − 1. The interval is NaN when that is below 1 or an sd is undefined.
     *
     * @param confidence two-sided level, e.g. 0.90 for the 5th to the 95th percentile
     */
    public static DifferenceInterval of(
            double[] factorMeans,
            double[] factorSds,
            int[] factorCounts,
            double[] weights,
            double[] referenceScores,
            double confidence) {
        int factors = requireSameLength(factorMeans, factorSds, factorCounts, weights, referenceScores);
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie strictly between 0 and 1, got " + confidence);
        }
        double[] used = usedWeights(factorCounts, FieldScores.normalized(weights));
        if (Arrays.stream(used).sum() == 0) {
            return DifferenceInterval.undefined();
        }
        double community = 0;
        double reference = 0;
        double variance = 0;
        int fewestVotes = Integer.MAX_VALUE;
        for (int factor = 0; factor < factors; factor++) {
            if (used[factor] > 0) {
                community += used[factor] * factorMeans[factor];
                reference += used[factor] * referenceScores[factor];
                variance += used[factor] * used[factor] * factorSds[factor] * factorSds[factor] / factorCounts[factor];
                fewestVotes = Math.min(fewestVotes, factorCounts[factor]);
            }
        }
        double difference = community - reference;
        double standardError = Math.sqrt(variance);
        int degreesOfFreedom = fewestVotes - 1;
        if (degreesOfFreedom < 1 || Double.isNaN(standardError)) {
            return new DifferenceInterval(community, reference, difference, Double.NaN, Double.NaN);
        }
        double t = TDistribution.of(degreesOfFreedom).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        return new DifferenceInterval(
                community, reference, difference, difference - t * standardError, difference + t * standardError);
    }

    /** Weights of the factors that count, renormalized; zero for the others, all zero when none counts. */
    private static double[] usedWeights(int[] factorCounts, double[] normalizedWeights) {
        double[] used = new double[normalizedWeights.length];
        double total = 0;
        for (int factor = 0; factor < used.length; factor++) {
            if (factorCounts[factor] < 0) {
                throw new IllegalArgumentException("negative count: " + factorCounts[factor]);
            }
            if (factorCounts[factor] > 0) {
                used[factor] = normalizedWeights[factor];
                total += used[factor];
            }
        }
        for (int factor = 0; factor < used.length; factor++) {
            used[factor] = total == 0 ? 0 : used[factor] / total;
        }
        return used;
    }

    private static int requireSameLength(
            double[] factorMeans, double[] factorSds, int[] factorCounts, double[] weights, double[] referenceScores) {
        int factors = Objects.requireNonNull(factorMeans, "factorMeans").length;
        if (Objects.requireNonNull(factorSds, "factorSds").length != factors
                || Objects.requireNonNull(factorCounts, "factorCounts").length != factors
                || Objects.requireNonNull(weights, "weights").length != factors
                || Objects.requireNonNull(referenceScores, "referenceScores").length != factors) {
            throw new IllegalArgumentException("every per-factor array needs " + factors + " entries");
        }
        return factors;
    }
}
