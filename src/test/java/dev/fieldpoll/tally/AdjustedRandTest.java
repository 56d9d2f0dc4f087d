package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AdjustedRandTest {

    @Test
    void theSamePartitionUnderOtherLabelsScoresOne() {
        assertThat(AdjustedRand.of(new int[] {0, 0, 1, 1, 2}, new int[] {2, 2, 0, 0, 1}))
                .isEqualTo(1);
    }

    @Test
    void crossedPartitionsScoreBelowChance() {
        // every pair together in one partition is apart in the other: (0 − 2/3) / (2 − 2/3)
        assertThat(AdjustedRand.of(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}))
                .isCloseTo(-0.5, within(1e-12));
    }

    @Test
    void unplacedItemsAreLeftOut() {
        assertThat(AdjustedRand.of(new int[] {0, 0, 1, 1, 0}, new int[] {1, 1, 0, 0, -1}))
                .isEqualTo(1);
    }
}
