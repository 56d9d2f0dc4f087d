package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PackedBallotsTest {

    @Test
    void addsDrawnBallotsLikeAPlainSum() {
        // given 300 voters on a 5-point scale, drawn 0 to 3 times each
        VoteMatrix votes = randomVotes(300, 3, 2, 5, 1);
        int[] timesDrawn = randomTimes(300, 4, 2);

        assertThat(packedTotals(votes, 5, timesDrawn)).containsExactly(plainTotals(votes, timesDrawn));
    }

    @Test
    void splitsIntoBlocksBeforeALaneOverflows() {
        // given a 7-point scale: 65,535 / 7 = 9,362 draws per block, and 30,000 draws of mostly 7s
        VoteMatrix votes = randomVotes(10_000, 2, 3, 7, 3);
        int[] timesDrawn = new int[10_000];
        Arrays.fill(timesDrawn, 3);

        assertThat(packedTotals(votes, 7, timesDrawn)).containsExactly(plainTotals(votes, timesDrawn));
    }

    @Test
    void addsAVoterDrawnTooOftenForALaneUnpacked() {
        // given a 127-point scale, where a block holds only 516 draws, and one voter drawn 2,000 times
        VoteMatrix votes = randomVotes(5, 2, 2, 127, 4);
        int[] timesDrawn = {3, 2000, 0, 516, 1};

        assertThat(packedTotals(votes, 127, timesDrawn)).containsExactly(plainTotals(votes, timesDrawn));
    }

    private static int[] packedTotals(VoteMatrix votes, int scalePoints, int[] timesDrawn) {
        int[] totals = new int[2 * votes.fields() * votes.factors()];
        PackedBallots.of(votes, scalePoints).addDrawn(timesDrawn, totals);
        return totals;
    }

    /** Cell sums of score indexes, then cell counts, added vote by vote. */
    private static int[] plainTotals(VoteMatrix votes, int[] timesDrawn) {
        int cells = votes.fields() * votes.factors();
        int[] totals = new int[2 * cells];
        for (int voter = 0; voter < votes.voters(); voter++) {
            for (int field = 0; field < votes.fields(); field++) {
                for (int factor = 0; factor < votes.factors(); factor++) {
                    int scoreIndex = votes.scoreIndex(voter, field, factor);
                    int cell = field * votes.factors() + factor;
                    totals[cell] += timesDrawn[voter] * scoreIndex;
                    totals[cells + cell] += scoreIndex > 0 ? timesDrawn[voter] : 0;
                }
            }
        }
        return totals;
    }

    /** Random scores, biased to the top of the scale so that lanes fill up, with some cells empty. */
    private static VoteMatrix randomVotes(int voters, int fields, int factors, int scalePoints, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        VoteMatrix.Builder builder = new VoteMatrix.Builder(fields, factors, 1);
        for (int i = 0; i < voters; i++) {
            int voter = builder.addVoter();
            for (int field = 0; field < fields; field++) {
                for (int factor = 0; factor < factors; factor++) {
                    if (random.nextInt(8) > 0) {
                        builder.set(voter, field, factor, Math.max(1, scalePoints - random.nextInt(3)));
                    }
                }
            }
        }
        return builder.build();
    }

    private static int[] randomTimes(int voters, int bound, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] times = new int[voters];
        for (int voter = 0; voter < voters; voter++) {
            times[voter] = random.nextInt(bound);
        }
        return times;
    }
}
