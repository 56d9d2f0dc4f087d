package dev.fieldpoll.tally;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Ballots for bootstrap tests, drawn from a fixed generator so every run sees the same votes. */
final class BootstrapFixtures {

    static final int SCALE_MIN = 1;
    static final int SCALE_POINTS = 5;

    private BootstrapFixtures() {}

    /**
     * Voters who score field f around {@code 2.6 + 0.2·f} (sd 1.2, rounded, clamped to 1–5) on
     * each of two factors, and answer "don't know" one time in ten.
     */
    static VoteMatrix noisyVotes(int voters, int fields, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        VoteMatrix.Builder builder = new VoteMatrix.Builder(fields, 2, SCALE_MIN);
        for (int i = 0; i < voters; i++) {
            int voter = builder.addVoter();
            for (int field = 0; field < fields; field++) {
                for (int factor = 0; factor < 2; factor++) {
                    if (random.nextInt(10) > 0) {
                        double score = 2.6 + 0.2 * field + 1.2 * random.nextGaussian();
                        builder.set(voter, field, factor, (int) Math.max(1, Math.min(5, Math.round(score))));
                    }
                }
            }
        }
        return builder.build();
    }

    static double[] equalWeights(int factors) {
        double[] weights = new double[factors];
        Arrays.fill(weights, 1);
        return weights;
    }
}
