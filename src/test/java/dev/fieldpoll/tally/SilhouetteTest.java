package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SilhouetteTest {

    @Test
    void twoTightPairsFarApartScoreNearOne() {
        // pairs at 0 and 1, and at 100 and 101, on a line
        double[] points = {0, 1, 100, 101};

        double silhouette = Silhouette.of(points, 4, 1, new int[] {0, 0, 1, 1}, 2);

        // each point: a = 1, b = 100.5 (or 99.5 and 100.5): s = 1 - a / b
        double expected = ((1 - 1 / 100.5) + (1 - 1 / 99.5) + (1 - 1 / 99.5) + (1 - 1 / 100.5)) / 4;
        assertThat(silhouette).isCloseTo(expected, within(1e-12));
    }

    @Test
    void aBadSplitScoresBelowAGoodOne() {
        double[] points = {0, 1, 100, 101};

        double bad = Silhouette.of(points, 4, 1, new int[] {0, 1, 0, 1}, 2);

        assertThat(bad).isLessThan(0);
    }

    @Test
    void aPointAloneInItsGroupScoresZero() {
        double[] points = {0, 10, 11};

        double silhouette = Silhouette.of(points, 3, 1, new int[] {0, 1, 1}, 2);

        // point 0 scores 0; points 1 and 2: a = 1, b = 10 and 11
        assertThat(silhouette).isCloseTo((0 + (1 - 1 / 10.0) + (1 - 1 / 11.0)) / 3, within(1e-12));
    }
}
