package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReferenceDifferenceTest {

    @Test
    void singleFactorHandComputed() {
        // given n = 10, mean 4, sd 1, reference 3: SE = 1/√10, t(0.95, 9) = 1.833113
        DifferenceInterval interval = ReferenceDifference.of(
                new double[] {4}, new double[] {1}, new int[] {10}, new double[] {1}, new double[] {3}, 0.90);

        // then 1 ± 1.833113 · 0.316228 = 1 ± 0.5797
        assertThat(interval.community()).isEqualTo(4.0);
        assertThat(interval.reference()).isEqualTo(3.0);
        assertThat(interval.difference()).isEqualTo(1.0);
        assertThat(interval.low()).isCloseTo(1 - 0.5797, within(1e-4));
        assertThat(interval.high()).isCloseTo(1 + 0.5797, within(1e-4));
    }

    @Test
    void weighsFactorsAndTakesTheSmallestCountForDegreesOfFreedom() {
        // given weights 1:3, means 4 and 2, sds 1 and 2, n 10 and 5, reference 3 and 3
        DifferenceInterval interval = ReferenceDifference.of(
                new double[] {4, 2},
                new double[] {1, 2},
                new int[] {10, 5},
                new double[] {1, 3},
                new double[] {3, 3},
                0.90);

        // then community 0.25·4 + 0.75·2 = 2.5; SE² = 0.0625·1/10 + 0.5625·4/5 = 0.45625; t(0.95, 4) = 2.131847
        double halfWidth = 2.131847 * Math.sqrt(0.45625);
        assertThat(interval.community()).isCloseTo(2.5, within(1e-12));
        assertThat(interval.reference()).isCloseTo(3.0, within(1e-12));
        assertThat(interval.difference()).isCloseTo(-0.5, within(1e-12));
        assertThat(interval.low()).isCloseTo(-0.5 - halfWidth, within(1e-5));
        assertThat(interval.high()).isCloseTo(-0.5 + halfWidth, within(1e-5));
    }

    @Test
    void factorsWithoutVotesAreLeftOutAndTheRestReweighted() {
        // given factor 1 has no votes (its mean and sd are NaN)
        DifferenceInterval interval = ReferenceDifference.of(
                new double[] {4, Double.NaN},
                new double[] {1, Double.NaN},
                new int[] {10, 0},
                new double[] {1, 1},
                new double[] {3, 5},
                0.90);

        // then only factor 0 counts, for the reference as well
        assertThat(interval.community()).isEqualTo(4.0);
        assertThat(interval.reference()).isEqualTo(3.0);
        assertThat(interval.low()).isCloseTo(1 - 0.5797, within(1e-4));
    }

    @Test
    void noVotesAtAllIsUndefined() {
        DifferenceInterval interval = ReferenceDifference.of(
                new double[] {Double.NaN},
                new double[] {Double.NaN},
                new int[] {0},
                new double[] {1},
                new double[] {3},
                0.90);

        assertThat(interval.community()).isNaN();
        assertThat(interval.reference()).isNaN();
        assertThat(interval.difference()).isNaN();
        assertThat(interval.low()).isNaN();
        assertThat(interval.high()).isNaN();
    }

    @Test
    void oneVoteGivesADifferenceButNoInterval() {
        DifferenceInterval interval = ReferenceDifference.of(
                new double[] {5}, new double[] {Double.NaN}, new int[] {1}, new double[] {1}, new double[] {3}, 0.90);

        assertThat(interval.difference()).isEqualTo(2.0);
        assertThat(interval.low()).isNaN();
        assertThat(interval.high()).isNaN();
    }

    @Test
    void rejectsMismatchedArraysAndImpossibleConfidence() {
        assertThatThrownBy(() -> ReferenceDifference.of(
                        new double[] {4}, new double[] {1}, new int[] {10}, new double[] {1, 1}, new double[] {3}, 0.9))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReferenceDifference.of(
                        new double[] {4}, new double[] {1}, new int[] {10}, new double[] {1}, new double[] {3}, 1.0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
