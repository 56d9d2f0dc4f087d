package dev.fieldpoll.tally;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The cells where a group differs from everyone else (with two groups: from the other group),
 * with a 90% Welch interval for the difference of means, kept only when the difference holds up
 * across every cell and group tested (Benjamini–Hochberg, 10%).
 *
 * <p>Groups found from the votes differ on those votes partly by construction: a voter whose
 * answer to a cell was high by chance is pulled toward the group that is high there. So, for
 * each cell, every voter is placed again as if they had skipped that cell (same axes, same
 * centres), and the cell is compared between those placements: its own noise then cannot decide
 * anyone's group, and a difference that remains is one between the kinds of voters the groups
 * describe.
 */
final class SeparatingCells {

    static final double FALSE_DISCOVERY_RATE = 0.10;

    private record Test(
            int group,
            int cell,
            double groupMean,
            double othersMean,
            double difference,
            double halfWidth,
            double pValue) {}

    private SeparatingCells() {}

    /** Per group (label order), its separating cells, largest difference first. */
    static List<List<OpinionGroups.SeparatingCell>> of(
            EligibleBallots ballots,
            AnalysisSettings settings,
            BallotProjection projection,
            int[] placedVoters,
            double[] centres,
            int k) {
        int columns = ballots.columns();
        double[][] sums = new double[columns][k];
        double[][] squares = new double[columns][k];
        int[][] counts = new int[columns][k];
        byte[] rows = ballots.rows();
        double[] point = new double[projection.dims()];
        BallotProjection.WithoutCell without = projection.new WithoutCell();
        for (int voter : placedVoters) {
            without.ballot(rows, voter * columns);
            for (int column = 0; column < columns; column++) {
                if (without.place(column, point)) {
                    int group = KMeans.nearest(point, 0, centres, k, projection.dims());
                    int score = rows[voter * columns + column];
                    sums[column][group] += score;
                    squares[column][group] += (double) score * score;
                    counts[column][group]++;
                }
            }
        }
        List<Test> tests = new ArrayList<>();
        double offset = settings.scaleMin() - 1;
        for (int column = 0; column < columns; column++) {
            // with two groups "A against the rest" and "B against the rest" are one test
            for (int group = 0; group < (k == 2 ? 1 : k); group++) {
                Test test = welch(
                        group,
                        ballots.cellOf(column),
                        sums[column],
                        squares[column],
                        counts[column],
                        settings.minVoters(),
                        offset);
                if (test != null) {
                    tests.add(test);
                }
            }
        }
        boolean[] holds = BenjaminiHochberg.reject(
                tests.stream().mapToDouble(Test::pValue).toArray(), FALSE_DISCOVERY_RATE);
        List<List<OpinionGroups.SeparatingCell>> perGroup = new ArrayList<>();
        for (int group = 0; group < k; group++) {
            perGroup.add(new ArrayList<>());
        }
        for (int at = 0; at < tests.size(); at++) {
            if (holds[at]) {
                Test test = tests.get(at);
                perGroup.get(test.group()).add(separating(test, false));
                if (k == 2) {
                    perGroup.get(1).add(separating(test, true));
                }
            }
        }
        for (List<OpinionGroups.SeparatingCell> cells : perGroup) {
            cells.sort(Comparator.comparingDouble((OpinionGroups.SeparatingCell cell) -> -Math.abs(cell.difference()))
                    .thenComparingInt(OpinionGroups.SeparatingCell::cell));
        }
        return perGroup.stream().map(List::copyOf).toList();
    }

    private static OpinionGroups.SeparatingCell separating(Test test, boolean mirrored) {
        double difference = mirrored ? -test.difference() : test.difference();
        return new OpinionGroups.SeparatingCell(
                test.cell(),
                mirrored ? test.othersMean() : test.groupMean(),
                mirrored ? test.groupMean() : test.othersMean(),
                difference,
                difference - test.halfWidth(),
                difference + test.halfWidth(),
                test.pValue());
    }

    /** Welch's t for one group against the others; null when either side has fewer than min-voters scores. */
    private static Test welch(
            int group, int cell, double[] sums, double[] squares, int[] counts, int minVoters, double offset) {
        int n1 = counts[group];
        int n2 = 0;
        double sum2 = 0;
        double squares2 = 0;
        for (int other = 0; other < counts.length; other++) {
            if (other != group) {
                n2 += counts[other];
                sum2 += sums[other];
                squares2 += squares[other];
            }
        }
        if (n1 < Math.max(2, minVoters) || n2 < Math.max(2, minVoters)) {
            return null;
        }
        double mean1 = sums[group] / n1;
        double mean2 = sum2 / n2;
        double variance1 = Math.max(0, (squares[group] - n1 * mean1 * mean1) / (n1 - 1));
        double variance2 = Math.max(0, (squares2 - n2 * mean2 * mean2) / (n2 - 1));
        double difference = mean1 - mean2;
        double a = variance1 / n1;
        double b = variance2 / n2;
        double se = Math.sqrt(a + b);
        if (!(se > 0)) {
            return new Test(group, cell, mean1 + offset, mean2 + offset, difference, 0, difference == 0 ? 1 : 0);
        }
        double df = (a + b) * (a + b) / (a * a / (n1 - 1) + b * b / (n2 - 1));
        TDistribution t = TDistribution.of(df);
        double p = Math.min(1, 2 * t.survivalProbability(Math.abs(difference) / se));
        double halfWidth = t.inverseSurvivalProbability(0.05) * se;
        return new Test(group, cell, mean1 + offset, mean2 + offset, difference, halfWidth, p);
    }
}
