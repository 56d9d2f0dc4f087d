package dev.fieldpoll.tally;

import static dev.fieldpoll.tally.BootstrapFixtures.SCALE_MIN;
import static dev.fieldpoll.tally.BootstrapFixtures.SCALE_POINTS;
import static dev.fieldpoll.tally.BootstrapFixtures.equalWeights;
import static dev.fieldpoll.tally.BootstrapFixtures.noisyVotes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class RankBootstrapTest {

    private static final double[] WEIGHTS = equalWeights(2);

    @Test
    void theSameSeedGivesTheSameIntervals() {
        VoteMatrix votes = noisyVotes(40, 6, 1);

        RankIntervals first = RankBootstrap.run(votes, WEIGHTS, SCALE_MIN, SCALE_POINTS, 500, 42);
        RankIntervals second = RankBootstrap.run(votes, WEIGHTS, SCALE_MIN, SCALE_POINTS, 500, 42);

        assertThat(first).isEqualTo(second);
    }

    @Test
    void theSeedMatters() {
        VoteMatrix votes = noisyVotes(40, 6, 1);

        RankIntervals first = RankBootstrap.run(votes, WEIGHTS, SCALE_MIN, SCALE_POINTS, 500, 42);
        RankIntervals other = RankBootstrap.run(votes, WEIGHTS, SCALE_MIN, SCALE_POINTS, 500, 43);

        assertThat(first.probabilityAbove()).isNotEqualTo(other.probabilityAbove());
    }

    @Test
    void resultsDoNotDependOnHowManyThreadsShareTheWork() throws Exception {
        // given
        VoteMatrix votes = noisyVotes(200, 7, 2);

        // when run by pools of one and of three workers
        RankIntervals alone = runIn(new ForkJoinPool(1), votes);
        RankIntervals shared = runIn(new ForkJoinPool(3), votes);

        // then
        assertThat(alone).isEqualTo(shared);
    }

    @Test
    void matchesAPlainSequentialResampling() {
        // given a 7-point scale and enough high scores that the packed sums need several blocks
        VoteMatrix votes = highSevenPointVotes(15_000);
        int resamples = 40;

        // when
        RankIntervals fast = RankBootstrap.run(votes, new double[] {1, 2}, 1, 7, resamples, 9);

        // then it equals the same resamples summed vote by vote
        assertThat(fast).isEqualTo(plainBootstrap(votes, new double[] {1, 2}, 1, 7, resamples, 9));
    }

    @Test
    void matchesAPlainSequentialResamplingWhereRanksVary() {
        // given few noisy voters, so ranks move between resamples
        VoteMatrix votes = noisyVotes(60, 6, 10);

        // when
        RankIntervals fast = RankBootstrap.run(votes, WEIGHTS, SCALE_MIN, SCALE_POINTS, 300, 3);

        // then
        assertThat(fast.low()).isNotEqualTo(fast.high());
        assertThat(fast).isEqualTo(plainBootstrap(votes, WEIGHTS, SCALE_MIN, SCALE_POINTS, 300, 3));
    }

    @Test
    void identicalBallotsLeaveNoRoomInTheRanking() {
        // given 40 voters with the same ballot
        VoteMatrix.Builder builder = new VoteMatrix.Builder(4, 2, SCALE_MIN);
        for (int i = 0; i < 40; i++) {
            int voter = builder.addVoter();
            builder.set(voter, 0, 0, 2).set(voter, 0, 1, 3);
            builder.set(voter, 1, 0, 5).set(voter, 1, 1, 4);
            builder.set(voter, 2, 0, 1);
            builder.set(voter, 3, 0, 4).set(voter, 3, 1, 4);
        }

        // when
        RankIntervals intervals = RankBootstrap.run(builder.build(), WEIGHTS, SCALE_MIN, SCALE_POINTS, 200, 5);

        // then every interval has zero width, at the ranks of the full data
        double[] pointScores = FieldScores.shrunk(
                new double[][] {{80, 120}, {200, 160}, {40, 0}, {160, 160}},
                new int[][] {{40, 40}, {40, 40}, {40, 0}, {40, 40}},
                WEIGHTS,
                FieldScores.PRIOR_VOTES,
                3);
        assertThat(intervals.low()).isEqualTo(intervals.high()).isEqualTo(Ranking.ranks(pointScores));
        assertThat(intervals.low()).containsExactly(3, 1, 4, 2);
        assertThat(intervals.probabilityAbove()[1][3]).isEqualTo(1.0);
        assertThat(intervals.probabilityAbove()[3][1]).isEqualTo(0.0);
    }

    @Test
    void exactlyTiedFieldsAreATossUpNotAnOrder() {
        // given two fields with identical votes and a third clearly behind
        VoteMatrix.Builder builder = new VoteMatrix.Builder(3, 2, SCALE_MIN);
        for (int i = 0; i < 30; i++) {
            int voter = builder.addVoter();
            builder.set(voter, 0, 0, 4).set(voter, 0, 1, 4);
            builder.set(voter, 1, 0, 4).set(voter, 1, 1, 4);
            builder.set(voter, 2, 0, 1).set(voter, 2, 1, 1);
        }

        // when
        RankIntervals intervals = RankBootstrap.run(builder.build(), WEIGHTS, SCALE_MIN, SCALE_POINTS, 1000, 7);

        // then each of the tied pair may be first or second, about half the time each
        assertThat(intervals.probabilityAbove()[0][1]).isBetween(0.4, 0.6);
        assertThat(intervals.low()).containsExactly(1, 1, 3);
        assertThat(intervals.high()).containsExactly(2, 2, 3);
        assertThat(TieDetection.tiedWithNext(new int[] {0, 1, 2}, intervals.probabilityAbove()))
                .containsExactly(true, false, false);
    }

    @Test
    void moreVotersNarrowTheIntervals() {
        // given the same kind of voters, 30 of them and 3000 of them
        RankIntervals few = RankBootstrap.run(noisyVotes(30, 6, 3), WEIGHTS, SCALE_MIN, SCALE_POINTS, 300, 11);
        RankIntervals many = RankBootstrap.run(noisyVotes(3000, 6, 3), WEIGHTS, SCALE_MIN, SCALE_POINTS, 300, 11);

        // then
        assertThat(averageWidth(many)).isLessThan(averageWidth(few));
        assertThat(averageWidth(few)).isGreaterThan(1);
    }

    @Test
    void aClearlyDominantFieldIsSurelyFirst() {
        // given field 0 always gets 5s, the others 1s to 3s
        SplittableRandom random = new SplittableRandom(4);
        VoteMatrix.Builder builder = new VoteMatrix.Builder(5, 2, SCALE_MIN);
        for (int i = 0; i < 50; i++) {
            int voter = builder.addVoter();
            for (int factor = 0; factor < 2; factor++) {
                builder.set(voter, 0, factor, 5);
                for (int field = 1; field < 5; field++) {
                    builder.set(voter, field, factor, 1 + random.nextInt(3));
                }
            }
        }

        // when
        RankIntervals intervals = RankBootstrap.run(builder.build(), WEIGHTS, SCALE_MIN, SCALE_POINTS, 1000, 6);

        // then
        assertThat(intervals.low()[0]).isEqualTo(1);
        assertThat(intervals.high()[0]).isEqualTo(1);
        for (int other = 1; other < 5; other++) {
            assertThat(intervals.probabilityAbove()[0][other]).isGreaterThanOrEqualTo(0.99);
            assertThat(intervals.low()[other]).isGreaterThan(1);
        }
    }

    @Test
    void pairwiseProbabilitiesAreComplementary() {
        RankIntervals intervals = RankBootstrap.run(noisyVotes(25, 5, 8), WEIGHTS, SCALE_MIN, SCALE_POINTS, 400, 1);

        double[][] above = intervals.probabilityAbove();
        for (int a = 0; a < 5; a++) {
            assertThat(above[a][a]).isZero();
            for (int b = a + 1; b < 5; b++) {
                assertThat(above[a][b] + above[b][a]).isEqualTo(1.0);
            }
        }
    }

    @Test
    void withoutVotersEveryFieldSitsAtItsFallbackRankAndEveryPairIsAToss() {
        VoteMatrix empty = new VoteMatrix.Builder(3, 2, SCALE_MIN).build();

        RankIntervals intervals = RankBootstrap.run(empty, WEIGHTS, SCALE_MIN, SCALE_POINTS, 100, 1);

        assertThat(intervals.low()).containsExactly(1, 2, 3);
        assertThat(intervals.high()).containsExactly(1, 2, 3);
        assertThat(intervals.probabilityAbove())
                .isEqualTo(new double[][] {{0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}});
    }

    @Test
    void rejectsMismatchedWeightsAndScoresBeyondTheScale() {
        VoteMatrix votes = new VoteMatrix(1, 1, 2, new byte[] {5, 6});
        assertThatThrownBy(() -> RankBootstrap.run(votes, new double[] {1}, 1, 7, 10, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RankBootstrap.run(votes, WEIGHTS, 1, 5, 10, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RankBootstrap.run(votes, WEIGHTS, 1, 7, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static RankIntervals runIn(ForkJoinPool pool, VoteMatrix votes) throws Exception {
        try {
            return pool.submit(() -> RankBootstrap.run(votes, WEIGHTS, SCALE_MIN, SCALE_POINTS, 300, 77))
                    .get();
        } finally {
            pool.shutdown();
        }
    }

    private static double averageWidth(RankIntervals intervals) {
        double total = 0;
        for (int field = 0; field < intervals.fields(); field++) {
            total += intervals.high()[field] - intervals.low()[field];
        }
        return total / intervals.fields();
    }

    /** Scores 1–3, 3–5 and 5–7 for fields 0, 1, 2 (field 2's sums pass 65,535), one cell in ten left empty. */
    private static VoteMatrix highSevenPointVotes(int voters) {
        SplittableRandom random = new SplittableRandom(12);
        VoteMatrix.Builder builder = new VoteMatrix.Builder(3, 2, 1);
        for (int i = 0; i < voters; i++) {
            int voter = builder.addVoter();
            for (int field = 0; field < 3; field++) {
                for (int factor = 0; factor < 2; factor++) {
                    if (random.nextInt(10) > 0) {
                        builder.set(voter, field, factor, 1 + 2 * field + random.nextInt(3));
                    }
                }
            }
        }
        return builder.build();
    }

    /** The bootstrap written the obvious way: same draws, sums vote by vote, sorted percentiles. */
    private static RankIntervals plainBootstrap(
            VoteMatrix votes, double[] weights, int scaleMin, int scalePoints, int resamples, long seed) {
        int fields = votes.fields();
        int[][] ranks = new int[resamples][];
        for (int resample = 0; resample < resamples; resample++) {
            SplittableRandom random = new SplittableRandom(RankBootstrap.resampleSeed(seed, resample));
            double[][] sums = new double[fields][votes.factors()];
            int[][] counts = new int[fields][votes.factors()];
            for (int draw = 0; draw < votes.voters(); draw++) {
                int voter = Resampler.uniformBelow(random, votes.voters());
                for (int field = 0; field < fields; field++) {
                    for (int factor = 0; factor < votes.factors(); factor++) {
                        int scoreIndex = votes.scoreIndex(voter, field, factor);
                        if (scoreIndex > 0) {
                            sums[field][factor] += scoreIndex + scaleMin - 1;
                            counts[field][factor]++;
                        }
                    }
                }
            }
            double midpoint = scaleMin + (scalePoints - 1) / 2.0;
            int[] tieOrder = new int[fields];
            for (int field = 0; field < fields; field++) {
                tieOrder[field] = field;
            }
            for (int field = fields - 1; field > 0; field--) {
                int other = random.nextInt(field + 1);
                int swap = tieOrder[field];
                tieOrder[field] = tieOrder[other];
                tieOrder[other] = swap;
            }
            ranks[resample] = new int[fields];
            Ranking.ranksInto(FieldScores.shrunk(sums, counts, weights, 3, midpoint), tieOrder, ranks[resample]);
        }
        int[] low = new int[fields];
        int[] high = new int[fields];
        double[][] above = new double[fields][fields];
        for (int field = 0; field < fields; field++) {
            int[] sorted = new int[resamples];
            for (int resample = 0; resample < resamples; resample++) {
                sorted[resample] = ranks[resample][field];
            }
            Arrays.sort(sorted);
            // nearest rank: the ⌈p·B⌉-th smallest; 40 resamples → the 2nd and the 38th
            low[field] = sorted[(5 * resamples + 99) / 100 - 1];
            high[field] = sorted[(95 * resamples + 99) / 100 - 1];
            for (int other = 0; other < fields; other++) {
                int timesAbove = 0;
                for (int resample = 0; resample < resamples; resample++) {
                    timesAbove += ranks[resample][field] < ranks[resample][other] ? 1 : 0;
                }
                above[field][other] = (double) timesAbove / resamples;
            }
        }
        return new RankIntervals(low, high, above);
    }
}
