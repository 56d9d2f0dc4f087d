package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CellStatisticsTest {

    @Test
    void summarizesAOneToFiveCell() {
        // given answers 1, 2, 2, 4, 5, 5 and two "don't know"
        int[] histogram = {1, 2, 0, 1, 2};

        // when
        CellStatistics cell = CellStatistics.of(histogram, 2, 1);

        // then mean 19/6; sample variance Σ(x − μ)² / 5 = 14.8333 / 5; median (2 + 4) / 2
        assertThat(cell.n()).isEqualTo(6);
        assertThat(cell.dontKnow()).isEqualTo(2);
        assertThat(cell.mean()).isCloseTo(19.0 / 6, within(1e-12));
        assertThat(cell.sd()).isCloseTo(Math.sqrt((89.0 / 6) / 5), within(1e-12));
        assertThat(cell.median()).isEqualTo(3.0);
        assertThat(cell.lowShare()).isCloseTo(3.0 / 6, within(1e-12));
        assertThat(cell.highShare()).isCloseTo(3.0 / 6, within(1e-12));
        assertThat(cell.consensus()).isEqualTo(Consensus.tastleWierman(histogram));
        assertThat(cell.agreementA()).isEqualTo(VanDerEijk.agreement(histogram));
    }

    @Test
    void meanAndMedianAreInScaleUnits() {
        // given a 0–4 scale and answers 0, 1, 1
        CellStatistics cell = CellStatistics.of(new int[] {1, 2, 0, 0, 0}, 0, 0);

        assertThat(cell.mean()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(cell.median()).isEqualTo(1.0);
    }

    @Test
    void oddCountsTakeTheMiddleAnswer() {
        // answers 3, 3, 4, 5, 5 on 1–5
        CellStatistics cell = CellStatistics.of(new int[] {0, 0, 2, 1, 2}, 0, 1);

        assertThat(cell.median()).isEqualTo(4.0);
    }

    @Test
    void sharesAreStrictlyBelowAndAboveTheMidpointForAnyScale() {
        // given 1–4, midpoint 2.5: 1 and 2 are low, 3 and 4 high
        CellStatistics fourPoints = CellStatistics.of(new int[] {1, 1, 1, 1}, 0, 1);
        // given 1–7, midpoint 4: 1–3 low, 5–7 high, 4 neither
        CellStatistics sevenPoints = CellStatistics.of(new int[] {1, 1, 1, 1, 1, 1, 1}, 0, 1);
        // given 1–2, midpoint 1.5
        CellStatistics twoPoints = CellStatistics.of(new int[] {3, 1}, 0, 1);

        assertThat(fourPoints.lowShare()).isEqualTo(0.5);
        assertThat(fourPoints.highShare()).isEqualTo(0.5);
        assertThat(sevenPoints.lowShare()).isCloseTo(3.0 / 7, within(1e-12));
        assertThat(sevenPoints.highShare()).isCloseTo(3.0 / 7, within(1e-12));
        assertThat(twoPoints.lowShare()).isEqualTo(0.75);
        assertThat(twoPoints.highShare()).isEqualTo(0.25);
    }

    @Test
    void aSingleAnswerHasNoStandardDeviation() {
        CellStatistics cell = CellStatistics.of(new int[] {0, 0, 1, 0, 0}, 0, 1);

        assertThat(cell.mean()).isEqualTo(3.0);
        assertThat(cell.median()).isEqualTo(3.0);
        assertThat(cell.sd()).isNaN();
    }

    @Test
    void anEmptyCellIsUndefined() {
        CellStatistics cell = CellStatistics.of(new int[5], 3, 1);

        assertThat(cell.n()).isZero();
        assertThat(cell.dontKnow()).isEqualTo(3);
        assertThat(cell.mean()).isNaN();
        assertThat(cell.sd()).isNaN();
        assertThat(cell.median()).isNaN();
        assertThat(cell.consensus()).isNaN();
        assertThat(cell.lowShare()).isZero();
        assertThat(cell.highShare()).isZero();
        assertThat(cell.agreementA()).isNaN();
    }

    @Test
    void unanimousCellsAgreeFully() {
        CellStatistics cell = CellStatistics.of(new int[] {0, 0, 0, 9, 0}, 0, 1);

        assertThat(cell.consensus()).isEqualTo(1.0);
        assertThat(cell.agreementA()).isEqualTo(1.0);
    }

    @Test
    void keepsItsOwnCopyOfTheHistogram() {
        // given
        int[] histogram = {1, 2, 3, 4, 5};
        CellStatistics cell = CellStatistics.of(histogram, 0, 1);

        // when both the input and a returned copy are changed
        histogram[0] = 100;
        cell.histogram()[1] = 100;

        // then
        assertThat(cell.histogram()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void equalStatisticsAreEqualDespiteDistinctArrays() {
        CellStatistics first = CellStatistics.of(new int[] {1, 2, 3, 4, 5}, 1, 1);
        CellStatistics second = CellStatistics.of(new int[] {1, 2, 3, 4, 5}, 1, 1);

        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
        assertThat(first).isNotEqualTo(CellStatistics.of(new int[] {1, 2, 3, 5, 4}, 1, 1));
        assertThat(first.toString()).contains("[1, 2, 3, 4, 5]");
    }

    @Test
    void rejectsANumberOfAnswersThatContradictsTheHistogram() {
        assertThatThrownBy(() -> new CellStatistics(3, 0, new int[] {1, 1}, 1, 1, 1, 1, 1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
