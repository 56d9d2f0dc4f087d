package dev.fieldpoll.tally;

/**
 * The estimator's inputs for the full data, every voter drawn once: per column the score-index
 * sums, per pattern the ballots and their score totals.
 */
record FullSample(long[] sums, int[] draws, long[] totals) {

    static FullSample of(EligibleBallots ballots, BallotPatterns patterns) {
        long[] sums = new long[ballots.columns()];
        byte[] rows = ballots.rows();
        for (int index = 0; index < rows.length; index++) {
            sums[index % ballots.columns()] += rows[index];
        }
        int[] draws = new int[patterns.patterns];
        long[] totals = new long[patterns.patterns];
        patterns.accumulateAll(draws, totals);
        return new FullSample(sums, draws, totals);
    }
}
