package dev.fieldpoll.tally;

import java.util.Arrays;

/**
 * The additive voter + cell model (DESIGN: "Cell estimate"): score = cell value + the voter's
 * offset + noise, with offsets shrunk toward 0 by {@code lambda} pseudo-answers (a ridge
 * penalty), so a harsh or lenient member moves the cells they scored only as far as their other
 * answers show them to be harsh or lenient.
 *
 * <p>Eliminating the offsets, b_v = (Y_v − Σ_{c∈P_v} μ_c) / (|P_v| + λ), leaves a small linear
 * system in the cell values: (diag(N) − G) μ = S − t with G = Σ_P g_P 1_P 1_Pᵀ, g_P = W_P / (|P| + λ),
 * t_c = Σ_{P∋c} WY_P / (|P| + λ), where W_P counts the drawn ballots of pattern P and WY_P sums
 * their score totals. It is solved exactly (Cholesky), each resample afresh, in time that grows
 * with patterns and cells, never with voters. With complete ballots the offsets average to 0 and
 * μ equals the plain cell means; with λ = ∞ there are no offsets at all. A value beyond the
 * scale's end (the additive model overshooting a ceiling) is kept at that end.
 *
 * <p>Not thread-safe: it owns scratch arrays; each bootstrap worker has its own.
 */
final class VoterCellModel {

    private final BallotPatterns patterns;
    private final double lambda;
    private final int scalePoints;
    private final int columns;
    private final double[] gram;
    private final double[] offsets;
    private final double[] missingGram;

    VoterCellModel(BallotPatterns patterns, double lambda, int scalePoints) {
        if (!(lambda > 0)) {
            throw new IllegalArgumentException("lambda must be positive (infinite = no offsets), was " + lambda);
        }
        this.patterns = patterns;
        this.lambda = lambda;
        this.scalePoints = scalePoints;
        this.columns = patterns.columns;
        this.gram = new double[columns * columns];
        this.offsets = new double[columns];
        this.missingGram = new double[columns];
    }

    boolean adjusts() {
        return lambda < Double.POSITIVE_INFINITY;
    }

    /**
     * Fits the cell values of one (re)sample.
     *
     * @param sums per column, the drawn voters' score indexes added up
     * @param draws per pattern, how many ballots were drawn
     * @param totals per pattern, the drawn ballots' score-index totals
     * @param counts out: per column, how many drawn voters scored it
     * @param values out: per column, the fitted value in score-index units (NaN where counts is 0)
     */
    void fit(long[] sums, int[] draws, long[] totals, double[] counts, double[] values) {
        solve(sums, draws, totals, counts, values);
        keepOnScale(counts, values, scalePoints);
    }

    /**
     * An additive model can overshoot a bounded scale (a harsh member's 5): its end is the value.
     * A cell nobody drew is unknown (NaN).
     */
    static void keepOnScale(double[] counts, double[] values, int scalePoints) {
        for (int column = 0; column < values.length; column++) {
            values[column] = counts[column] == 0 ? Double.NaN : Math.max(1, Math.min(scalePoints, values[column]));
        }
    }

    /** As {@link #fit} but with the values as solved, off the scale if need be (for residuals). */
    void solve(long[] sums, int[] draws, long[] totals, double[] counts, double[] values) {
        if (!adjusts()) {
            patterns.counts(draws, counts);
            for (int column = 0; column < columns; column++) {
                values[column] = counts[column] > 0 ? sums[column] / counts[column] : Double.NaN;
            }
            return;
        }
        Arrays.fill(gram, 0);
        patterns.modelSums(draws, totals, lambda, counts, offsets, gram, missingGram);
        for (int row = 0; row < columns; row++) {
            for (int column = 0; column < columns; column++) {
                gram[row * columns + column] = -gram[row * columns + column];
            }
            if (counts[row] > 0) {
                gram[row * columns + row] += counts[row];
                values[row] = sums[row] - offsets[row];
            } else {
                // Nobody drew this cell: decouple it with a unit row and report it as unknown.
                for (int other = 0; other < columns; other++) {
                    gram[row * columns + other] = 0;
                    gram[other * columns + row] = 0;
                }
                gram[row * columns + row] = 1;
                values[row] = 0;
            }
        }
        Cholesky.solveInPlace(gram, columns, values);
    }

    /**
     * The Cholesky factor of diag(N) − G for the given draws (its lower triangle, columns × columns),
     * the Hessian the linearized refit reuses for every resample.
     */
    double[] hessianFactor(int[] draws, long[] totals) {
        double[] counts = new double[columns];
        double[] hessian = new double[columns * columns];
        patterns.modelSums(draws, totals, lambda, counts, offsets, hessian, missingGram);
        for (int index = 0; index < hessian.length; index++) {
            hessian[index] = -hessian[index];
        }
        for (int column = 0; column < columns; column++) {
            hessian[column * columns + column] += counts[column];
        }
        Cholesky.factor(hessian, columns);
        return hessian;
    }
}
