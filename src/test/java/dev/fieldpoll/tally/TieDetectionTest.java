package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TieDetectionTest {

    @Test
    void neighboursWithinTwentyAndEightyPercentAreTied() {
        // given fields in rank order 2, 0, 1, 3
        double[][] above = new double[4][4];
        above[2][0] = 0.79; // tied
        above[0][1] = 0.8; // clear: the bounds are exclusive
        above[1][3] = 0.2; // exclusive below too
        int[] order = {2, 0, 1, 3};

        // when
        boolean[] tied = TieDetection.tiedWithNext(order, above);

        // then
        assertThat(tied).containsExactly(true, false, false, false);
    }

    @Test
    void readsTheProbabilityOfTheUpperFieldAboveTheLowerOne() {
        // given P(0 above 1) = 0.5 but P(1 above 0) recorded as 0.95
        double[][] above = {{0, 0.5}, {0.95, 0}};

        assertThat(TieDetection.tiedWithNext(new int[] {0, 1}, above)).containsExactly(true, false);
        assertThat(TieDetection.tiedWithNext(new int[] {1, 0}, above)).containsExactly(false, false);
    }

    @Test
    void theLastPositionIsNeverTied() {
        assertThat(TieDetection.tiedWithNext(new int[] {0}, new double[][] {{0}}))
                .containsExactly(false);
        assertThat(TieDetection.tiedWithNext(new int[0], new double[0][])).isEmpty();
    }
}
