package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What the round report claims, checked on simulated rounds: with no movement planted the "changed"
 * intervals cover 0 at about their nominal 90% and hardly any field is called changed; a planted
 * shift is found; members planted to move toward round 1's median are counted as moving toward it,
 * and disagreement is found narrowed.
 */
class RoundSimulationTest {

    private static final int FIELDS = 4;
    private static final int FACTORS = 2;
    private static final int MEMBERS = 40;
    private static final AnalysisSettings SETTINGS = new AnalysisSettings(1, 5, new double[] {1, 1}, 3, 10, 200);

    @Test
    void withoutMovementTheChangeIntervalsCoverZeroAtAboutTheNominalRate() {
        // given rounds where every member answers both from the same opinion with fresh noise
        SplittableRandom random = new SplittableRandom(20261202L);
        int intervals = 0;
        int covering = 0;
        int claimed = 0;
        for (int run = 0; run < 60; run++) {
            double[][] opinions = opinions(random);
            VoteMatrix before = answers(opinions, random, 0, null);
            VoteMatrix after = answers(opinions, random, 0, null);
            // when compared
            RoundComparison.Result result = RoundComparison.compare(before, before, after, SETTINGS);
            for (RoundComparison.FieldChange change : result.fieldChanges()) {
                intervals++;
                covering += change.low() <= 0 && change.high() >= 0 ? 1 : 0;
                claimed += change.real() ? 1 : 0;
            }
        }
        // then about 90% of intervals cover 0, and few changes are claimed
        assertThat(intervals).isEqualTo(60 * FIELDS);
        assertThat((double) covering / intervals).isBetween(0.84, 0.97);
        assertThat((double) claimed / intervals).isLessThan(0.06);
    }

    @Test
    void aPlantedShiftIsFoundAndOnlyThere() {
        // given a second round where every member scores field 0 one point higher
        SplittableRandom random = new SplittableRandom(7L);
        double[][] opinions = opinions(random);
        VoteMatrix before = answers(opinions, random, 0, null);
        VoteMatrix after = answers(opinions, random, 1.0, null);
        // when compared
        RoundComparison.Result result = RoundComparison.compare(before, before, after, SETTINGS);
        // then field 0 changed by about +1, with an interval above 0
        RoundComparison.FieldChange shifted = result.fieldChanges()[0];
        assertThat(shifted.real()).isTrue();
        assertThat(shifted.low()).isGreaterThan(0);
        assertThat(shifted.change()).isBetween(0.6, 1.3);
    }

    @Test
    void movementTowardTheMedianIsCountedAndDisagreementNarrows() {
        // given a round 2 where every member moves halfway toward round 1's median in each cell
        SplittableRandom random = new SplittableRandom(11L);
        double[][] opinions = opinions(random);
        VoteMatrix before = answers(opinions, random, 0, null);
        RoundComparison.CellView[] medians = RoundComparison.views(before, 1, 5, 3);
        VoteMatrix after = answers(opinions, random, 0, new Object[] {before, medians});
        // when compared
        RoundComparison.Result result = RoundComparison.compare(before, before, after, SETTINGS);
        // then most changers moved toward, none away, and disagreement narrowed
        assertThat(result.changedMembers()).isGreaterThan(MEMBERS / 2);
        assertThat(result.towardMembers()).isEqualTo(result.changedMembers());
        assertThat(result.awayMembers()).isZero();
        assertThat(result.disagreement()).isEqualTo(RoundComparison.Disagreement.NARROWED);
        assertThat(result.consensusLow()).isGreaterThan(0);
    }

    @Test
    void fewMembersGiveIntervalsButNoClaimsAndTheScoreIsTheReportsScore() {
        // given a planted shift, but only the first 6 members (below labelFrom = 10)
        SplittableRandom random = new SplittableRandom(7L);
        double[][] opinions = java.util.Arrays.copyOf(opinions(random), MEMBERS);
        VoteMatrix before = first(answers(opinions, random, 0, null), 6);
        VoteMatrix after = first(answers(opinions, random, 1.5, null), 6);
        // when compared
        RoundComparison.Result result = RoundComparison.compare(before, before, after, SETTINGS);
        // then no change is claimed, nor a verdict on disagreement; the scores are the report's scores
        assertThat(result.fieldChanges())
                .allSatisfy(change -> assertThat(change.real()).isFalse());
        assertThat(result.disagreement()).isEqualTo(RoundComparison.Disagreement.UNKNOWN);
        PollAnalysis report = PollAnalyzer.analyze(before, SETTINGS, null);
        assertThat(result.fieldChanges()[2].before())
                .isCloseTo(report.score(2), org.assertj.core.data.Offset.offset(1e-12));
    }

    private static VoteMatrix first(VoteMatrix matrix, int voters) {
        int size = matrix.fields() * matrix.factors();
        return new VoteMatrix(
                voters, matrix.fields(), matrix.factors(), java.util.Arrays.copyOf(matrix.answers(), voters * size));
    }

    @Test
    void theSameRoundsGiveTheSameResultWhateverTheMembersOrder() {
        SplittableRandom random = new SplittableRandom(3L);
        double[][] opinions = opinions(random);
        VoteMatrix before = answers(opinions, random, 0, null);
        VoteMatrix after = answers(opinions, random, 0.5, null);
        RoundComparison.Result forward = RoundComparison.compare(before, before, after, SETTINGS);
        RoundComparison.Result reversed =
                RoundComparison.compare(reversed(before), reversed(before), reversed(after), SETTINGS);
        assertThat(reversed.fieldChanges()).isEqualTo(forward.fieldChanges());
        assertThat(reversed.consensusLow()).isEqualTo(forward.consensusLow());
    }

    /** Per member and cell a latent opinion on the 1–5 scale. */
    private static double[][] opinions(SplittableRandom random) {
        double[] fieldMeans = {2.0, 2.8, 3.5, 4.2};
        double[][] opinions = new double[MEMBERS][FIELDS * FACTORS];
        for (int member = 0; member < MEMBERS; member++) {
            for (int cell = 0; cell < FIELDS * FACTORS; cell++) {
                opinions[member][cell] = fieldMeans[cell / FACTORS] + 1.2 * gaussian(random);
            }
        }
        return opinions;
    }

    /**
     * Answers from opinions with fresh noise; {@code shift} added to field 0; with {@code towardMedian}
     * ({previous answers, medians}) each answer is instead the previous one moved halfway to the median.
     */
    private static VoteMatrix answers(
            double[][] opinions, SplittableRandom random, double shift, Object[] towardMedian) {
        VoteMatrix.Builder builder = new VoteMatrix.Builder(FIELDS, FACTORS, 1);
        for (int member = 0; member < MEMBERS; member++) {
            int row = builder.addVoter();
            for (int cell = 0; cell < FIELDS * FACTORS; cell++) {
                int field = cell / FACTORS;
                double value;
                if (towardMedian != null) {
                    VoteMatrix previous = (VoteMatrix) towardMedian[0];
                    RoundComparison.CellView median = ((RoundComparison.CellView[]) towardMedian[1])[cell];
                    int was = previous.scoreIndex(member, field, cell % FACTORS);
                    value = was + (median.median() - was) / 2.0;
                    value = was < median.median() ? Math.ceil(value) : Math.floor(value);
                } else {
                    value = Math.round(opinions[member][cell] + 0.6 * gaussian(random) + (field == 0 ? shift : 0));
                }
                builder.set(row, field, cell % FACTORS, (int) Math.max(1, Math.min(5, value)));
            }
        }
        return builder.build();
    }

    private static VoteMatrix reversed(VoteMatrix matrix) {
        int size = matrix.fields() * matrix.factors();
        byte[] source = matrix.answers();
        byte[] rows = new byte[source.length];
        for (int voter = 0; voter < matrix.voters(); voter++) {
            System.arraycopy(source, voter * size, rows, (matrix.voters() - 1 - voter) * size, size);
        }
        return new VoteMatrix(matrix.voters(), matrix.fields(), matrix.factors(), rows);
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
