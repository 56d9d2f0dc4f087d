package dev.fieldpoll.tally;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Ballots for tally tests, drawn from fixed generators so every run sees the same votes. */
final class BootstrapFixtures {

    static final int SCALE_MIN = 1;
    static final int SCALE_POINTS = 5;

    /** A voter's score of a cell, or 0 for no score. */
    interface Scorer {
        int score(int voter, int field, int factor);
    }

    private BootstrapFixtures() {}

    /**
     * Voters who score field f around {@code 2.6 + 0.2·f} (sd 1.2, rounded, clamped to 1–5) on
     * each of two factors, and answer "don't know" one time in ten.
     */
    static VoteMatrix noisyVotes(int voters, int fields, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return votes(
                voters,
                fields,
                2,
                (voter, field, factor) -> random.nextInt(10) == 0
                        ? 0
                        : clamp(Math.round(2.6 + 0.2 * field + 1.2 * random.nextGaussian())));
    }

    /** A ballot per voter from {@code scorer}, cell by cell in ballot order. */
    static VoteMatrix votes(int voters, int fields, int factors, Scorer scorer) {
        VoteMatrix.Builder builder = new VoteMatrix.Builder(fields, factors, SCALE_MIN);
        for (int i = 0; i < voters; i++) {
            int voter = builder.addVoter();
            for (int field = 0; field < fields; field++) {
                for (int factor = 0; factor < factors; factor++) {
                    int score = scorer.score(voter, field, factor);
                    if (score != 0) {
                        builder.set(voter, field, factor, score);
                    }
                }
            }
        }
        return builder.build();
    }

    /** The same ballots with voters in another order. */
    static VoteMatrix permuted(VoteMatrix votes, long seed) {
        int[] order = new int[votes.voters()];
        for (int voter = 0; voter < order.length; voter++) {
            order[voter] = voter;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int at = order.length - 1; at > 0; at--) {
            int other = random.nextInt(at + 1);
            int swap = order[at];
            order[at] = order[other];
            order[other] = swap;
        }
        return votes(votes.voters(), votes.fields(), votes.factors(), (voter, field, factor) -> {
            int index = votes.scoreIndex(order[voter], field, factor);
            return index == 0 ? 0 : index - 1 + SCALE_MIN;
        });
    }

    static int clamp(long score) {
        return (int) Math.max(SCALE_MIN, Math.min(SCALE_MIN + SCALE_POINTS - 1, score));
    }

    static double[] equalWeights(int factors) {
        double[] weights = new double[factors];
        Arrays.fill(weights, 1);
        return weights;
    }

    static AnalysisSettings settings(int factors, int minVoters, int resamples) {
        return new AnalysisSettings(
                SCALE_MIN, SCALE_POINTS, equalWeights(factors), minVoters, CellLabel.DEFAULT_LABEL_FROM, resamples);
    }
}
