package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinearizedRefitTest {

    @Test
    void aNewtonStepFromTheFullFitAgreesWithTheExactRefitOnALargePatternedPoll() {
        // given 3,000 lenient and harsh members who each scored a random half of 10 cells
        SplittableRandom random = new SplittableRandom(31);
        VoteMatrix votes = BootstrapFixtures.votes(
                3000,
                5,
                2,
                (voter, field, factor) -> random.nextBoolean()
                        ? 0
                        : BootstrapFixtures.clamp(Math.round(2
                                + 0.4 * field
                                + (voter % 2 == 0 ? 0.7 : -0.7)
                                + 0.8 * PollSimulationTest.gaussian(random))));
        EligibleBallots ballots = EligibleBallots.of(votes, 5, 3);
        BallotPatterns patterns = BallotPatterns.of(ballots);
        VarianceComponents variances = VarianceComponents.of(ballots, patterns);
        double lambda = variances.offsetShrinkage();
        int[] ranked = {0, 1, 2, 3, 4};
        java.util.function.Supplier<Estimator> estimators = () ->
                new Estimator(ballots, patterns, variances, lambda, new double[] {0.5, 0.5}, 1, new double[] {3, 3});

        // when the same resamples are refitted both ways
        BallotBootstrap.Tables exact =
                BallotBootstrap.run(ballots, BallotBootstrap.exact(ballots, patterns), estimators, ranked, 200, 7);
        BallotBootstrap.Tables linear = BallotBootstrap.run(
                ballots,
                BallotBootstrap.linearized(LinearizedRefit.of(ballots, patterns, lambda), ballots.columns()),
                estimators,
                ranked,
                200,
                7);

        // then every cell's resampled estimates agree to a few percent of their spread (about 5%
        // here), and the interval ends the report shows to a fraction of it
        assertThat(LinearizedRefit.pays(ballots, patterns, lambda)).isTrue();
        assertThat(lambda).isFinite();
        for (int column = 0; column < ballots.columns(); column++) {
            double[] a = exact.estimatesOf(column);
            double[] b = linear.estimatesOf(column);
            double spread = Math.sqrt(Percentiles.variance(a));
            double squares = 0;
            for (int resample = 0; resample < a.length; resample++) {
                squares += (a[resample] - b[resample]) * (a[resample] - b[resample]);
            }
            assertThat(Math.sqrt(squares / a.length)).isLessThan(0.08 * spread);
            assertThat(Percentiles.interval(b)[0]).isCloseTo(Percentiles.interval(a)[0], within(0.2 * spread));
            assertThat(Percentiles.interval(b)[1]).isCloseTo(Percentiles.interval(a)[1], within(0.2 * spread));
        }
    }

    @Test
    void smallOrSimplePollsAreRefittedExactly() {
        EligibleBallots small = EligibleBallots.of(BootstrapFixtures.noisyVotes(500, 5, 2), 5, 3);
        EligibleBallots complete = EligibleBallots.of(
                BootstrapFixtures.votes(4000, 5, 2, (voter, field, factor) -> 1 + (voter + field) % 5), 5, 3);

        assertThat(LinearizedRefit.pays(small, BallotPatterns.of(small), 1.0)).isFalse();
        assertThat(LinearizedRefit.pays(complete, BallotPatterns.of(complete), 1.0))
                .isFalse();
        assertThat(LinearizedRefit.pays(complete, BallotPatterns.of(complete), Double.POSITIVE_INFINITY))
                .isFalse();
    }
}
