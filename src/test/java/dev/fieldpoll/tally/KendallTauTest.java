package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KendallTauTest {

    @Test
    void twoSwappedNeighboursWithoutTies() {
        // 10 pairs, discordant only (2,3) and (4,5): (8 − 2) / 10
        double tau = KendallTau.tauB(new double[] {1, 2, 3, 4, 5}, new double[] {1, 3, 2, 5, 4});

        assertThat(tau).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void tiesOnBothSidesUseTauB() {
        // x = 1, 2, 2, 3, 4 and y = 2, 1, 3, 3, 4; n0 = 10 pairs.
        // Pair (1,2) of positions is discordant; (2,3) is tied in x (n1 = 1); (3,4) tied in y (n2 = 1);
        // the other 7 are concordant. τ_b = (7 − 1) / sqrt((10 − 1)(10 − 1)) = 6 / 9.
        double tau = KendallTau.tauB(new double[] {1, 2, 2, 3, 4}, new double[] {2, 1, 3, 3, 4});

        assertThat(tau).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void reversedOrderIsMinusOne() {
        assertThat(KendallTau.tauB(new double[] {1, 2, 3}, new double[] {9, 5, 1}))
                .isCloseTo(-1, within(1e-12));
    }

    @Test
    void undefinedForTooFewPairsOrAConstantSide() {
        assertThat(KendallTau.tauB(new double[] {1}, new double[] {2})).isNaN();
        assertThat(KendallTau.tauB(new double[0], new double[0])).isNaN();
        assertThat(KendallTau.tauB(new double[] {1, 2, 3}, new double[] {4, 4, 4}))
                .isNaN();
        assertThat(KendallTau.tauB(new double[] {3, 3, 3}, new double[] {1, 2, 3}))
                .isNaN();
    }

    @Test
    void rejectsUnpairedValues() {
        assertThatThrownBy(() -> KendallTau.tauB(new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KendallTau.tauB(new double[] {1, Double.NaN}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
