package dev.fieldpoll.tally;

/**
 * Everything a field's score needs, from one (re)sample's aggregates to the scores: the voter +
 * cell model, then empirical-Bayes shrinkage, then the weighted mean over factors. The full data
 * and every bootstrap resample go through this same code, so the intervals describe exactly the
 * estimates the report shows.
 *
 * <p>Not thread-safe: it owns scratch arrays; each bootstrap worker has its own.
 */
final class Estimator {

    private final EligibleBallots ballots;
    private final VoterCellModel model;
    private final Shrinkage shrinkage;
    private final double[] normalizedWeights;
    private final double scaleOffset;
    private final double[] fallbackTargets;

    final double[] counts;
    final double[] values;
    final double[] estimates;
    final double[] targets;
    private double prior;

    Estimator(
            EligibleBallots ballots,
            BallotPatterns patterns,
            VarianceComponents variances,
            double lambda,
            double[] normalizedWeights,
            int scaleMin,
            double[] fallbackTargets) {
        this.ballots = ballots;
        this.model = new VoterCellModel(patterns, lambda, ballots.scalePoints());
        int[] factorOfColumn = new int[ballots.columns()];
        for (int column = 0; column < factorOfColumn.length; column++) {
            factorOfColumn[column] = ballots.cellOf(column) % ballots.factors();
        }
        this.shrinkage = new Shrinkage(factorOfColumn, ballots.factors(), variances.withinCell());
        this.normalizedWeights = normalizedWeights;
        this.scaleOffset = scaleMin - 1;
        this.fallbackTargets = fallbackTargets;
        this.counts = new double[ballots.columns()];
        this.values = new double[ballots.columns()];
        this.estimates = new double[ballots.columns()];
        this.targets = new double[ballots.factors()];
    }

    /** Fits cell values and shrinks them with an m estimated from this sample. */
    void fit(long[] sums, int[] draws, long[] totals) {
        model.fit(sums, draws, totals, counts, values);
        prior = shrinkage.shrink(values, counts, fallbackTargets, targets, estimates);
    }

    /** Shrinks cell values someone else fitted (the linearized refit), estimating m from them. */
    void fitValues(double[] fittedCounts, double[] fittedValues) {
        System.arraycopy(fittedCounts, 0, counts, 0, counts.length);
        System.arraycopy(fittedValues, 0, values, 0, values.length);
        prior = shrinkage.shrink(values, counts, fallbackTargets, targets, estimates);
    }

    /** Fits cell values and shrinks them with a given m. */
    void fit(long[] sums, int[] draws, long[] totals, double givenPrior) {
        model.fit(sums, draws, totals, counts, values);
        prior = givenPrior;
        shrinkage.shrinkWith(givenPrior, values, counts, fallbackTargets, targets, estimates);
    }

    /** m of the last fit: the prior's worth in answers. */
    double prior() {
        return prior;
    }

    /** A column's estimate in scale units. */
    double estimate(int column) {
        return estimates[column] + scaleOffset;
    }

    /** The weighted mean of a complete field's factor estimates, in scale units. */
    double score(int field) {
        double score = 0;
        for (int factor = 0; factor < normalizedWeights.length; factor++) {
            int column = ballots.columnOf(field * ballots.factors() + factor);
            score += normalizedWeights[factor] * estimates[column];
        }
        return score + scaleOffset;
    }

    /** Each factor's mean of adjusted cell values, in score-index units (what resamples fall back to). */
    double[] targets() {
        return targets.clone();
    }
}
