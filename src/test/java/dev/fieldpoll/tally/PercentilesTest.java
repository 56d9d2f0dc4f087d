package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankPositionsAreValuesThatOccurred() {
        double[] values = new double[1000];
        for (int at = 0; at < values.length; at++) {
            values[at] = 999 - at; // 0..999, reversed
        }

        // the 50th and the 950th smallest
        assertThat(Percentiles.interval(values)).containsExactly(49.0, 949.0);
        assertThat(Percentiles.position(1000, 5)).isEqualTo(50);
        assertThat(Percentiles.position(7, 5)).isEqualTo(1);
    }

    @Test
    void notANumberIsLeftOut() {
        assertThat(Percentiles.interval(new double[] {Double.NaN, 2, Double.NaN}))
                .containsExactly(2.0, 2.0);
        assertThat(Percentiles.interval(new double[] {Double.NaN})).containsExactly(Double.NaN, Double.NaN);
    }

    @Test
    void rankIntervalsCountRanks() {
        int[] ranks = new int[100];
        for (int at = 0; at < ranks.length; at++) {
            ranks[at] = at < 3 ? 1 : at < 96 ? 2 : 3;
        }

        // the 5th smallest is a 2 (only three 1s), the 95th too (four 3s at the top)
        assertThat(Percentiles.rankInterval(ranks, 3)).containsExactly(2, 2);
    }

    @Test
    void twoSidedPValueOfZero() {
        double[] values = new double[99];
        for (int at = 0; at < values.length; at++) {
            values[at] = at < 4 ? -1 : 1;
        }

        // 4 of 99 at or below 0: 2 · (4 + 1) / 100
        assertThat(Percentiles.twoSidedP(values)).isCloseTo(0.1, within(1e-12));
    }
}
