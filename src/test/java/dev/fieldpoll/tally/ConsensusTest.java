package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConsensusTest {

    @Test
    void uniformAnswersOverOneToFiveMatchThePublishedValue() {
        assertThat(Consensus.tastleWierman(new int[] {1, 1, 1, 1, 1})).isCloseTo(0.433985, within(1e-6));
    }

    @Test
    void halfAtEachEndIsNoConsensus() {
        assertThat(Consensus.tastleWierman(new int[] {5, 0, 0, 0, 5})).isCloseTo(0, within(1e-12));
    }

    @Test
    void halfOnTwoNeighboursIsHighConsensus() {
        // 1 + log2(1 - 0.5/4) = 0.807355
        assertThat(Consensus.tastleWierman(new int[] {0, 3, 3, 0, 0})).isCloseTo(0.807355, within(1e-6));
    }

    @Test
    void everyoneOnOneValueIsFullConsensusEvenAtTheEnds() {
        // given everyone at an end, where a careless log2(0) would give NaN
        assertThat(Consensus.tastleWierman(new int[] {7, 0, 0, 0, 0})).isEqualTo(1.0);
        assertThat(Consensus.tastleWierman(new int[] {0, 0, 0, 0, 7})).isEqualTo(1.0);
        assertThat(Consensus.tastleWierman(new int[] {0, 0, 4, 0, 0})).isEqualTo(1.0);
    }

    @Test
    void worksForOtherScaleSizes() {
        // two points, split evenly: maximal disagreement
        assertThat(Consensus.tastleWierman(new int[] {3, 3})).isCloseTo(0, within(1e-12));
        // seven points (positions 0..6), ends only, lopsided 3:1 → μ = 1.5
        // 1 + 0.75·log2(1 − 1.5/6) + 0.25·log2(1 − 4.5/6) = 1 + 0.75·log2(0.75) − 0.5
        double expected = 1 + 0.75 * Math.log(0.75) / Math.log(2) - 0.5;
        assertThat(Consensus.tastleWierman(new int[] {3, 0, 0, 0, 0, 0, 1})).isCloseTo(expected, within(1e-12));
    }

    @Test
    void emptyHistogramHasNoConsensus() {
        assertThat(Consensus.tastleWierman(new int[5])).isNaN();
    }

    @Test
    void rejectsHistogramsThatAreNoScale() {
        assertThatThrownBy(() -> Consensus.tastleWierman(new int[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Consensus.tastleWierman(new int[] {1, -1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
