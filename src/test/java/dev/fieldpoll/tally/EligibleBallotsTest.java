package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EligibleBallotsTest {

    /**
     * 4 voters, 2 fields × 2 factors. Cell 0 scored 2, 3, 4 by voters 0–2; cell 1 scored 5 by
     * voters 0 and 1; cell 2 scored only by voter 3 ({@code lone}, 0 = no score); cell 3 by nobody.
     */
    private static VoteMatrix votes(int lone) {
        return BootstrapFixtures.votes(4, 2, 2, (voter, field, factor) -> {
            int cell = field * 2 + factor;
            if (cell == 0) {
                return voter < 3 ? 2 + voter : 0;
            }
            if (cell == 1) {
                return voter < 2 ? 5 : 0;
            }
            return cell == 2 && voter == 3 ? lone : 0;
        });
    }

    @Test
    void keepsCellsWithAtLeastKScoresAndVotersWithAnEligibleScore() {
        EligibleBallots threeNeeded = EligibleBallots.of(votes(4), 5, 3);
        EligibleBallots twoNeeded = EligibleBallots.of(votes(4), 5, 2);

        assertThat(threeNeeded.columns()).isEqualTo(1);
        assertThat(threeNeeded.cellOf(0)).isZero();
        assertThat(threeNeeded.voters()).isEqualTo(3); // voter 3 scored only a cell that does not count
        assertThat(twoNeeded.columns()).isEqualTo(2);
        assertThat(twoNeeded.columnOf(1)).isEqualTo(1);
        assertThat(twoNeeded.columnOf(2)).isEqualTo(-1);
        assertThat(twoNeeded.isComplete(0)).isTrue();
        assertThat(twoNeeded.isComplete(1)).isFalse();
        assertThat(twoNeeded.histogram(0)).containsExactly(0, 1, 1, 1, 0);
    }

    @Test
    void ordersBallotsByPatternThenContent() {
        EligibleBallots ballots = EligibleBallots.of(votes(4), 5, 2);

        // voters 0 and 1 scored both cells, voter 2 only the first: score indexes equal scores on 1–5
        assertThat(rows(ballots)).isEqualTo(new int[][] {{2, 5}, {3, 5}, {4, 0}});
    }

    @Test
    void theSameVotesInAnotherOrderGiveTheSameBallotsAndSeed() {
        VoteMatrix votes = BootstrapFixtures.noisyVotes(200, 5, 11);
        EligibleBallots original = EligibleBallots.of(votes, 5, 3);
        EligibleBallots shuffled = EligibleBallots.of(BootstrapFixtures.permuted(votes, 12), 5, 3);

        assertThat(rows(shuffled)).isEqualTo(rows(original));
        assertThat(shuffled.seed()).isEqualTo(original.seed());
    }

    @Test
    void aLoneVoteBelowTheThresholdChangesNothing() {
        EligibleBallots four = EligibleBallots.of(votes(4), 5, 2);
        EligibleBallots one = EligibleBallots.of(votes(1), 5, 2);
        EligibleBallots withdrawn = EligibleBallots.of(votes(0), 5, 2);

        assertThat(rows(one)).isEqualTo(rows(four));
        assertThat(one.seed()).isEqualTo(four.seed());
        assertThat(withdrawn.seed()).isEqualTo(four.seed());
    }

    @Test
    void anyEligibleChangeChangesTheSeed() {
        VoteMatrix other = BootstrapFixtures.votes(4, 2, 2, (voter, field, factor) -> {
            int cell = field * 2 + factor;
            return cell == 0 && voter < 3 ? 3 : cell == 1 && voter < 2 ? 5 : 0;
        });

        assertThat(EligibleBallots.of(other, 5, 2).seed())
                .isNotEqualTo(EligibleBallots.of(votes(4), 5, 2).seed());
    }

    private static int[][] rows(EligibleBallots ballots) {
        int[][] rows = new int[ballots.voters()][ballots.columns()];
        for (int voter = 0; voter < rows.length; voter++) {
            for (int column = 0; column < ballots.columns(); column++) {
                rows[voter][column] = ballots.scoreIndex(voter, column);
            }
        }
        return rows;
    }
}
