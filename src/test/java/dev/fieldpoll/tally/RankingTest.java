package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RankingTest {

    @Test
    void highestScoreIsRankOne() {
        assertThat(Ranking.ranks(new double[] {2.5, 4.1, 3.0})).containsExactly(3, 1, 2);
    }

    @Test
    void exactTiesGoToTheLowerIndexFirst() {
        assertThat(Ranking.ranks(new double[] {3.0, 4.0, 3.0, 4.0})).containsExactly(3, 1, 4, 2);
    }

    @Test
    void emptyAndSingleScores() {
        assertThat(Ranking.ranks(new double[0])).isEmpty();
        assertThat(Ranking.ranks(new double[] {-7})).containsExactly(1);
    }

    @Test
    void rejectsNaN() {
        assertThatThrownBy(() -> Ranking.ranks(new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
