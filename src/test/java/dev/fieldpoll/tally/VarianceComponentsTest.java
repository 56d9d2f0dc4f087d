package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VarianceComponentsTest {

    @Test
    void recoversTheSpreadOfVoterOffsetsAndOfNoise() {
        // given offsets with variance 0.25 and noise with variance 0.36, far from the scale's ends
        SplittableRandom random = new SplittableRandom(8);
        double[] offsets = random.doubles(3000).map(u -> 0.5 * gaussian(random)).toArray();
        VoteMatrix votes = BootstrapFixtures.votes(3000, 6, 1, (voter, field, factor) -> {
            // in tenths of a point, on a 127-point scale, far from both ends
            return (int) Math.round(60 + 2 * field + 10 * (offsets[voter] + 0.6 * gaussian(random)));
        });

        VarianceComponents components = VarianceComponents.of(EligibleBallots.of(votes, 127, 3));

        // in tenths of a point: 25 and 36 hundredths become 25 and 36
        assertThat(components.severity()).isCloseTo(25, within(2.5));
        assertThat(components.noise()).isCloseTo(36, within(2.5));
        assertThat(components.empiricalBayesShrinkage()).isCloseTo(36.0 / 25, within(0.2));
        assertThat(components.offsetShrinkage()).isCloseTo(0.25 * components.empiricalBayesShrinkage(), within(1e-12));
    }

    @Test
    void votersWhoDoNotDifferNeedNoOffsets() {
        VoteMatrix votes = BootstrapFixtures.votes(50, 3, 1, (voter, field, factor) -> 1 + (voter + field) % 5);

        VarianceComponents components = VarianceComponents.of(EligibleBallots.of(votes, 5, 3));

        assertThat(components.severity()).isZero();
        assertThat(components.offsetShrinkage()).isInfinite();
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
