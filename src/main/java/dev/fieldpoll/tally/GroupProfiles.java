package dev.fieldpoll.tally;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What each group thinks and what all groups share. A group's cell mean is shown only from
 * min-voters scores (as any number in a report); its field score is the weighted mean of its
 * factor means, so a group ranks a field only when every factor cell has a mean.
 *
 * <p>Common ground is group-informed (Pol.is's group-informed consensus, Small et al. 2021): a
 * field counts when every group ranks it in its upper half, ordered by its lowest score over the
 * groups; a cell counts when, in every group, most scores lie on the same side of the scale's
 * middle, on evidence (the one-sided 95% Wilson lower bound of the share is above one half), so a
 * field loved by a majority and disliked by a minority group is never common ground.
 */
final class GroupProfiles {

    /** One-sided 95% normal quantile for the Wilson bound. */
    private static final double Z = 1.6448536269514722;

    private final EligibleBallots ballots;
    private final AnalysisSettings settings;
    private final int k;
    private final int[] sizes;
    private final long[][] sums;
    private final int[][] answers;
    private final int[][] high;
    private final int[][] low;

    GroupProfiles(EligibleBallots ballots, AnalysisSettings settings, int[] placedVoters, KMeans.Partition partition) {
        this.ballots = ballots;
        this.settings = settings;
        this.k = partition.k();
        this.sizes = partition.sizes().clone();
        int columns = ballots.columns();
        this.sums = new long[k][columns];
        this.answers = new int[k][columns];
        this.high = new int[k][columns];
        this.low = new int[k][columns];
        double middle = (1 + ballots.scalePoints()) / 2.0;
        byte[] rows = ballots.rows();
        for (int at = 0; at < placedVoters.length; at++) {
            int group = partition.assignment()[at];
            for (int column = 0; column < columns; column++) {
                int score = rows[placedVoters[at] * columns + column];
                if (score > 0) {
                    sums[group][column] += score;
                    answers[group][column]++;
                    high[group][column] += score > middle ? 1 : 0;
                    low[group][column] += score < middle ? 1 : 0;
                }
            }
        }
    }

    OpinionGroups.Group group(int group, List<OpinionGroups.SeparatingCell> separating) {
        int cells = ballots.fields() * ballots.factors();
        double[] means = new double[cells];
        int[] counts = new int[cells];
        Arrays.fill(means, Double.NaN);
        for (int column = 0; column < ballots.columns(); column++) {
            int cell = ballots.cellOf(column);
            counts[cell] = answers[group][column];
            if (answers[group][column] >= settings.minVoters()) {
                means[cell] = (double) sums[group][column] / answers[group][column] + settings.scaleMin() - 1;
            }
        }
        double[] scores = fieldScores(means);
        int[] ranking = IntStream.range(0, scores.length)
                .filter(field -> !Double.isNaN(scores[field]))
                .boxed()
                .sorted(Comparator.comparingDouble((Integer field) -> -scores[field])
                        .thenComparingInt(field -> field))
                .mapToInt(Integer::intValue)
                .toArray();
        return new OpinionGroups.Group(sizes[group], means, counts, scores, ranking, separating);
    }

    private double[] fieldScores(double[] means) {
        double[] weights = settings.weights();
        int factors = ballots.factors();
        double[] scores = new double[ballots.fields()];
        for (int field = 0; field < scores.length; field++) {
            double score = 0;
            for (int factor = 0; factor < factors; factor++) {
                score += weights[factor] * means[field * factors + factor];
            }
            scores[field] = score;
        }
        return scores;
    }

    /** Fields in every group's upper half of its own ranking, the highest lowest score first. */
    List<OpinionGroups.CommonField> commonFields(List<OpinionGroups.Group> groups) {
        List<OpinionGroups.CommonField> common = new ArrayList<>();
        for (int field = 0; field < ballots.fields(); field++) {
            double lowest = Double.POSITIVE_INFINITY;
            int worstRank = 0;
            boolean everywhere = true;
            for (OpinionGroups.Group group : groups) {
                int rank = rankOf(group.ranking(), field);
                everywhere &= rank > 0 && group.ranking().length >= 2 && rank <= group.ranking().length / 2;
                lowest = Math.min(lowest, group.scores()[field]);
                worstRank = Math.max(worstRank, rank);
            }
            if (everywhere) {
                common.add(new OpinionGroups.CommonField(field, lowest, worstRank));
            }
        }
        common.sort(Comparator.comparingDouble((OpinionGroups.CommonField field) -> -field.lowestScore())
                .thenComparingInt(OpinionGroups.CommonField::field));
        return common;
    }

    private static int rankOf(int[] ranking, int field) {
        for (int position = 0; position < ranking.length; position++) {
            if (ranking[position] == field) {
                return position + 1;
            }
        }
        return 0;
    }

    /** Cells where most of every group scores on one side of the middle, on evidence. */
    List<OpinionGroups.CommonCell> commonCells() {
        List<OpinionGroups.CommonCell> common = new ArrayList<>();
        for (int column = 0; column < ballots.columns(); column++) {
            double highest = lowestShare(high, column);
            double lowest = lowestShare(low, column);
            if (highest > 0) {
                common.add(new OpinionGroups.CommonCell(ballots.cellOf(column), true, highest));
            } else if (lowest > 0) {
                common.add(new OpinionGroups.CommonCell(ballots.cellOf(column), false, lowest));
            }
        }
        common.sort(Comparator.comparingDouble((OpinionGroups.CommonCell cell) -> -cell.lowestShare())
                .thenComparingInt(OpinionGroups.CommonCell::cell));
        return common;
    }

    /** The smallest share over the groups, or 0 unless every group's majority on that side holds up. */
    private double lowestShare(int[][] side, int column) {
        double lowest = 1;
        for (int group = 0; group < k; group++) {
            int n = answers[group][column];
            if (n < settings.minVoters() || !(wilsonLower(side[group][column], n) > 0.5)) {
                return 0;
            }
            lowest = Math.min(lowest, (double) side[group][column] / n);
        }
        return lowest;
    }

    /** The Wilson score interval's lower end at one-sided 95% (Wilson 1927). */
    static double wilsonLower(int successes, int n) {
        double share = (double) successes / n;
        double z2 = Z * Z;
        double centre = share + z2 / (2 * n);
        double spread = Z * Math.sqrt(share * (1 - share) / n + z2 / (4.0 * n * n));
        return (centre - spread) / (1 + z2 / n);
    }
}
