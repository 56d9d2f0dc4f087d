package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * Seeded simulation studies of what a report tells a community (DESIGN.md "Statistics"): each
 * draws many polls from a known truth and checks how often the analysis is right. Small enough
 * for every build; the bounds leave room for the Monte Carlo error of the few hundred polls.
 */
class PollSimulationTest {

    private static final int FIELDS = 10;
    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

    /** Every cell truly "mixed": consensus .63, near the .6 line, one crowd (A = .35). */
    private static final double[] MIXED = {0.1, 0.2, 0.4, 0.2, 0.1};

    @Test
    void nullPollsRarelyShowASplit() {
        for (int voters : new int[] {10, 50}) {
            SplittableRandom random = new SplittableRandom(voters);
            int polls = 150;
            int withSplit = 0;
            for (int poll = 0; poll < polls; poll++) {
                VoteMatrix votes = BootstrapFixtures.votes(voters, FIELDS, 2, (v, f, k) -> draw(MIXED, random));
                PollAnalysis analysis = PollAnalyzer.analyze(votes, BootstrapFixtures.settings(2, 3, 1000), null);
                withSplit += anySplit(analysis) ? 1 : 0;
            }
            assertThat((double) withSplit / polls)
                    .as("share of null polls with %d voters per cell showing a split", voters)
                    .isLessThanOrEqualTo(0.10);
        }
    }

    @Test
    void aPlantedHalfOnesHalfFivesCellIsPolarized() {
        SplittableRandom random = new SplittableRandom(40);
        for (int poll = 0; poll < 20; poll++) {
            VoteMatrix votes = BootstrapFixtures.votes(
                    40,
                    FIELDS,
                    2,
                    (v, f, k) -> f == 3 && k == 1
                            ? (v % 2 == 0 ? 1 : 5)
                            : BootstrapFixtures.clamp(Math.round(3 + 0.8 * gaussian(random))));

            PollAnalysis analysis = PollAnalyzer.analyze(votes, BootstrapFixtures.settings(2, 3, 1000), null);

            assertThat(analysis.label(3 * 2 + 1)).as("poll %d", poll).isEqualTo(CellLabel.POLARIZED);
        }
    }

    private static boolean anySplit(PollAnalysis analysis) {
        for (int cell = 0; cell < FIELDS * 2; cell++) {
            if (analysis.label(cell).isSplit()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Fields A–D are truly equal; lenient members (+0.7) scored A and B and only three times in
     * ten C and D, harsh members (−0.7) the other way round; everyone scored E, truly 1.5 higher.
     * Plain means put A and B above C and D in every poll.
     */
    @Test
    void leniencyWithUnevenParticipationLeavesEqualFieldsUncertainWhileALargeGapStaysCertain() {
        SplittableRandom random = new SplittableRandom(6);
        int polls = 40;
        int separated = 0;
        int plainOrder = 0;
        for (int poll = 0; poll < polls; poll++) {
            VoteMatrix votes = BootstrapFixtures.votes(60, 5, 2, (v, f, k) -> {
                boolean lenient = v % 2 == 0;
                boolean usual = f == 4 || (f < 2) == lenient;
                if (!usual && random.nextDouble() > 0.3) {
                    return 0;
                }
                double truth = f == 4 ? 4.5 : 3.0;
                return BootstrapFixtures.clamp(Math.round(truth + (lenient ? 0.7 : -0.7) + 0.7 * gaussian(random)));
            });

            PollAnalysis analysis = PollAnalyzer.analyze(votes, BootstrapFixtures.settings(2, 3, 1000), null);

            assertThat(analysis.order()[0]).isEqualTo(4);
            assertThat(analysis.rankHigh(4)).isEqualTo(1);
            assertThat(analysis.tiedWithNext(0)).isFalse();
            separated += certainlyApart(analysis) ? 1 : 0;
            plainOrder += Math.min(plainMean(votes, 0), plainMean(votes, 1))
                            > Math.max(plainMean(votes, 2), plainMean(votes, 3))
                    ? 1
                    : 0;
        }
        assertThat(plainOrder)
                .as("polls whose plain means favour the lenient members' fields")
                .isEqualTo(polls);
        assertThat((double) separated / polls)
                .as("share of polls claiming lenient members' fields certainly above harsh members'")
                .isLessThanOrEqualTo(0.10);
    }

    private static double plainMean(VoteMatrix votes, int field) {
        double sum = 0;
        int count = 0;
        for (int voter = 0; voter < votes.voters(); voter++) {
            for (int factor = 0; factor < votes.factors(); factor++) {
                int index = votes.scoreIndex(voter, field, factor);
                sum += index;
                count += index == 0 ? 0 : 1;
            }
        }
        return sum / count;
    }

    /** Whether every field of A, B ranks above every field of C, D with rank ranges that do not overlap. */
    private static boolean certainlyApart(PollAnalysis analysis) {
        for (int upper : new int[] {0, 1}) {
            for (int lower : new int[] {2, 3}) {
                if (analysis.rankHigh(upper) >= analysis.rankLow(lower)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Each voter's two factor scores of a field correlate 0.7 (a member who likes a field likes it
     * on both counts). The 90% interval of community minus reference must cover the truth at
     * least 87% of the time.
     */
    @Test
    void referenceIntervalsCoverTheTruthWithCorrelatedFactors() {
        SplittableRandom random = new SplittableRandom(70);
        double rho = 0.7;
        double[][] centre = new double[FIELDS][2];
        double[] reference = new double[FIELDS];
        double[] truth = new double[FIELDS];
        for (int field = 0; field < FIELDS; field++) {
            centre[field][0] = 1.8 + 0.25 * field;
            centre[field][1] = 3.9 - 0.2 * field;
            reference[field] = 3;
            truth[field] = (expectedScore(centre[field][0]) + expectedScore(centre[field][1])) / 2 - reference[field];
        }
        int polls = 120;
        int covered = 0;
        for (int poll = 0; poll < polls; poll++) {
            double[][] shared = new double[80][FIELDS];
            for (double[] voter : shared) {
                for (int field = 0; field < FIELDS; field++) {
                    voter[field] = gaussian(random);
                }
            }
            VoteMatrix votes = BootstrapFixtures.votes(
                    80,
                    FIELDS,
                    2,
                    (v, f, k) -> BootstrapFixtures.clamp(Math.round(
                            centre[f][k] + Math.sqrt(rho) * shared[v][f] + Math.sqrt(1 - rho) * gaussian(random))));

            PollAnalysis analysis = PollAnalyzer.analyze(votes, BootstrapFixtures.settings(2, 3, 1000), reference);

            for (int field = 0; field < FIELDS; field++) {
                PollAnalysis.ReferenceDifference row = analysis.reference().of(field);
                covered += row.low() <= truth[field] && truth[field] <= row.high() ? 1 : 0;
            }
        }
        assertThat((double) covered / (polls * FIELDS)).isGreaterThanOrEqualTo(0.87);
    }

    /**
     * The ranking reliability promises the correlation between these scores and another group's:
     * on average over polls it must match the correlation actually seen between two independent
     * polls from the same truth.
     */
    @Test
    void rankingReliabilityPredictsTheCorrelationWithAnotherGroupsScores() {
        SplittableRandom random = new SplittableRandom(91);
        double[] truth = {2.6, 2.8, 2.9, 3.0, 3.1, 3.2, 3.3, 3.5, 3.6, 3.8};
        int polls = 40;
        double predicted = 0;
        double observed = 0;
        for (int poll = 0; poll < polls; poll++) {
            double[][] scores = new double[2][];
            for (int group = 0; group < 2; group++) {
                VoteMatrix votes = BootstrapFixtures.votes(
                        25, FIELDS, 2, (v, f, k) -> BootstrapFixtures.clamp(Math.round(truth[f] + gaussian(random))));
                PollAnalysis analysis = PollAnalyzer.analyze(votes, BootstrapFixtures.settings(2, 3, 400), null);
                predicted += group == 0 ? analysis.reliability().value() / polls : 0;
                scores[group] = java.util.stream.IntStream.range(0, FIELDS)
                        .mapToDouble(analysis::score)
                        .toArray();
            }
            observed += new org.apache.commons.math3.stat.correlation.PearsonsCorrelation()
                            .correlation(scores[0], scores[1])
                    / polls;
        }
        assertThat(predicted).isCloseTo(observed, org.assertj.core.api.Assertions.within(0.05));
    }

    /** E[score] for a latent N(centre, 1) rounded to 1–5. */
    private static double expectedScore(double centre) {
        double expected = 0;
        for (int score = 1; score <= 5; score++) {
            double upper = score == 5 ? 1 : NORMAL.cumulativeProbability(score + 0.5 - centre);
            double lower = score == 1 ? 0 : NORMAL.cumulativeProbability(score - 0.5 - centre);
            expected += score * (upper - lower);
        }
        return expected;
    }

    private static int draw(double[] probabilities, SplittableRandom random) {
        double u = random.nextDouble();
        int score = 0;
        double cumulative = probabilities[0];
        while (u > cumulative && score < probabilities.length - 1) {
            cumulative += probabilities[++score];
        }
        return score + 1;
    }

    static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
