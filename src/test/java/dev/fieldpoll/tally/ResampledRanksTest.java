package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResampledRanksTest {

    @Test
    void percentilesAreNearestRanks() {
        // given 20 resamples of two fields; field 0 is second in the last two
        int[] rankTable = new int[40];
        for (int resample = 0; resample < 20; resample++) {
            boolean swapped = resample >= 18;
            rankTable[2 * resample] = swapped ? 2 : 1;
            rankTable[2 * resample + 1] = swapped ? 1 : 2;
        }

        // when
        RankIntervals intervals = ResampledRanks.summarize(rankTable, 2, 20);

        // then the 5th percentile is the 1st smallest of 20, the 95th the 19th: field 0's sorted
        // ranks are 1 ×18, 2, 2, so its 95th is 2; field 1's are 1, 1, 2 ×18, so its 5th is 1
        assertThat(intervals.low()).containsExactly(1, 1);
        assertThat(intervals.high()).containsExactly(2, 2);
        assertThat(intervals.probabilityAbove()[0][1]).isEqualTo(0.9);
        assertThat(intervals.probabilityAbove()[1][0]).isEqualTo(0.1);
    }

    @Test
    void aSingleOutlierAmongTwentyDoesNotWidenTheInterval() {
        // given field 0 is second only once in 20 resamples
        int[] timesAtRank = {19, 1};

        // then the 95th percentile (19th smallest) is still rank 1
        assertThat(ResampledRanks.nearestRankPercentile(timesAtRank, 20, 95)).isEqualTo(1);
        assertThat(ResampledRanks.nearestRankPercentile(timesAtRank, 20, 5)).isEqualTo(1);
        assertThat(ResampledRanks.nearestRankPercentile(new int[] {0, 1}, 1, 5)).isEqualTo(2);
    }
}
