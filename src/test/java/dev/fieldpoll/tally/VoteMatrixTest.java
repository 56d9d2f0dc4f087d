package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VoteMatrixTest {

    @Test
    void builderStoresScoresAsIndexesFromTheScaleMinimum() {
        // given a 0–10 scale
        VoteMatrix.Builder builder = new VoteMatrix.Builder(3, 2, 0);
        int voter = builder.addVoter();

        // when
        builder.set(voter, 2, 1, 0).set(voter, 0, 0, 10);
        VoteMatrix votes = builder.build();

        // then 0 stays "no score", scores are score − min + 1
        assertThat(votes.scoreIndex(voter, 2, 1)).isEqualTo(1);
        assertThat(votes.scoreIndex(voter, 0, 0)).isEqualTo(11);
        assertThat(votes.scoreIndex(voter, 1, 0)).isZero();
        assertThat(votes.answers()).containsExactly(11, 0, 0, 0, 0, 1);
    }

    @Test
    void builderGrowsBeyondItsFirstArray() {
        VoteMatrix.Builder builder = new VoteMatrix.Builder(2, 2, 1);
        for (int voter = 0; voter < 1000; voter++) {
            assertThat(builder.addVoter()).isEqualTo(voter);
            builder.set(voter, voter % 2, 1, 1 + voter % 5);
        }

        VoteMatrix votes = builder.build();

        assertThat(votes.voters()).isEqualTo(1000);
        assertThat(votes.answers()).hasSize(4000);
        assertThat(votes.scoreIndex(999, 1, 1)).isEqualTo(5);
        assertThat(votes.scoreIndex(998, 0, 1)).isEqualTo(4);
        assertThat(votes.scoreIndex(998, 1, 1)).isZero();
    }

    @Test
    void builderRejectsUnknownVotersAndScoresBelowTheScale() {
        VoteMatrix.Builder builder = new VoteMatrix.Builder(1, 1, 1);
        assertThatThrownBy(() -> builder.set(0, 0, 0, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        builder.addVoter();
        assertThatThrownBy(() -> builder.set(0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.set(0, 0, 0, 200)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAnswersOfTheWrongLengthOrNegative() {
        assertThatThrownBy(() -> new VoteMatrix(2, 2, 2, new byte[7])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VoteMatrix(1, 1, 2, new byte[] {1, -3}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsItsOwnCopyAndComparesByContent() {
        // given
        byte[] answers = {1, 2, 0, 5};
        VoteMatrix votes = new VoteMatrix(2, 1, 2, answers);

        // when
        answers[0] = 9;
        votes.answers()[1] = 9;

        // then
        assertThat(votes.scoreIndex(0, 0, 0)).isEqualTo(1);
        assertThat(votes.scoreIndex(0, 0, 1)).isEqualTo(2);
        assertThat(votes)
                .isEqualTo(new VoteMatrix(2, 1, 2, new byte[] {1, 2, 0, 5}))
                .hasSameHashCodeAs(new VoteMatrix(2, 1, 2, new byte[] {1, 2, 0, 5}))
                .isNotEqualTo(new VoteMatrix(2, 1, 2, new byte[] {1, 2, 0, 4}));
    }

    @Test
    void scoreIndexChecksItsArguments() {
        VoteMatrix votes = new VoteMatrix(1, 1, 1, new byte[] {3});
        assertThatThrownBy(() -> votes.scoreIndex(1, 0, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> votes.scoreIndex(0, 0, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
