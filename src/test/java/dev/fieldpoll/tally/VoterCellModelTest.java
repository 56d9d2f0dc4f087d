package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VoterCellModelTest {

    @Test
    void solvesThePenalizedLeastSquaresProblemOfADrawnSample() {
        // given ballots with gaps (many patterns) and a resample's draw counts
        EligibleBallots ballots = EligibleBallots.of(BootstrapFixtures.noisyVotes(150, 4, 5), 5, 3);
        int[] times = timesDrawn(ballots.voters(), 9);
        double lambda = 1.7;

        // when
        double[] counts = new double[ballots.columns()];
        double[] values = fit(ballots, times, lambda, counts);

        // then it matches alternating least squares run to convergence, and counts match a plain count
        assertThat(values).containsExactly(alternatingLeastSquares(ballots, times, lambda), within(1e-9));
        assertThat(counts).containsExactly(plainCounts(ballots, times), within(1e-9));
    }

    @Test
    void solvesItForSparseBallotsListedByTheCellsTheyScored() {
        // given ballots that score about a third of 8 cells: patterns are stored by their scored cells
        SplittableRandom random = new SplittableRandom(4);
        VoteMatrix votes = BootstrapFixtures.votes(
                200, 4, 2, (voter, field, factor) -> random.nextInt(3) == 0 ? 1 + random.nextInt(5) : 0);
        EligibleBallots ballots = EligibleBallots.of(votes, 5, 3);
        int[] times = timesDrawn(ballots.voters(), 2);

        double[] counts = new double[ballots.columns()];
        double[] values = fit(ballots, times, 0.8, counts);

        assertThat(values).containsExactly(alternatingLeastSquares(ballots, times, 0.8), within(1e-9));
        assertThat(counts).containsExactly(plainCounts(ballots, times), within(1e-9));
    }

    @Test
    void withCompleteBallotsTheOffsetsChangeNothing() {
        // given lenient and harsh voters who all scored every cell
        VoteMatrix votes = BootstrapFixtures.votes(
                40, 3, 2, (voter, field, factor) -> BootstrapFixtures.clamp(2 + field + voter % 3 - 1));
        EligibleBallots ballots = EligibleBallots.of(votes, 5, 3);
        int[] once = new int[ballots.voters()];
        Arrays.fill(once, 1);

        double[] counts = new double[ballots.columns()];
        double[] adjusted = fit(ballots, once, 1.0, counts);
        double[] plain = fit(ballots, once, Double.POSITIVE_INFINITY, counts);

        assertThat(adjusted).containsExactly(plain, within(1e-9));
    }

    @Test
    void unevenParticipationOfHarshAndLenientVotersIsCorrected() {
        // given two equal fields: lenient voters (+1) scored mostly field 0, harsh ones (−1) mostly
        // field 1, everyone scored field 2 as a bridge; no noise
        VoteMatrix votes = BootstrapFixtures.votes(40, 3, 1, (voter, field, factor) -> {
            boolean lenient = voter % 2 == 0;
            boolean scores = field == 2 || (field == 0) == lenient || voter % 10 < 2;
            return scores ? (lenient ? 4 : 2) : 0;
        });
        EligibleBallots ballots = EligibleBallots.of(votes, 5, 3);
        int[] once = new int[ballots.voters()];
        Arrays.fill(once, 1);
        double[] counts = new double[ballots.columns()];

        double[] plain = fit(ballots, once, Double.POSITIVE_INFINITY, counts);
        double[] shrunk = fit(ballots, once, 1.0, counts);
        double[] free = fit(ballots, once, 0.01, counts);

        // raw means favour field 0 by more than a point; offsets shrunk by one pseudo-answer take
        // away more than half of that, nearly unshrunk offsets all of it
        assertThat(plain[0] - plain[1]).isGreaterThan(1.3);
        assertThat(Math.abs(shrunk[0] - shrunk[1])).isLessThan(0.5 * (plain[0] - plain[1]));
        assertThat(Math.abs(free[0] - free[1])).isLessThan(0.02);
    }

    @Test
    void aCellNobodyDrewIsUnknownNotZero() {
        EligibleBallots ballots = EligibleBallots.of(BootstrapFixtures.noisyVotes(60, 3, 2), 5, 3);
        int[] times = new int[ballots.voters()];
        for (int voter = 0; voter < times.length; voter++) {
            times[voter] = ballots.scoreIndex(voter, 0) == 0 ? 1 : 0; // only voters without cell 0
        }

        double[] counts = new double[ballots.columns()];
        double[] values = fit(ballots, times, 2.0, counts);

        assertThat(counts[0]).isZero();
        assertThat(values[0]).isNaN();
        assertThat(values[1]).isFinite();
    }

    static double[] fit(EligibleBallots ballots, int[] times, double lambda, double[] counts) {
        BallotPatterns patterns = BallotPatterns.of(ballots);
        long[] sums = new long[ballots.columns()];
        PackedBallots.of(ballots).addDrawn(times, sums);
        int[] draws = new int[patterns.patterns];
        long[] totals = new long[patterns.patterns];
        patterns.accumulate(times, draws, totals);
        double[] values = new double[ballots.columns()];
        new VoterCellModel(patterns, lambda, ballots.scalePoints()).fit(sums, draws, totals, counts, values);
        return values;
    }

    /** Block coordinate descent on Σ w (y − μ_c − b_v)² + λ Σ w b_v², the textbook way, until it stops moving. */
    private static double[] alternatingLeastSquares(EligibleBallots ballots, int[] times, double lambda) {
        int columns = ballots.columns();
        double[] mu = new double[columns];
        double[] offset = new double[ballots.voters()];
        for (int iteration = 0; iteration < 100_000; iteration++) {
            double[] next = new double[columns];
            double[] weight = new double[columns];
            for (int voter = 0; voter < ballots.voters(); voter++) {
                for (int column = 0; column < columns; column++) {
                    int y = ballots.scoreIndex(voter, column);
                    if (y != 0) {
                        next[column] += times[voter] * (y - offset[voter]);
                        weight[column] += times[voter];
                    }
                }
            }
            double change = 0;
            for (int column = 0; column < columns; column++) {
                next[column] /= weight[column];
                change = Math.max(change, Math.abs(next[column] - mu[column]));
            }
            mu = next;
            for (int voter = 0; voter < ballots.voters(); voter++) {
                double residual = 0;
                int answers = 0;
                for (int column = 0; column < columns; column++) {
                    int y = ballots.scoreIndex(voter, column);
                    if (y != 0) {
                        residual += y - mu[column];
                        answers++;
                    }
                }
                offset[voter] = residual / (answers + lambda);
            }
            if (change < 1e-13) {
                return mu;
            }
        }
        throw new AssertionError("did not converge");
    }

    private static double[] plainCounts(EligibleBallots ballots, int[] times) {
        double[] counts = new double[ballots.columns()];
        for (int voter = 0; voter < ballots.voters(); voter++) {
            for (int column = 0; column < ballots.columns(); column++) {
                counts[column] += ballots.scoreIndex(voter, column) != 0 ? times[voter] : 0;
            }
        }
        return counts;
    }

    private static int[] timesDrawn(int voters, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] times = new int[voters];
        for (int voter = 0; voter < voters; voter++) {
            times[voter] = 1 + random.nextInt(3);
        }
        return times;
    }
}
