package dev.fieldpoll.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.report.PollReport.CellReport;
import dev.fieldpoll.report.PollReport.Measure;
import org.junit.jupiter.api.Test;

class SplitStatesTest {

    @Test
    void aCellTurnsContestedOnlyWhenTheReportSaysSo() {
        assertThat(SplitStates.next("mixed", cell("contested", 0.45, 0.3))).isEqualTo("contested");
        assertThat(SplitStates.isNewly("mixed", "contested")).isTrue();
        assertThat(SplitStates.next("mixed", cell("mixed", 0.55, 0.3))).isEqualTo("mixed");
    }

    @Test
    void aSplitCellStaysSplitUntilItsConsensusIsClearlyBack() {
        // last week contested; this week the evidence no longer clears the line, but the estimate is near it
        String hovering = SplitStates.next("contested", cell("mixed", 0.62, 0.3));
        // next week it is labelled contested again: not "newly"
        String again = SplitStates.next(hovering, cell("contested", 0.5, 0.3));

        assertThat(hovering).isEqualTo("contested");
        assertThat(SplitStates.isNewly("contested", again)).isFalse();
        assertThat(SplitStates.next("contested", cell("mixed", 0.66, 0.3))).isEqualTo("mixed");
    }

    @Test
    void polarizedNeedsItsAgreementClearlyAboveZeroToStepDown() {
        assertThat(SplitStates.next("polarized", cell("contested", 0.3, 0.05))).isEqualTo("polarized");
        assertThat(SplitStates.next("polarized", cell("contested", 0.3, 0.2))).isEqualTo("contested");
        assertThat(SplitStates.next("polarized", cell("mixed", 0.7, 0.2))).isEqualTo("mixed");
        assertThat(SplitStates.isNewly("contested", "polarized")).isTrue();
        assertThat(SplitStates.isNewly("polarized", "contested")).isFalse();
    }

    @Test
    void aCellThatNoLongerCountsKeepsItsState() {
        CellReport hidden = new CellReport(
                "f", "F", "x", false, null, null, null, null, null, null, null, null, null, null, "too-few");

        assertThat(SplitStates.next("polarized", hidden)).isEqualTo("polarized");
        assertThat(SplitStates.next(null, hidden)).isEqualTo("too-few");
    }

    private static CellReport cell(String label, double consensus, double agreementA) {
        return new CellReport(
                "f",
                "F",
                "x",
                true,
                12,
                0,
                new int[] {3, 3, 0, 3, 3},
                3.0,
                1.5,
                3.0,
                new Measure(consensus, consensus - 0.1, consensus + 0.1),
                new Measure(agreementA, agreementA - 0.2, agreementA + 0.2),
                0.5,
                0.5,
                label);
    }
}
