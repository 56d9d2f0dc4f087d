package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VanDerEijkTest {

    @Test
    void theAnchorsOfTheScale() {
        assertThat(VanDerEijk.agreement(new int[] {0, 0, 7, 0, 0})).isEqualTo(1.0);
        assertThat(VanDerEijk.agreement(new int[] {4, 4, 4, 4, 4})).isCloseTo(0.0, within(1e-12));
        assertThat(VanDerEijk.agreement(new int[] {20, 0, 0, 0, 20})).isCloseTo(-1.0, within(1e-12));
    }

    @Test
    void twoNeighbouringPointsAgreeThreeQuarters() {
        // pattern 11000: S = 2 of K = 5, U = 1, so A = 1 − 1/4
        assertThat(VanDerEijk.agreement(new int[] {5, 5, 0, 0, 0})).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void layersAreWeightedByTheirShareOfAnswers() {
        // 23 at 1 and 17 at 5: a two-ended layer of 34 answers (A = −1) and a one-point layer of 6 (A = 1)
        assertThat(VanDerEijk.agreement(new int[] {23, 0, 0, 0, 17})).isCloseTo((-34.0 + 6.0) / 40, within(1e-12));
    }

    @Test
    void matchesTheDefinitionByCountingEveryTripleOnRandomHistograms() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 300; trial++) {
            int[] histogram = new int[3 + random.nextInt(6)];
            for (int point = 0; point < histogram.length; point++) {
                histogram[point] = random.nextInt(3) == 0 ? 0 : random.nextInt(30);
            }
            if (java.util.Arrays.stream(histogram).sum() == 0) {
                continue;
            }
            assertThat(VanDerEijk.agreement(histogram)).isCloseTo(byDefinition(histogram), within(1e-12));
        }
    }

    @Test
    void isUndefinedWithoutAnswersOrOnATwoPointScale() {
        assertThat(VanDerEijk.agreement(new int[5])).isNaN();
        assertThat(VanDerEijk.agreement(new int[] {3, 4})).isNaN();
    }

    /** van der Eijk (2001) as written: layers, then every triple i &lt; j &lt; k of each pattern. */
    private static double byDefinition(int[] histogram) {
        int points = histogram.length;
        int[] remaining = histogram.clone();
        double total = java.util.Arrays.stream(histogram).sum();
        double agreement = 0;
        while (java.util.Arrays.stream(remaining).anyMatch(count -> count > 0)) {
            int smallest = java.util.Arrays.stream(remaining)
                    .filter(count -> count > 0)
                    .min()
                    .orElseThrow();
            boolean[] pattern = new boolean[points];
            int occupied = 0;
            for (int point = 0; point < points; point++) {
                pattern[point] = remaining[point] > 0;
                occupied += pattern[point] ? 1 : 0;
            }
            int tu = 0;
            int tdu = 0;
            for (int i = 0; i < points; i++) {
                for (int j = i + 1; j < points; j++) {
                    for (int k = j + 1; k < points; k++) {
                        tdu += pattern[i] && !pattern[j] && pattern[k] ? 1 : 0;
                        tu += (pattern[i] && pattern[j] && !pattern[k]) || (!pattern[i] && pattern[j] && pattern[k])
                                ? 1
                                : 0;
                    }
                }
            }
            double u = tu + tdu == 0 ? 1 : ((points - 2.0) * tu - (points - 1.0) * tdu) / ((points - 2.0) * (tu + tdu));
            double layer = occupied == 1 ? 1 : u * (1 - (occupied - 1.0) / (points - 1.0));
            agreement += smallest * occupied / total * layer;
            for (int point = 0; point < points; point++) {
                remaining[point] -= pattern[point] ? smallest : 0;
            }
        }
        return agreement;
    }
}
