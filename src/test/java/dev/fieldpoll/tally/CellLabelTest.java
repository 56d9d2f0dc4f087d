package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CellLabelTest {

    @Test
    void fewerThanFiveAnswersAreTooFewWhateverTheirSpread() {
        // given four answers that would otherwise be a consensus
        // when / then
        assertThat(CellLabel.classify(4, 1.0, 0, 0)).isEqualTo(CellLabel.TOO_FEW);
        assertThat(CellLabel.classify(0, Double.NaN, 0, 0)).isEqualTo(CellLabel.TOO_FEW);
        assertThat(CellLabel.MIN_VOTERS_FOR_LABEL).isEqualTo(5);
    }

    @Test
    void lowConsensusWithBothEndsCrowdedIsPolarized() {
        assertThat(CellLabel.classify(5, 0.59, 0.25, 0.25)).isEqualTo(CellLabel.POLARIZED);
    }

    @Test
    void lowConsensusWithOneQuietEndIsContested() {
        assertThat(CellLabel.classify(5, 0.59, 0.24, 0.5)).isEqualTo(CellLabel.CONTESTED);
        assertThat(CellLabel.classify(5, 0.59, 0.5, 0.24)).isEqualTo(CellLabel.CONTESTED);
    }

    @Test
    void crowdedEndsWithEnoughConsensusAreNotPolarized() {
        assertThat(CellLabel.classify(5, 0.6, 0.4, 0.4)).isEqualTo(CellLabel.MIXED);
    }

    @Test
    void consensusStartsAtPointEight() {
        assertThat(CellLabel.classify(5, 0.8, 0, 0)).isEqualTo(CellLabel.CONSENSUS);
        assertThat(CellLabel.classify(5, 0.7999, 0, 0)).isEqualTo(CellLabel.MIXED);
    }

    @Test
    void keywordsAreTheWordsReportsShow() {
        assertThat(CellLabel.TOO_FEW.keyword()).isEqualTo("too-few");
        assertThat(CellLabel.POLARIZED.keyword()).isEqualTo("polarized");
        assertThat(CellLabel.CONTESTED.keyword()).isEqualTo("contested");
        assertThat(CellLabel.CONSENSUS.keyword()).isEqualTo("consensus");
        assertThat(CellLabel.MIXED.keyword()).isEqualTo("mixed");
    }

    @Test
    void rejectsImpossibleInputs() {
        assertThatThrownBy(() -> CellLabel.classify(-1, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CellLabel.classify(5, 1, 1.5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CellLabel.classify(5, Double.NaN, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
