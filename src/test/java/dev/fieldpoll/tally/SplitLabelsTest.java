package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SplitLabelsTest {

    private static final int ENOUGH = 40;

    @Test
    void clearCasesGetTheirLabels() {
        CellAgreement[] cells = {
            new CellAgreement(0.05, 0.03, -0.9, 0.15), // two camps
            new CellAgreement(0.40, 0.05, 0.30, 0.05), // one spread-out crowd, clearly under .6
            new CellAgreement(0.90, 0.02, 0.80, 0.05), // clearly above .8
            new CellAgreement(0.70, 0.05, 0.50, 0.05), // in between
        };

        CellLabel[] labels = SplitLabels.label(new int[] {ENOUGH, ENOUGH, ENOUGH, ENOUGH}, cells, 10);

        assertThat(labels)
                .containsExactly(CellLabel.POLARIZED, CellLabel.CONTESTED, CellLabel.CONSENSUS, CellLabel.MIXED);
    }

    @Test
    void anEstimateBelowTheThresholdIsNotEnoughWhenItsIntervalReachesOver() {
        // consensus 0.55 with a standard error of 0.1: "≥ 0.6" cannot be ruled out
        CellLabel[] labels =
                SplitLabels.label(new int[] {ENOUGH}, new CellAgreement[] {new CellAgreement(0.55, 0.1, 0.2, 0.1)}, 10);

        assertThat(labels).containsExactly(CellLabel.MIXED);
    }

    @Test
    void bimodalityMustHoldUpAsWellForPolarized() {
        // clearly contested, but A = −0.05 ± 0.2 does not show two camps
        CellLabel[] labels = SplitLabels.label(
                new int[] {ENOUGH}, new CellAgreement[] {new CellAgreement(0.2, 0.02, -0.05, 0.2)}, 10);

        assertThat(labels).containsExactly(CellLabel.CONTESTED);
    }

    @Test
    void thinCellsAndCellsThatDoNotCountAreTooFew() {
        CellAgreement clear = new CellAgreement(0.05, 0.01, -1, 0.01);

        CellLabel[] labels = SplitLabels.label(new int[] {9, 10, 40}, new CellAgreement[] {clear, clear, null}, 10);

        assertThat(labels).containsExactly(CellLabel.TOO_FEW, CellLabel.POLARIZED, CellLabel.TOO_FEW);
    }

    @Test
    void falseDiscoveriesAreControlledAcrossCells() {
        // one cell at z = −2.0 (p ≈ 0.023) among 19 unremarkable ones: alone, it would pass at 5%
        CellAgreement[] cells = new CellAgreement[20];
        int[] scored = new int[20];
        for (int cell = 0; cell < 20; cell++) {
            cells[cell] = new CellAgreement(0.7, 0.05, 0.4, 0.05);
            scored[cell] = ENOUGH;
        }
        cells[3] = new CellAgreement(0.5, 0.05, 0.2, 0.05);

        assertThat(SplitLabels.label(scored, cells, 10)[3]).isEqualTo(CellLabel.MIXED);
        assertThat(SplitLabels.label(new int[] {ENOUGH}, new CellAgreement[] {cells[3]}, 10)[0])
                .isEqualTo(CellLabel.CONTESTED);
    }

    @Test
    void aMeasureWithoutSpreadIsDecidedByItsEstimate() {
        assertThat(SplitLabels.lowerTail(0.3, 0, 0.6)).isZero();
        assertThat(SplitLabels.lowerTail(0.9, 0, 0.6)).isEqualTo(1.0);
        assertThat(SplitLabels.lowerTail(Double.NaN, 0.1, 0.6)).isNaN();
    }
}
