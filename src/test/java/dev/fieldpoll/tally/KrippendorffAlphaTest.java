package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KrippendorffAlphaTest {

    /**
     * Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), the example with
     * 4 observers, 12 units, values 1–5 and missing data (0 = missing here).
     */
    private static final int[][] OBSERVERS_BY_UNIT = {
        {1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0}, // A
        {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3}, // B
        {0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0}, // C
        {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0}, // D
    };

    @Test
    void ordinalAlphaMatchesKrippendorffsWorkedExample() {
        assertThat(KrippendorffAlpha.ordinal(units(OBSERVERS_BY_UNIT))).isCloseTo(0.815, within(0.001));
    }

    @Test
    void intervalAndNominalAlphaMatchTheSameExample() {
        List<int[]> units = units(OBSERVERS_BY_UNIT);

        assertThat(KrippendorffAlpha.interval(units)).isCloseTo(0.849, within(0.001));
        assertThat(KrippendorffAlpha.nominal(units)).isCloseTo(0.743, within(0.001));
    }

    @Test
    void perfectAgreementIsOne() {
        // given every unit's values agree, and units differ from each other
        List<int[]> units = List.of(new int[] {3, 0, 0}, new int[] {0, 2, 0}, new int[] {0, 0, 4});

        assertThat(KrippendorffAlpha.ordinal(units)).isEqualTo(1.0);
    }

    @Test
    void unitsWithASingleValueDoNotCount() {
        // given the worked example plus lone values that would disagree with everything
        List<int[]> units = units(OBSERVERS_BY_UNIT);
        units.add(new int[] {1, 0, 0, 0, 0});
        units.add(new int[] {0, 0, 0, 0, 1});

        assertThat(KrippendorffAlpha.ordinal(units)).isCloseTo(0.815, within(0.001));
    }

    @Test
    void systematicDisagreementGoesBelowZero() {
        // given each unit split between the two ends
        List<int[]> units = List.of(new int[] {1, 0, 1}, new int[] {1, 0, 1});

        assertThat(KrippendorffAlpha.ordinal(units)).isLessThan(0);
    }

    @Test
    void undefinedWithoutPairsOrWithoutVariation() {
        assertThat(KrippendorffAlpha.ordinal(List.of())).isNaN();
        assertThat(KrippendorffAlpha.ordinal(List.of(new int[] {1, 0, 0}, new int[] {0, 1, 0})))
                .isNaN();
        // every value the same: no expected disagreement, 0/0
        assertThat(KrippendorffAlpha.ordinal(List.of(new int[] {0, 3, 0}, new int[] {0, 2, 0})))
                .isNaN();
    }

    /** One histogram per unit (column) from coders' rows; 0 marks a missing value. */
    private static List<int[]> units(int[][] codersByUnit) {
        List<int[]> units = new ArrayList<>();
        for (int unit = 0; unit < codersByUnit[0].length; unit++) {
            int[] histogram = new int[5];
            for (int[] coder : codersByUnit) {
                if (coder[unit] > 0) {
                    histogram[coder[unit] - 1]++;
                }
            }
            units.add(histogram);
        }
        return units;
    }
}
