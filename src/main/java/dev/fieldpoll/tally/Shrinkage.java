package dev.fieldpoll.tally;

/**
 * Empirical-Bayes shrinkage of cell values toward their factor's mean (DESIGN: "Cell estimate").
 * A cell with n answers keeps the weight n / (n + m) on its own value; m, the prior's worth in
 * answers, is estimated from how much the cells of a factor differ beyond their noise:
 *
 * <p>m = σ²_w / τ², with σ²_w the pooled within-cell variance (the noise of one answer) and τ² the
 * between-cell variance by DerSimonian &amp; Laird's method of moments, pooled over factors:
 * τ² = (Σ_f Q_f − Σ_f (k_f − 1)) / Σ_f (W_f − Σ w² / W_f), where w_c = n_c / σ²_w,
 * Q_f = Σ w_c (x_c − x̄_f)² and x̄_f the w-weighted factor mean. m is kept within
 * [{@link #MIN_PRIOR}, {@link #MAX_PRIOR}]: at least half an answer, so a thin cell is never taken
 * at face value, and at most ten, so a well-voted cell keeps at least half its own say even when
 * the cells look alike.
 *
 * <p>Not thread-safe: it owns scratch arrays; each bootstrap worker has its own.
 */
final class Shrinkage {

    static final double MIN_PRIOR = 0.5;
    static final double MAX_PRIOR = 10;

    private final int[] factorOfColumn;
    private final double withinCell;
    private final double[] weightSum;
    private final double[] squaredWeightSum;
    private final double[] weightedValueSum;
    private final int[] cellsSeen;

    Shrinkage(int[] factorOfColumn, int factors, double withinCell) {
        this.factorOfColumn = factorOfColumn;
        this.withinCell = withinCell;
        this.weightSum = new double[factors];
        this.squaredWeightSum = new double[factors];
        this.weightedValueSum = new double[factors];
        this.cellsSeen = new int[factors];
    }

    /**
     * Estimates m, then writes each column's shrunk value to {@code estimates} and each factor's
     * mean to {@code targets}; a factor nobody drew keeps its {@code fallbackTargets} entry.
     *
     * @return m, the prior's worth in answers
     */
    double shrink(double[] values, double[] counts, double[] fallbackTargets, double[] targets, double[] estimates) {
        factorMeans(values, counts, fallbackTargets, targets);
        double prior = strength(values, counts, targets);
        for (int column = 0; column < values.length; column++) {
            double n = counts[column];
            double target = targets[factorOfColumn[column]];
            estimates[column] = n > 0 ? (n * values[column] + prior * target) / (n + prior) : target;
        }
        return prior;
    }

    /** Shrinks with a given m (to measure what the voter adjustment alone changed). */
    void shrinkWith(
            double prior,
            double[] values,
            double[] counts,
            double[] fallbackTargets,
            double[] targets,
            double[] estimates) {
        factorMeans(values, counts, fallbackTargets, targets);
        for (int column = 0; column < values.length; column++) {
            double n = counts[column];
            double target = targets[factorOfColumn[column]];
            estimates[column] = n > 0 ? (n * values[column] + prior * target) / (n + prior) : target;
        }
    }

    private void factorMeans(double[] values, double[] counts, double[] fallbackTargets, double[] targets) {
        java.util.Arrays.fill(weightSum, 0);
        java.util.Arrays.fill(squaredWeightSum, 0);
        java.util.Arrays.fill(weightedValueSum, 0);
        java.util.Arrays.fill(cellsSeen, 0);
        for (int column = 0; column < values.length; column++) {
            double n = counts[column];
            if (n > 0) {
                int factor = factorOfColumn[column];
                weightSum[factor] += n;
                squaredWeightSum[factor] += n * n;
                weightedValueSum[factor] += n * values[column];
                cellsSeen[factor]++;
            }
        }
        for (int factor = 0; factor < targets.length; factor++) {
            targets[factor] =
                    weightSum[factor] > 0 ? weightedValueSum[factor] / weightSum[factor] : fallbackTargets[factor];
        }
    }

    private double strength(double[] values, double[] counts, double[] targets) {
        if (!(withinCell > 0)) {
            return MIN_PRIOR; // answers within a cell never differ: nothing to shrink away
        }
        double q = 0;
        for (int column = 0; column < values.length; column++) {
            if (counts[column] > 0) {
                double deviation = values[column] - targets[factorOfColumn[column]];
                q += counts[column] / withinCell * deviation * deviation;
            }
        }
        double degrees = 0;
        double scale = 0;
        // A factor with one cell adds nothing: that cell is its own factor mean.
        for (int factor = 0; factor < targets.length; factor++) {
            if (cellsSeen[factor] >= 2) {
                degrees += cellsSeen[factor] - 1;
                // weights w = n / σ²_w, so W − Σw²/W carries one factor 1/σ²_w
                scale += (weightSum[factor] - squaredWeightSum[factor] / weightSum[factor]) / withinCell;
            }
        }
        if (scale <= 0) {
            return MAX_PRIOR;
        }
        double between = (q - degrees) / scale;
        if (!(between > 0)) {
            return MAX_PRIOR;
        }
        return Math.max(MIN_PRIOR, Math.min(MAX_PRIOR, withinCell / between));
    }
}
