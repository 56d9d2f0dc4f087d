package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PollAnalyzerTest {

    private static final int RESAMPLES = 400;

    @Test
    void fieldsNobodyScoredAreNotRankedAboveOrBelowAnything() {
        // given 3 voters who scored only field 7 of 8
        VoteMatrix votes = BootstrapFixtures.votes(3, 8, 2, (voter, field, factor) -> field == 7 ? 2 + voter : 0);

        PollAnalysis analysis = PollAnalyzer.analyze(votes, BootstrapFixtures.settings(2, 3, RESAMPLES), null);

        assertThat(analysis.order()).containsExactly(7);
        assertThat(analysis.isRanked(0)).isFalse();
        assertThat(analysis.score(0)).isNaN();
        assertThat(analysis.rankLow(0)).isZero();
        assertThat(analysis.score(7)).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void onlyDontKnowRanksNothing() {
        VoteMatrix votes = BootstrapFixtures.votes(12, 4, 2, (voter, field, factor) -> 0);

        PollAnalysis analysis = PollAnalyzer.analyze(votes, BootstrapFixtures.settings(2, 3, RESAMPLES), null);

        assertThat(analysis.order()).isEmpty();
        assertThat(analysis.krippendorffAlpha()).isNaN();
        assertThat(analysis.reliability().value()).isNaN();
    }

    @Test
    void aFieldWithOneThinFactorIsNotRanked() {
        // field 1's second factor has two scores only
        VoteMatrix votes = BootstrapFixtures.votes(
                10,
                3,
                2,
                (voter, field, factor) -> field == 1 && factor == 1 && voter >= 2 ? 0 : 1 + field + voter % 2);

        PollAnalysis analysis = PollAnalyzer.analyze(votes, BootstrapFixtures.settings(2, 3, RESAMPLES), null);

        assertThat(analysis.order()).containsExactly(2, 0);
        assertThat(analysis.isEligible(1 * 2 + 0)).isTrue();
        assertThat(analysis.isEligible(1 * 2 + 1)).isFalse();
        assertThat(analysis.estimate(1 * 2 + 1)).isNaN();
    }

    @Test
    void theReferenceRowIsTheRankingScoreMinusTheReference() {
        VoteMatrix votes = BootstrapFixtures.noisyVotes(80, 5, 4);
        double[] reference = {4, 3.5, Double.NaN, 2, 1.5};

        PollAnalysis analysis = PollAnalyzer.analyze(votes, BootstrapFixtures.settings(2, 3, RESAMPLES), reference);

        PollAnalysis.ReferenceResult result = analysis.reference();
        for (int field : new int[] {0, 1, 3, 4}) {
            PollAnalysis.ReferenceDifference row = result.of(field);
            assertThat(row.difference()).isEqualTo(analysis.score(field) - reference[field]);
            assertThat(row.low()).isLessThanOrEqualTo(row.difference());
            assertThat(row.high()).isGreaterThanOrEqualTo(row.difference());
        }
        assertThat(result.of(2)).isNull();
        // τ_b can be recomputed from the rows shown
        double[] community = {analysis.score(0), analysis.score(1), analysis.score(3), analysis.score(4)};
        assertThat(result.tauB()).isEqualTo(KendallTau.tauB(community, new double[] {4, 3.5, 2, 1.5}));
        assertThat(result.tauLow()).isLessThanOrEqualTo(result.tauB());
    }

    @Test
    void withCompleteBallotsTheAdjustmentMovesNothing() {
        VoteMatrix votes = BootstrapFixtures.votes(
                30, 4, 2, (voter, field, factor) -> BootstrapFixtures.clamp(1 + field + voter % 3 - 1));

        PollAnalysis analysis = PollAnalyzer.analyze(votes, BootstrapFixtures.settings(2, 3, RESAMPLES), null);

        for (int field = 0; field < 4; field++) {
            assertThat(analysis.severityShift(field)).isZero();
        }
    }

    @Test
    void theSameBallotsInAnotherOrderGiveTheSameAnalysis() {
        VoteMatrix votes = BootstrapFixtures.noisyVotes(120, 6, 21);
        AnalysisSettings settings = BootstrapFixtures.settings(2, 3, RESAMPLES);

        PollAnalysis first = PollAnalyzer.analyze(votes, settings, null);
        PollAnalysis shuffled = PollAnalyzer.analyze(BootstrapFixtures.permuted(votes, 5), settings, null);

        assertThat(shuffled.order()).containsExactly(first.order());
        for (int field = 0; field < 6; field++) {
            assertThat(shuffled.score(field)).isEqualTo(first.score(field));
            assertThat(shuffled.scoreLow(field)).isEqualTo(first.scoreLow(field));
            assertThat(shuffled.rankHigh(field)).isEqualTo(first.rankHigh(field));
        }
        assertThat(shuffled.method()).isEqualTo(first.method());
    }

    @Test
    void identicalFieldsAreTiedAndAFarApartOneIsCertain() {
        // fields 0 and 1 get the same answers; field 2 is far ahead
        VoteMatrix votes = BootstrapFixtures.votes(30, 3, 1, (voter, field, factor) -> field == 2 ? 5 : 2 + voter % 2);

        PollAnalysis analysis = PollAnalyzer.analyze(votes, BootstrapFixtures.settings(1, 3, RESAMPLES), null);

        assertThat(analysis.order()[0]).isEqualTo(2);
        assertThat(analysis.rankLow(2)).isEqualTo(1);
        assertThat(analysis.rankHigh(2)).isEqualTo(1);
        assertThat(analysis.tiedWithNext(0)).isFalse();
        assertThat(analysis.tiedWithNext(1)).isTrue();
    }

    @Test
    void estimatesLieInsideTheirIntervalsAndScoresAreWeightedMeans() {
        VoteMatrix votes = BootstrapFixtures.noisyVotes(60, 4, 2);
        AnalysisSettings settings = new AnalysisSettings(1, 5, new double[] {3, 1}, 3, 10, RESAMPLES);

        PollAnalysis analysis = PollAnalyzer.analyze(votes, settings, null);

        for (int field : analysis.order()) {
            double weighted = 0.75 * analysis.estimate(field * 2) + 0.25 * analysis.estimate(field * 2 + 1);
            assertThat(analysis.score(field)).isCloseTo(weighted, within(1e-12));
            assertThat(analysis.scoreLow(field)).isLessThanOrEqualTo(analysis.score(field));
            assertThat(analysis.scoreHigh(field)).isGreaterThanOrEqualTo(analysis.score(field));
        }
        assertThat(analysis.method().prior()).isBetween(Shrinkage.MIN_PRIOR, Shrinkage.MAX_PRIOR);
        assertThat(Arrays.stream(analysis.order()).map(analysis::tier).min().orElseThrow())
                .isEqualTo(1);
    }
}
