package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CellAgreementTest {

    @Test
    void estimatesAreThePlainMeasuresAndErrorsShrinkWithMoreAnswers() {
        CellAgreement small = CellAgreement.of(new int[] {2, 3, 4, 3, 2}, 1000, 1);
        CellAgreement large = CellAgreement.of(new int[] {200, 300, 400, 300, 200}, 1000, 1);

        assertThat(small.consensus()).isEqualTo(Consensus.tastleWierman(new int[] {2, 3, 4, 3, 2}));
        assertThat(small.agreementA()).isEqualTo(VanDerEijk.agreement(new int[] {2, 3, 4, 3, 2}));
        assertThat(large.consensus()).isCloseTo(small.consensus(), within(1e-12));
        // a hundred times the answers: a tenth of the standard error
        assertThat(large.consensusSe() / small.consensusSe()).isCloseTo(0.1, within(0.03));
        assertThat(small.agreementASe()).isPositive();
    }

    @Test
    void unanimousAnswersHaveNoSpread() {
        CellAgreement unanimous = CellAgreement.of(new int[] {0, 0, 0, 12, 0}, 500, 4);

        assertThat(unanimous.consensus()).isEqualTo(1.0);
        assertThat(unanimous.consensusSe()).isZero();
        assertThat(unanimous.agreementASe()).isZero();
    }

    @Test
    void theSameSeedGivesTheSameErrors() {
        int[] histogram = {5, 1, 0, 2, 6};

        assertThat(CellAgreement.of(histogram, 300, 9)).isEqualTo(CellAgreement.of(histogram, 300, 9));
    }
}
