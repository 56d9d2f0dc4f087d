package dev.fieldpoll.tally;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One bootstrap resample at a time, into scratch arrays it owns, so a worker allocates
 * nothing per draw. Not thread-safe: each worker uses its own.
 */
final class Resampler {

    private final PackedBallots ballots;
    private final int factors;
    private final double[] normalizedWeights;
    private final double scoreIndexToScale;
    private final double fallbackMean;

    private final int[] timesDrawn;
    private final int[] totals;
    private final double[] sums;
    private final int[] counts;
    private final double[] means;
    private final double[] scores;
    private final int[] ranks;
    private final int[] tieOrder;

    Resampler(PackedBallots ballots, int factors, double[] normalizedWeights, int scaleMin, double fallbackMean) {
        this.ballots = ballots;
        this.factors = factors;
        this.normalizedWeights = normalizedWeights;
        this.scoreIndexToScale = scaleMin - 1;
        this.fallbackMean = fallbackMean;
        this.timesDrawn = new int[ballots.voters];
        this.totals = new int[2 * ballots.cells];
        this.sums = new double[ballots.cells];
        this.counts = new int[ballots.cells];
        this.means = new double[ballots.cells];
        this.scores = new double[ballots.cells / factors];
        this.ranks = new int[scores.length];
        this.tieOrder = new int[scores.length];
    }

    /** Draws {@code voters} whole ballots with replacement and writes the fields' ranks at {@code offset}. */
    void resample(long seed, int[] rankTable, int offset) {
        SplittableRandom random = new SplittableRandom(seed);
        drawBallots(random);
        Arrays.fill(totals, 0);
        ballots.addDrawn(timesDrawn, totals);
        for (int cell = 0; cell < ballots.cells; cell++) {
            counts[cell] = totals[ballots.cells + cell];
            sums[cell] = totals[cell] + counts[cell] * scoreIndexToScale;
        }
        FieldScores.shrunkMeansInto(sums, counts, factors, FieldScores.PRIOR_VOTES, fallbackMean, means);
        FieldScores.scoresInto(means, factors, normalizedWeights, scores);
        shuffleTieOrder(random);
        Ranking.ranksInto(scores, tieOrder, ranks);
        System.arraycopy(ranks, 0, rankTable, offset, ranks.length);
    }

    // Counting draws per voter first lets the ballots be added in memory order, once each,
    // which stays fast when they no longer fit in the cache.
    private void drawBallots(SplittableRandom random) {
        Arrays.fill(timesDrawn, 0);
        for (int draw = 0; draw < ballots.voters; draw++) {
            timesDrawn[uniformBelow(random, ballots.voters)]++;
        }
    }

    /** Fisher–Yates over the few fields: exact ties in this resample are broken at random. */
    private void shuffleTieOrder(SplittableRandom random) {
        for (int field = 0; field < tieOrder.length; field++) {
            tieOrder[field] = field;
        }
        for (int field = tieOrder.length - 1; field > 0; field--) {
            int other = random.nextInt(field + 1);
            int swap = tieOrder[field];
            tieOrder[field] = tieOrder[other];
            tieOrder[other] = swap;
        }
    }

    /**
     * Uniform in [0, bound) by Lemire's multiply-shift with rejection: unbiased like
     * {@code nextInt(bound)} but without its division, which halves the cost of drawing.
     */
    static int uniformBelow(SplittableRandom random, int bound) {
        long product = (random.nextInt() & 0xFFFF_FFFFL) * bound;
        if ((product & 0xFFFF_FFFFL) < bound) {
            long rejectBelow = (0x1_0000_0000L - bound) % bound; // 2^32 mod bound
            while ((product & 0xFFFF_FFFFL) < rejectBelow) {
                product = (random.nextInt() & 0xFFFF_FFFFL) * bound;
            }
        }
        return (int) (product >>> 32);
    }
}
