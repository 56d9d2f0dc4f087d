package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BallotProjectionTest {

    private static final int COLUMNS = 8;

    private static EligibleBallots ballots() {
        return EligibleBallots.of(
                GroupScenarios.planted(4, 2, new double[] {0.5, 0.5}, 3, 2.5)
                        .skipping(0.2)
                        .draw(60, 11)
                        .votes(),
                5,
                3);
    }

    private static BallotProjection fitted(EligibleBallots ballots) {
        int[] voters = IntStream.range(0, ballots.voters())
                .filter(voter -> answered(ballots.rows(), voter) >= BallotProjection.minAnswers(COLUMNS))
                .toArray();
        return BallotProjection.fit(ballots.rows(), COLUMNS, voters);
    }

    private static int answered(byte[] rows, int voter) {
        int answered = 0;
        for (int column = 0; column < COLUMNS; column++) {
            answered += rows[voter * COLUMNS + column] > 0 ? 1 : 0;
        }
        return answered;
    }

    @Test
    void aLenientVoterIsPlacedWhereTheSameViewsScoredPlainlyAre() {
        BallotProjection projection = fitted(ballots());
        byte[] plain = {2, 2, 2, 4, 3, 3, 1, 3};
        byte[] lenient = {3, 3, 3, 5, 4, 4, 2, 4};
        double[] first = new double[3];
        double[] second = new double[3];

        projection.place(plain, 0, -1, first, 0, new double[COLUMNS]);
        projection.place(lenient, 0, -1, second, 0, new double[COLUMNS]);

        assertThat(second).containsExactly(first, within(1e-9));
    }

    @Test
    void placingWithoutEachCellMatchesPlacingAsIfItWereSkipped() {
        EligibleBallots ballots = ballots();
        BallotProjection projection = fitted(ballots);
        BallotProjection.WithoutCell without = projection.new WithoutCell();
        double[] fast = new double[3];
        double[] slow = new double[3];
        for (int voter = 0; voter < ballots.voters(); voter++) {
            without.ballot(ballots.rows(), voter * COLUMNS);
            for (int column = 0; column < COLUMNS; column++) {
                boolean placed = without.place(column, fast);
                if (ballots.rows()[voter * COLUMNS + column] == 0) {
                    assertThat(placed).isFalse();
                    continue;
                }
                assertThat(projection.place(ballots.rows(), voter * COLUMNS, column, slow, 0, new double[COLUMNS]))
                        .isEqualTo(placed);
                if (placed) {
                    assertThat(fast).containsExactly(slow, within(1e-9));
                }
            }
        }
    }

    @Test
    void aBallotWithFewerThanHalfTheCellsIsNotPlaced() {
        BallotProjection projection = fitted(ballots());
        byte[] thin = {5, 5, 5, 0, 0, 0, 0, 0};
        double[] out = {7, 7, 7};

        assertThat(projection.place(thin, 0, -1, out, 0, new double[COLUMNS])).isFalse();
        assertThat(out).containsExactly(7, 7, 7);
    }

    @Test
    void theFirstAxisFollowsTheCellsThatSplitTheVoters() {
        BallotProjection projection = fitted(ballots());

        // cells 0-2 carry the planted split: the first axis carries far more than 1/8 of the variance
        assertThat(projection.explainedShare(0)).isGreaterThan(0.3).isGreaterThan(2 * projection.explainedShare(1));
        assertThat(projection.eigenvalues()).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }
}
