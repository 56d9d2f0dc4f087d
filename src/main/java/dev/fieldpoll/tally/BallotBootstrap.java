package dev.fieldpoll.tally;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The ballot bootstrap (DESIGN: "Uncertainty, from ballots"; Efron &amp; Tibshirani 1993): draw
 * as many whole ballots as there are, with replacement, refit every estimate, repeat. Each
 * resample is one pass over the packed ballots plus, for an exact refit, one over the voters'
 * patterns; the refit itself works on patterns and cells only (see {@link Refit}).
 *
 * <p>Deterministic: resample {@code b} draws from a generator seeded by {@code mix(seed, b)}
 * alone, so the tables depend on the seed, never on how resamples are split over threads.
 */
final class BallotBootstrap {

    // Several chunks per processor even out uneven progress without much scratch memory.
    private static final int CHUNKS_PER_PROCESSOR = 4;
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private BallotBootstrap() {}

    /**
     * What every resample records: the ranked fields' scores and ranks, and every eligible
     * cell's estimate. Row-major: {@code scores[resample * rankedFields + position]}.
     */
    record Tables(int resamples, int[] rankedFields, double[] scores, int[] ranks, double[] estimates, int columns) {

        double score(int resample, int position) {
            return scores[resample * rankedFields.length + position];
        }

        /** One ranked field's scores over all resamples. */
        double[] scoresOf(int position) {
            double[] column = new double[resamples];
            for (int resample = 0; resample < resamples; resample++) {
                column[resample] = score(resample, position);
            }
            return column;
        }

        /** One eligible cell's estimates over all resamples. */
        double[] estimatesOf(int column) {
            double[] values = new double[resamples];
            for (int resample = 0; resample < resamples; resample++) {
                values[resample] = estimates[resample * columns + column];
            }
            return values;
        }
    }

    /** How a worker refits the cell values of a resample into its estimator; each worker has its own. */
    interface Refit {
        void fit(int[] timesDrawn, Estimator estimator);
    }

    /** Refits exactly: the resample's sums and pattern totals, then the model's own solve. */
    static Supplier<Refit> exact(EligibleBallots ballots, BallotPatterns patterns) {
        PackedBallots packed = PackedBallots.of(ballots);
        return () -> {
            long[] sums = new long[packed.columns];
            int[] draws = new int[patterns.patterns];
            long[] totals = new long[patterns.patterns];
            return (timesDrawn, estimator) -> {
                Arrays.fill(sums, 0);
                packed.addDrawn(timesDrawn, sums);
                patterns.accumulate(timesDrawn, draws, totals);
                estimator.fit(sums, draws, totals);
            };
        };
    }

    /** Refits by one Newton step from the full-data fit (large polls with many patterns). */
    static Supplier<Refit> linearized(LinearizedRefit refit, int columns) {
        return () -> {
            long[] laneSums = refit.newLaneSums();
            double[] counts = new double[columns];
            double[] values = new double[columns];
            return (timesDrawn, estimator) -> {
                refit.refit(timesDrawn, laneSums, counts, values);
                estimator.fitValues(counts, values);
            };
        };
    }

    /**
     * @param refits a fresh {@link Refit} per worker
     * @param estimators a fresh {@link Estimator} per worker, each seeing the same settings
     * @param rankedFields the fields to score and rank in each resample (complete fields)
     */
    static Tables run(
            EligibleBallots ballots,
            Supplier<Refit> refits,
            Supplier<Estimator> estimators,
            int[] rankedFields,
            int resamples,
            long seed) {
        int ranked = rankedFields.length;
        int columns = ballots.columns();
        double[] scores = new double[Math.multiplyExact(resamples, ranked)];
        int[] ranks = new int[scores.length];
        double[] estimates = new double[Math.multiplyExact(resamples, columns)];
        int chunks =
                Math.min(resamples, CHUNKS_PER_PROCESSOR * Runtime.getRuntime().availableProcessors());
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            Worker worker = new Worker(ballots.voters(), refits.get(), estimators.get(), rankedFields);
            int end = (int) ((long) resamples * (chunk + 1) / chunks);
            for (int resample = (int) ((long) resamples * chunk / chunks); resample < end; resample++) {
                worker.resample(resampleSeed(seed, resample));
                System.arraycopy(worker.scores, 0, scores, resample * ranked, ranked);
                System.arraycopy(worker.ranks, 0, ranks, resample * ranked, ranked);
                for (int column = 0; column < columns; column++) {
                    estimates[resample * columns + column] = worker.estimator.estimate(column);
                }
            }
        });
        return new Tables(resamples, rankedFields.clone(), scores, ranks, estimates, columns);
    }

    /** Seed of one resample: a function of (seed, index) only, well spread by SplitMix64's finalizer. */
    static long resampleSeed(long seed, int resample) {
        return EligibleBallots.mix64(EligibleBallots.mix64(seed) + GOLDEN_GAMMA * (resample + 1L));
    }

    /** One worker's scratch: it allocates nothing per resample. */
    private static final class Worker {

        private final Refit refit;
        final Estimator estimator;
        private final int[] rankedFields;
        private final int[] timesDrawn;
        final double[] scores;
        final int[] ranks;
        private final int[] tieOrder;

        Worker(int voters, Refit refit, Estimator estimator, int[] rankedFields) {
            this.refit = refit;
            this.estimator = estimator;
            this.rankedFields = rankedFields;
            this.timesDrawn = new int[voters];
            this.scores = new double[rankedFields.length];
            this.ranks = new int[rankedFields.length];
            this.tieOrder = new int[rankedFields.length];
        }

        void resample(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            Arrays.fill(timesDrawn, 0);
            for (int draw = 0; draw < timesDrawn.length; draw++) {
                timesDrawn[uniformBelow(random, timesDrawn.length)]++;
            }
            refit.fit(timesDrawn, estimator);
            for (int position = 0; position < rankedFields.length; position++) {
                scores[position] = estimator.score(rankedFields[position]);
            }
            shuffleTieOrder(random);
            Ranking.ranksInto(scores, tieOrder, ranks);
        }

        /** Fisher–Yates over the few fields: exact ties in this resample are broken at random. */
        private void shuffleTieOrder(SplittableRandom random) {
            for (int position = 0; position < tieOrder.length; position++) {
                tieOrder[position] = position;
            }
            for (int position = tieOrder.length - 1; position > 0; position--) {
                int other = random.nextInt(position + 1);
                int swap = tieOrder[position];
                tieOrder[position] = tieOrder[other];
                tieOrder[other] = swap;
            }
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
