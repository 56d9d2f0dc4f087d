package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenjaminiHochbergTest {

    @Test
    void stepsUpToTheLargestPValueUnderItsLine() {
        // m = 5, q = 0.05: lines 0.01, 0.02, 0.03, 0.04, 0.05; 0.035 sits under the fourth line,
        // so everything up to it is rejected, 0.012 included although it misses the second line
        double[] p = {0.035, 0.001, 0.2, 0.012, 0.031};

        assertThat(BenjaminiHochberg.reject(p, 0.05)).containsExactly(true, true, false, true, true);
    }

    @Test
    void aLoneSmallPValueAmongManyIsNotEnough() {
        double[] p = new double[20];
        java.util.Arrays.fill(p, 0.6);
        p[7] = 0.01; // under 0.05, but above 0.05 / 20

        assertThat(BenjaminiHochberg.reject(p, 0.05)).doesNotContain(true);
        p[7] = 0.002;
        assertThat(BenjaminiHochberg.reject(p, 0.05)[7]).isTrue();
    }

    @Test
    void notANumberIsNeitherRejectedNorCounted() {
        double[] p = {Double.NaN, 0.04, Double.NaN};

        assertThat(BenjaminiHochberg.reject(p, 0.05)).containsExactly(false, true, false);
    }
}
