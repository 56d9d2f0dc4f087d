package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FieldScoresTest {

    private static final double MIDPOINT = 3;

    @Test
    void cellMeansArePulledTowardsTheFactorsPollWideMean() {
        // given one factor: field 0 has four 5s, field 1 four 1s; poll-wide mean C = 24 / 8 = 3
        double[][] sums = {{20}, {4}};
        int[][] counts = {{4}, {4}};

        // when
        double[][] means = FieldScores.shrunkMeans(sums, counts, FieldScores.PRIOR_VOTES, MIDPOINT);

        // then (sum + 3·C) / (n + 3)
        assertThat(means[0][0]).isCloseTo(29.0 / 7, within(1e-12));
        assertThat(means[1][0]).isCloseTo(13.0 / 7, within(1e-12));
    }

    @Test
    void fewVotesArePulledHarderThanMany() {
        // given two fields with the same raw mean 5 but 2 vs 50 votes, and a field of 1s
        double[][] sums = {{10}, {250}, {50}};
        int[][] counts = {{2}, {50}, {50}};

        // when
        double[] scores = FieldScores.shrunk(sums, counts, new double[] {1}, FieldScores.PRIOR_VOTES, MIDPOINT);

        // then the well-supported field ranks above the barely supported one
        assertThat(scores[1]).isGreaterThan(scores[0]);
    }

    @Test
    void anEmptyCellGetsThePollWideMeanOfItsFactor() {
        double[][] sums = {{8}, {0}};
        int[][] counts = {{2}, {0}};

        double[][] means = FieldScores.shrunkMeans(sums, counts, 3, MIDPOINT);

        assertThat(means[1][0]).isEqualTo(4.0);
    }

    @Test
    void aFactorNobodyScoredFallsBackToTheMidpoint() {
        // given factor 1 has no votes anywhere
        double[][] sums = {{10, 0}, {6, 0}};
        int[][] counts = {{2, 0}, {2, 0}};

        double[][] means = FieldScores.shrunkMeans(sums, counts, 3, MIDPOINT);

        assertThat(means[0][1]).isEqualTo(MIDPOINT);
        assertThat(means[1][1]).isEqualTo(MIDPOINT);
    }

    @Test
    void fieldScoreIsTheWeightedSumWithWeightsNormalized() {
        // given one vote per cell; both factors have C = 3, so shrunk means are (x + 9) / 4:
        // field 0: 2.75 and 3.25, field 1: 3.25 and 2.75
        double[][] sums = {{2, 4}, {4, 2}};
        int[][] counts = {{1, 1}, {1, 1}};

        // when weighting 1:3, and 2:6 (same after normalizing)
        double[] scores = FieldScores.shrunk(sums, counts, new double[] {1, 3}, 3, MIDPOINT);
        double[] scaled = FieldScores.shrunk(sums, counts, new double[] {2, 6}, 3, MIDPOINT);

        // then
        assertThat(scores).containsExactly(new double[] {3.125, 2.875}, within(1e-12));
        assertThat(scaled).containsExactly(scores, within(1e-12));
    }

    @Test
    void normalizedWeightsSumToOne() {
        assertThat(FieldScores.normalized(new double[] {1, 0, 3})).containsExactly(0.25, 0, 0.75);
    }

    @Test
    void rejectsWeightsAndPriorsThatCannotWork() {
        double[][] sums = {{1}};
        int[][] counts = {{1}};
        assertThatThrownBy(() -> FieldScores.shrunk(sums, counts, new double[] {0}, 3, MIDPOINT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FieldScores.shrunk(sums, counts, new double[] {-1}, 3, MIDPOINT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FieldScores.shrunk(sums, counts, new double[] {1}, 0, MIDPOINT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FieldScores.shrunk(sums, counts, new double[] {1, 1}, 3, MIDPOINT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
