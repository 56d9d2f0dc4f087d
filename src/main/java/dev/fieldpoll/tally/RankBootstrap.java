package dev.fieldpoll.tally;

import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Rank intervals by resampling whole ballots (DESIGN: "rank interval"): a field's interval
 * shows where it could plausibly land had a different crowd of the same kind voted.
 *
 * <p>Deterministic: resample {@code b} draws from a generator seeded by
 * {@code mix(seed, b)} alone, so the result depends on the seed, never on how the
 * resamples are split over threads.
 */
public final class RankBootstrap {

    public static final int DEFAULT_RESAMPLES = 1000;

    // Several chunks per processor even out uneven progress without much scratch memory.
    private static final int CHUNKS_PER_PROCESSOR = 4;
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private RankBootstrap() {}

    /**
     * Resamples {@code votes.voters()} ballots with replacement {@code resamples} times and
     * ranks the fields by {@link FieldScores} (m = {@link FieldScores#PRIOR_VOTES}, poll-wide
     * means recomputed per resample, the scale's midpoint for a factor without votes).
     *
     * <p>Intervals are nearest-rank 5th and 95th percentiles, see {@link RankIntervals}.
     * With no voters there is nothing to resample: each interval is the point rank of the
     * fallback scores (all equal, so fields rank in index order) and every off-diagonal
     * probability is 0.5, meaning "no evidence either way".
     */
    public static RankIntervals run(
            VoteMatrix votes, double[] weights, int scaleMin, int scalePoints, int resamples, long seed) {
        Objects.requireNonNull(votes, "votes");
        if (weights.length != votes.factors()) {
            throw new IllegalArgumentException(weights.length + " weights for " + votes.factors() + " factors");
        }
        if (scalePoints < 2 || resamples < 1) {
            throw new IllegalArgumentException("need a scale of at least 2 points and at least 1 resample");
        }
        double[] normalizedWeights = FieldScores.normalized(weights);
        double midpoint = scaleMin + (scalePoints - 1) / 2.0;
        PackedBallots ballots = PackedBallots.of(votes, scalePoints);
        int fields = votes.fields();
        if (votes.voters() == 0) {
            return withoutVoters(fields, votes.factors(), weights, midpoint);
        }
        int[] rankTable = new int[Math.multiplyExact(resamples, fields)];
        int chunks =
                Math.min(resamples, CHUNKS_PER_PROCESSOR * Runtime.getRuntime().availableProcessors());
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            Resampler resampler = new Resampler(ballots, votes.factors(), normalizedWeights, scaleMin, midpoint);
            int end = (int) ((long) resamples * (chunk + 1) / chunks);
            for (int resample = (int) ((long) resamples * chunk / chunks); resample < end; resample++) {
                resampler.resample(resampleSeed(seed, resample), rankTable, resample * fields);
            }
        });
        return ResampledRanks.summarize(rankTable, fields, resamples);
    }

    /** Seed of one resample: a function of (seed, index) only, well spread by SplitMix64's finalizer. */
    static long resampleSeed(long seed, int resample) {
        return mix64(mix64(seed) + GOLDEN_GAMMA * (resample + 1L));
    }

    private static long mix64(long value) {
        long z = (value ^ (value >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static RankIntervals withoutVoters(int fields, int factors, double[] weights, double midpoint) {
        int[] ranks = Ranking.ranks(FieldScores.shrunk(
                new double[fields][factors], new int[fields][factors], weights, FieldScores.PRIOR_VOTES, midpoint));
        double[][] probabilityAbove = new double[fields][fields];
        for (int a = 0; a < fields; a++) {
            for (int b = 0; b < fields; b++) {
                probabilityAbove[a][b] = a == b ? 0 : 0.5;
            }
        }
        return new RankIntervals(ranks, ranks, probabilityAbove);
    }
}
