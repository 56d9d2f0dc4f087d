package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ShrinkageTest {

    private static final double[] NO_FALLBACK = {Double.NaN, Double.NaN};

    @Test
    void estimatesThePriorByDerSimonianLairdAndShrinksTowardTheFactorMean() {
        // given one factor, four cells of 10 answers each with noise variance 1 per answer
        Shrinkage shrinkage = new Shrinkage(new int[] {0, 0, 0, 0}, 1, 1.0);
        double[] values = {1, 2, 3, 4};
        double[] counts = {10, 10, 10, 10};
        double[] targets = new double[1];
        double[] estimates = new double[4];

        double prior = shrinkage.shrink(values, counts, new double[] {Double.NaN}, targets, estimates);

        // Q = 10 · 5 = 50 on 3 degrees of freedom; W − Σw²/W = 40 − 10 = 30: τ² = 47/30; m = 1/τ²
        assertThat(prior).isCloseTo(30.0 / 47, within(1e-12));
        assertThat(targets[0]).isCloseTo(2.5, within(1e-12));
        assertThat(estimates[0]).isCloseTo((10 * 1 + prior * 2.5) / (10 + prior), within(1e-12));
    }

    @Test
    void cellsThatDifferNoMoreThanNoiseGetTheStrongestAllowedPrior() {
        Shrinkage shrinkage = new Shrinkage(new int[] {0, 0, 1, 1}, 2, 4.0);
        double[] estimates = new double[4];

        double prior = shrinkage.shrink(
                new double[] {3, 3.01, 2, 2.01}, new double[] {5, 5, 5, 5}, NO_FALLBACK, new double[2], estimates);

        assertThat(prior).isEqualTo(Shrinkage.MAX_PRIOR);
    }

    @Test
    void veryDifferentCellsGetTheWeakestAllowedPrior() {
        Shrinkage shrinkage = new Shrinkage(new int[] {0, 0}, 1, 0.01);

        double prior = shrinkage.shrink(
                new double[] {1, 5}, new double[] {100, 100}, new double[] {Double.NaN}, new double[1], new double[2]);

        assertThat(prior).isEqualTo(Shrinkage.MIN_PRIOR);
    }

    @Test
    void aCellNobodyDrewIsItsFactorsMean() {
        Shrinkage shrinkage = new Shrinkage(new int[] {0, 0}, 1, 1.0);
        double[] estimates = new double[2];

        shrinkage.shrink(new double[] {4, Double.NaN}, new double[] {8, 0}, new double[] {3}, new double[1], estimates);

        assertThat(estimates[1]).isEqualTo(4.0);
    }
}
