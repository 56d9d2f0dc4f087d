package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.statistics.distribution.FDistribution;
import org.junit.jupiter.api.Test;

class ReliabilityTest {

    @Test
    void oneMinusNoiseOverSpreadWithTheIcc1kInterval() {
        // scores 1..5 vary by S² = 2.5; each is uncertain by 0.25: ρ = 1 − (2/4) · 0.25 / 2.5
        Reliability reliability =
                Reliability.of(new double[] {1, 2, 3, 4, 5}, new double[] {.25, .25, .25, .25, .25}, 100);

        FDistribution f = FDistribution.of(4, 99);
        assertThat(reliability.value()).isCloseTo(0.95, within(1e-12));
        assertThat(reliability.low()).isCloseTo(1 - f.inverseCumulativeProbability(0.95) / 10, within(1e-12));
        assertThat(reliability.high()).isCloseTo(1 - f.inverseCumulativeProbability(0.05) / 10, within(1e-12));
        assertThat(reliability.low()).isLessThan(0.9);
        assertThat(reliability.high()).isGreaterThan(0.95);
    }

    @Test
    void noiseAsLargeAsTheSpreadMeansNoReliabilityAtAll() {
        Reliability reliability = Reliability.of(new double[] {1, 2, 3}, new double[] {2, 2, 2}, 50);

        assertThat(reliability.value()).isZero();
        assertThat(reliability.low()).isZero();
    }

    @Test
    void undefinedWithFewerThanThreeFieldsOrScoresThatDoNotDiffer() {
        assertThat(Reliability.of(new double[] {1, 2}, new double[] {.1, .1}, 50)
                        .value())
                .isNaN();
        assertThat(Reliability.of(new double[] {3, 3, 3}, new double[] {.1, .1, .1}, 50)
                        .value())
                .isNaN();
    }
}
