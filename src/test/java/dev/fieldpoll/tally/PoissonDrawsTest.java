package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PoissonDrawsTest {

    @Test
    void meanAndVarianceEqualTheRateBelowAndAboveTheSwitchToRejection() {
        for (double mean : new double[] {0.5, 3, 9.5, 10, 40, 5_000}) {
            SplittableRandom random = new SplittableRandom(17);
            int draws = 200_000;
            double sum = 0;
            double squares = 0;
            for (int draw = 0; draw < draws; draw++) {
                int value = PoissonDraws.draw(random, mean);
                sum += value;
                squares += (double) value * value;
            }
            double average = sum / draws;
            double variance = squares / draws - average * average;
            // five standard errors of the mean, and 3% on the variance
            assertThat(average).as("mean of Poisson(%s)", mean).isCloseTo(mean, within(5 * Math.sqrt(mean / draws)));
            assertThat(variance).as("variance of Poisson(%s)", mean).isCloseTo(mean, within(0.03 * mean));
        }
    }

    @Test
    void theProbabilityOfZeroIsExpMinusTheMean() {
        SplittableRandom random = new SplittableRandom(5);
        int zeros = 0;
        for (int draw = 0; draw < 100_000; draw++) {
            zeros += PoissonDraws.draw(random, 1) == 0 ? 1 : 0;
        }
        assertThat(zeros / 100_000.0).isCloseTo(Math.exp(-1), within(0.005));
        assertThat(PoissonDraws.draw(random, 0)).isZero();
    }
}
