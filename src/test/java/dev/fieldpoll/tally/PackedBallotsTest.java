package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PackedBallotsTest {

    @Test
    void addsDrawnBallotsLikeAPlainSum() {
        // given 300 voters on a 5-point scale, drawn 0 to 3 times each
        EligibleBallots ballots = randomBallots(300, 6, 5, 1);
        int[] timesDrawn = randomTimes(ballots.voters(), 4, 2);

        assertThat(packedSums(ballots, timesDrawn)).containsExactly(plainSums(ballots, timesDrawn));
    }

    @Test
    void splitsIntoBlocksBeforeALaneOverflows() {
        // given a 7-point scale: 65,535 / 7 = 9,362 draws per block, and 30,000 draws
        EligibleBallots ballots = randomBallots(10_000, 6, 7, 3);
        int[] timesDrawn = new int[ballots.voters()];
        Arrays.fill(timesDrawn, 3);

        assertThat(packedSums(ballots, timesDrawn)).containsExactly(plainSums(ballots, timesDrawn));
    }

    @Test
    void addsAVoterDrawnTooOftenForALaneUnpacked() {
        // given a 127-point scale, where a block holds only 516 draws, and one voter drawn 2,000 times
        EligibleBallots ballots = randomBallots(5, 4, 127, 4);
        int[] timesDrawn = {3, 2000, 0, 516, 1};

        assertThat(packedSums(ballots, timesDrawn)).containsExactly(plainSums(ballots, timesDrawn));
    }

    private static long[] packedSums(EligibleBallots ballots, int[] timesDrawn) {
        long[] sums = new long[ballots.columns()];
        PackedBallots.of(ballots).addDrawn(timesDrawn, sums);
        return sums;
    }

    private static long[] plainSums(EligibleBallots ballots, int[] timesDrawn) {
        long[] sums = new long[ballots.columns()];
        for (int voter = 0; voter < ballots.voters(); voter++) {
            for (int column = 0; column < ballots.columns(); column++) {
                sums[column] += (long) timesDrawn[voter] * ballots.scoreIndex(voter, column);
            }
        }
        return sums;
    }

    /** Every voter scores every cell (so all are eligible and kept), mostly near the top. */
    private static EligibleBallots randomBallots(int voters, int cells, int points, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        VoteMatrix.Builder builder = new VoteMatrix.Builder(cells, 1, 1);
        for (int i = 0; i < voters; i++) {
            int voter = builder.addVoter();
            for (int cell = 0; cell < cells; cell++) {
                builder.set(voter, cell, 0, random.nextInt(4) == 0 ? 1 + random.nextInt(points) : points);
            }
        }
        return EligibleBallots.of(builder.build(), points, 1);
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
