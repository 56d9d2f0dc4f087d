package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroupAnalyzerTest {

    /**
     * Two groups (65% / 35%) over 6 fields × 2 factors: field 0 loved by both, field 1 loved by the
     * larger group and disliked by the smaller one, fields 2 and 3 the other way round, the rest
     * in the middle for everyone.
     */
    private static GroupScenarios.Population lovedByOneGroup() {
        double[] larger = {4.6, 4.6, 4.6, 4.6, 1.6, 1.6, 1.6, 1.6, 3, 3, 3, 3};
        double[] smaller = {4.6, 4.6, 1.4, 1.4, 4.4, 4.4, 4.4, 4.4, 3, 3, 3, 3};
        return new GroupScenarios.Population(
                6, 2, new double[][] {larger, smaller}, new double[] {0.65, 0.35}, 0.3, 0.7, 0.05, null);
    }

    private static OpinionGroups analyze(VoteMatrix votes) {
        return GroupScenarios.analyze(votes);
    }

    @Test
    void fewerPlacedBallotsThanTheThresholdGiveNoGroupsAndNothingToDraw() {
        GroupScenarios.Poll poll = lovedByOneGroup().draw(29, 1);

        OpinionGroups groups = analyze(poll.votes());

        assertThat(groups.status()).isEqualTo(OpinionGroups.Status.TOO_FEW_BALLOTS);
        assertThat(groups.groups()).isEmpty();
        assertThat(groups.map()).isNull();
        assertThat(groups.placer()).isNull();
        assertThat(groups.method().needed()).isEqualTo(30);
    }

    @Test
    void aPollOfThreeCellsIsTooSmallToTellViewsApart() {
        // given 3 fields × 1 factor, with two clear camps
        double[][] profiles = {{5, 5, 1}, {1, 1, 5}};
        GroupScenarios.Poll poll =
                new GroupScenarios.Population(3, 1, profiles, new double[] {0.5, 0.5}, 0.2, 0.5, 0, null).draw(100, 2);

        assertThat(analyze(poll.votes()).status()).isEqualTo(OpinionGroups.Status.TOO_FEW_CELLS);
    }

    @Test
    void twoCampsAreFoundLargestFirstWithWhatSeparatesThemAndWhatTheyShare() {
        GroupScenarios.Poll poll = lovedByOneGroup().draw(80, 3);

        OpinionGroups groups = analyze(poll.votes());

        assertThat(groups.status()).isEqualTo(OpinionGroups.Status.FOUND);
        assertThat(groups.groups()).hasSize(2);
        OpinionGroups.Group a = groups.groups().get(0);
        OpinionGroups.Group b = groups.groups().get(1);
        assertThat(a.size()).isGreaterThan(b.size());
        assertThat(a.size() + b.size()).isEqualTo(groups.method().placed());
        assertThat(AdjustedRand.of(poll.truth(), poll.found(groups))).isGreaterThan(0.9);
        // group A (the larger) ranks field 1 high, group B ranks field 2 or 3 first
        assertThat(a.ranking()[0]).isIn(0, 1);
        assertThat(b.ranking()[0]).isIn(0, 2, 3);
        assertThat(a.means()[2]).isGreaterThan(4);
        assertThat(b.means()[2]).isLessThan(2);
        // separating cells: field 1 and fields 2-3 split them, field 0 does not
        List<Integer> separatingA =
                a.separating().stream().map(OpinionGroups.SeparatingCell::cell).toList();
        assertThat(separatingA).contains(2, 3, 4, 5, 6, 7).doesNotContain(0, 1);
        OpinionGroups.SeparatingCell first = a.separating().get(0);
        assertThat(first.low()).isLessThanOrEqualTo(first.difference());
        assertThat(first.high()).isGreaterThanOrEqualTo(first.difference());
        assertThat(first.difference()).isEqualTo(first.groupMean() - first.othersMean());
        assertThat(Math.abs(first.low()) > 0 && Math.signum(first.low()) == Math.signum(first.high()))
                .isTrue();
        // with two groups B's cells mirror A's
        OpinionGroups.SeparatingCell mirrored = b.separating().stream()
                .filter(cell -> cell.cell() == first.cell())
                .findFirst()
                .orElseThrow();
        assertThat(mirrored.difference()).isEqualTo(-first.difference());
        // common ground: field 0, which both love; never field 1, which only the larger group loves
        assertThat(groups.commonFields())
                .extracting(OpinionGroups.CommonField::field)
                .contains(0)
                .doesNotContain(1);
        assertThat(groups.commonFields().get(0).field()).isZero();
        assertThat(groups.commonCells())
                .extracting(OpinionGroups.CommonCell::cell)
                .contains(0, 1);
        assertThat(groups.commonCells())
                .extracting(OpinionGroups.CommonCell::cell)
                .doesNotContain(2, 3, 4, 5, 6, 7);
        assertThat(groups.commonCells()).allMatch(OpinionGroups.CommonCell::high);
    }

    @Test
    void theSameVotesInAnotherOrderGiveTheSameGroups() {
        VoteMatrix votes = lovedByOneGroup().draw(70, 4).votes();

        OpinionGroups first = analyze(votes);
        OpinionGroups shuffled = analyze(BootstrapFixtures.permuted(votes, 99));

        assertThat(first.found()).isTrue();
        assertSame(first, shuffled);
    }

    @Test
    void aLoneVoteInACellBelowTheMinimumChangesNothing() {
        VoteMatrix votes = lovedByOneGroup().draw(60, 5).votes();
        OpinionGroups before = analyze(withSeventhField(votes, 0));

        for (int lone : new int[] {1, 5}) {
            OpinionGroups after = analyze(withSeventhField(votes, lone));

            assertThat(after.found()).isTrue();
            assertSame(before, after);
        }
    }

    /** The votes in a poll with a seventh field that only voter 0 scored ({@code lone}; 0 = nobody). */
    private static VoteMatrix withSeventhField(VoteMatrix votes, int lone) {
        VoteMatrix.Builder builder = new VoteMatrix.Builder(7, 2, 1);
        for (int voter = 0; voter < votes.voters(); voter++) {
            builder.addVoter();
            for (int field = 0; field < 6; field++) {
                for (int factor = 0; factor < 2; factor++) {
                    int score = votes.scoreIndex(voter, field, factor);
                    if (score > 0) {
                        builder.set(voter, field, factor, score);
                    }
                }
            }
        }
        if (lone > 0) {
            builder.set(0, 6, 1, lone);
        }
        return builder.build();
    }

    @Test
    void thePlacerPutsEveryVoterInTheGroupTheyWereCountedIn() {
        GroupScenarios.Poll poll = lovedByOneGroup().skipping(0.3).draw(90, 6);
        OpinionGroups groups = analyze(poll.votes());
        assertThat(groups.found()).isTrue();

        int[] found = poll.found(groups);

        int[] counted = new int[groups.groups().size()];
        int unplaced = 0;
        for (int group : found) {
            if (group < 0) {
                unplaced++;
            } else {
                counted[group]++;
            }
        }
        assertThat(counted)
                .containsExactly(groups.groups().stream()
                        .mapToInt(OpinionGroups.Group::size)
                        .toArray());
        assertThat(unplaced).isEqualTo(poll.votes().voters() - groups.method().placed());
        // a ballot with fewer than half the cells answered is not placed
        int[] thin = new int[12];
        thin[0] = 5;
        thin[1] = 5;
        assertThat(groups.placer().place(thin)).isEqualTo(-1);
    }

    @Test
    void aSmallMinorityIsNeverShownAsAGroupOfItsOwn() {
        // given a 6% minority with opposite views
        double[] majority = {4.6, 4.6, 4.6, 4.6, 1.6, 1.6, 1.6, 1.6, 3, 3, 3, 3};
        double[] minority = {1.4, 1.4, 1.4, 1.4, 4.4, 4.4, 4.4, 4.4, 3, 3, 3, 3};
        GroupScenarios.Population population = new GroupScenarios.Population(
                6, 2, new double[][] {majority, minority}, new double[] {0.94, 0.06}, 0.3, 0.7, 0.05, null);

        for (long seed = 0; seed < 10; seed++) {
            OpinionGroups groups = analyze(population.draw(100, seed).votes());

            int smallest = (int) Math.ceil(0.1 * groups.method().placed());
            assertThat(groups.groups()).allMatch(group -> group.size() >= smallest);
        }
    }

    @Test
    void groupMeansFromFewerThanMinVotersScoresAreNotShown() {
        // given two camps, and a cell the smaller camp hardly answers
        GroupScenarios.Poll poll = lovedByOneGroup().draw(80, 7);
        VoteMatrix.Builder builder = new VoteMatrix.Builder(6, 2, 1);
        for (int voter = 0; voter < poll.votes().voters(); voter++) {
            builder.addVoter();
            for (int cell = 0; cell < 12; cell++) {
                int score = poll.votes().scoreIndex(voter, cell / 2, cell % 2);
                boolean dropped = cell == 11 && poll.truth()[voter] == 1 && voter % 10 != 0;
                if (score > 0 && !dropped) {
                    builder.set(voter, cell / 2, cell % 2, score);
                }
            }
        }

        OpinionGroups groups = analyze(builder.build());

        assertThat(groups.found()).isTrue();
        OpinionGroups.Group smaller = groups.groups().get(1);
        if (smaller.answers()[11] < 3) {
            assertThat(smaller.means()[11]).isNaN();
            assertThat(smaller.scores()[5]).isNaN();
            assertThat(smaller.ranking()).doesNotContain(5);
        }
        assertThat(smaller.answers()[11]).isLessThan(smaller.size());
    }

    private static void assertSame(OpinionGroups first, OpinionGroups second) {
        assertThat(second.status()).isEqualTo(first.status());
        assertThat(second.method()).isEqualTo(first.method());
        assertThat(second.groups()).hasSameSizeAs(first.groups());
        for (int group = 0; group < first.groups().size(); group++) {
            OpinionGroups.Group a = first.groups().get(group);
            OpinionGroups.Group b = second.groups().get(group);
            assertThat(b.size()).isEqualTo(a.size());
            assertThat(b.means()).containsExactly(a.means());
            assertThat(b.ranking()).containsExactly(a.ranking());
            assertThat(b.separating()).isEqualTo(a.separating());
        }
        assertThat(second.commonFields()).isEqualTo(first.commonFields());
        assertThat(second.commonCells()).isEqualTo(first.commonCells());
        assertThat(second.map().xs()).containsExactly(first.map().xs());
        assertThat(second.map().ys()).containsExactly(first.map().ys());
        assertThat(second.map().groups()).containsExactly(first.map().groups());
    }
}
