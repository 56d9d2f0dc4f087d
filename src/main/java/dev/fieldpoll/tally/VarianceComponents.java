package dev.fieldpoll.tally;

import org.apache.commons.statistics.distribution.FDistribution;

/**
 * How much voters differ in overall severity, against how much their answers scatter: the two
 * variances that set how far the voter + cell model shrinks a voter's offset (DESIGN: "Cell
 * estimate"). Estimated once from all eligible ballots by the method of moments:
 *
 * <ul>
 *   <li>residuals r = score − cell value; per voter their mean r̄_v over n_v answers;
 *   <li>noise σ²_e = pooled within-voter variance of the residuals, Σ_v Σ (r − r̄_v)² / Σ_v (n_v − 1);
 *   <li>severity σ²_b = mean over voters of r̄_v² − σ²_e / n_v (what is left once the noise in a
 *       mean of n_v answers is taken off).
 * </ul>
 *
 * <p>Offsets are used only when voters demonstrably differ: the F test of voter effects on the
 * residuals from plain cell means, F = (Σ_v n_v r̄_v² / (V − 1)) / σ²_e on (V − 1, Σ (n_v − 1))
 * degrees of freedom, must reject "no voter effects" at 5%. Otherwise the adjustment would only
 * add noise (and name fields "adjusted" for nothing).
 *
 * <p>Cell values start as plain means and are then refitted with the model at the current λ,
 * a few times until λ settles. This matters exactly when the adjustment does: when lenient
 * members scored mostly some fields, those fields' plain means absorb the leniency, the
 * residuals hide it, and a single pass would underestimate σ²_b and barely adjust.
 *
 * @param noise σ²_e in squared scale points
 * @param severity σ²_b in squared scale points, 0 when voters do not differ beyond noise
 * @param withinCell pooled within-cell variance of the scores, the noise of a cell mean per answer
 * @param differenceP p-value of the F test of "voters do not differ in severity"
 */
record VarianceComponents(double noise, double severity, double withinCell, double differenceP) {

    /** Voters must differ at this level before offsets are estimated. */
    static final double DIFFERENCE_LEVEL = 0.05;

    /**
     * The share of the empirical-Bayes shrinkage σ²_e / σ²_b that offsets get. Full EB shrinkage is
     * right only if which fields members score is unrelated to how lenient they are, which is
     * exactly the case the adjustment exists for: there it leaves part of the leniency in the
     * cell values (Hausman's argument for fixed effects). In seeded simulations (lenient members
     * scoring mostly some fields, 20% scoring across) full shrinkage left about a third of the
     * gap, a quarter of it about a tenth, with intervals under 2% wider.
     */
    static final double SHARE_OF_EMPIRICAL_BAYES = 0.25;
    /** Even a member with a single answer keeps a fifth of its say: λ is at least a quarter answer. */
    static final double MIN_OFFSET_PSEUDO_ANSWERS = 0.25;

    /**
     * λ, the pseudo-answers at offset 0 each member's offset is shrunk by: a quarter of σ²_e / σ²_b,
     * at least {@link #MIN_OFFSET_PSEUDO_ANSWERS}; infinite (no offsets) when voters do not differ
     * beyond noise or no voter gave two answers.
     */
    double offsetShrinkage() {
        if (!(severity > 0) || !(noise >= 0) || !(differenceP < DIFFERENCE_LEVEL)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.max(MIN_OFFSET_PSEUDO_ANSWERS, SHARE_OF_EMPIRICAL_BAYES * noise / severity);
    }

    /** σ²_e / σ²_b: the shrinkage a random-effects model would use (infinite when voters do not differ). */
    double empiricalBayesShrinkage() {
        return severity > 0 && noise >= 0 ? noise / severity : Double.POSITIVE_INFINITY;
    }

    /** Refits of the cell values before λ is taken as settled. */
    static final int MAX_REFITS = 10;

    /** Estimates the components, refitting cell values with the model until λ changes by under 1%. */
    static VarianceComponents of(EligibleBallots ballots, BallotPatterns patterns) {
        VarianceComponents components = of(ballots);
        FullSample all = FullSample.of(ballots, patterns);
        double[] counts = new double[ballots.columns()];
        double[] values = new double[ballots.columns()];
        for (int refit = 0; refit < MAX_REFITS; refit++) {
            double lambda = components.offsetShrinkage();
            if (lambda == Double.POSITIVE_INFINITY) {
                return components;
            }
            new VoterCellModel(patterns, lambda, ballots.scalePoints())
                    .fit(all.sums(), all.draws(), all.totals(), counts, values);
            VarianceComponents refitted =
                    fromResiduals(ballots, values, components.withinCell()).withDifferenceP(components.differenceP());
            if (Math.abs(refitted.offsetShrinkage() - lambda) < 0.01 * lambda) {
                return refitted;
            }
            components = refitted;
        }
        return components;
    }

    /** One pass with plain cell means as the cell values. */
    static VarianceComponents of(EligibleBallots ballots) {
        int columns = ballots.columns();
        byte[] rows = ballots.rows();
        double[] sums = new double[columns];
        double[] squares = new double[columns];
        long[] counts = new long[columns];
        for (int voter = 0; voter < ballots.voters(); voter++) {
            for (int column = 0; column < columns; column++) {
                int score = rows[voter * columns + column];
                if (score != 0) {
                    sums[column] += score;
                    squares[column] += (double) score * score;
                    counts[column]++;
                }
            }
        }
        double[] means = new double[columns];
        double withinSquares = 0;
        long withinDegrees = 0;
        for (int column = 0; column < columns; column++) {
            means[column] = counts[column] == 0 ? 0 : sums[column] / counts[column];
            withinSquares += squares[column] - counts[column] * means[column] * means[column];
            withinDegrees += Math.max(0, counts[column] - 1);
        }
        double withinCell = withinDegrees == 0 ? Double.NaN : Math.max(0, withinSquares) / withinDegrees;
        return fromResiduals(ballots, means, withinCell);
    }

    private VarianceComponents withDifferenceP(double p) {
        return new VarianceComponents(noise, severity, withinCell, p);
    }

    private static VarianceComponents fromResiduals(EligibleBallots ballots, double[] means, double withinCell) {
        int columns = ballots.columns();
        byte[] rows = ballots.rows();
        double noiseSquares = 0;
        long noiseDegrees = 0;
        double[] meanResidual = new double[ballots.voters()];
        int[] answers = new int[ballots.voters()];
        for (int voter = 0; voter < ballots.voters(); voter++) {
            double sum = 0;
            double squares = 0;
            int n = 0;
            for (int column = 0; column < columns; column++) {
                int score = rows[voter * columns + column];
                if (score != 0) {
                    double residual = score - means[column];
                    sum += residual;
                    squares += residual * residual;
                    n++;
                }
            }
            meanResidual[voter] = sum / n;
            answers[voter] = n;
            noiseSquares += squares - n * meanResidual[voter] * meanResidual[voter];
            noiseDegrees += n - 1;
        }
        if (noiseDegrees == 0 || meanResidual.length < 2) {
            return new VarianceComponents(Double.NaN, 0, withinCell, 1);
        }
        double noise = Math.max(0, noiseSquares) / noiseDegrees;
        double severity = 0;
        double between = 0;
        for (int voter = 0; voter < meanResidual.length; voter++) {
            severity += meanResidual[voter] * meanResidual[voter] - noise / answers[voter];
            between += answers[voter] * meanResidual[voter] * meanResidual[voter];
        }
        severity = Math.max(0, severity / meanResidual.length);
        return new VarianceComponents(
                noise, severity, withinCell, differenceP(between, meanResidual.length, noise, noiseDegrees));
    }

    private static double differenceP(double between, int voters, double noise, long noiseDegrees) {
        if (!(noise > 0)) {
            return between > 0 ? 0 : 1;
        }
        double f = between / (voters - 1) / noise;
        return FDistribution.of(voters - 1.0, noiseDegrees).survivalProbability(f);
    }
}
