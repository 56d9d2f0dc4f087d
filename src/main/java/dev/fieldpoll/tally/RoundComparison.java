package dev.fieldpoll.tally;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What changed from one round of a poll to the next (a Delphi round), over the members who answered
 * both: per field the change of the field score (the same score as everywhere, fitted on those
 * members' ballots in each round) with a 90% paired ballot-bootstrap interval, changes called real
 * only under Benjamini–Hochberg at 10% across fields; who changed a score and whether toward or away
 * from the previous round's median; and whether disagreement narrowed (mean change of Tastle &amp;
 * Wierman consensus over cells, with its interval). Cells count only where at least {@code minVoters}
 * paired members scored them in both rounds (DESIGN "Eligibility"); the previous round's medians only
 * where that round's cell is eligible. Deterministic: pairs are taken in an order by content and the
 * seed is derived from them.
 */
public final class RoundComparison {

    /** False discovery rate for "this field's score changed" across fields, as for reference differences. */
    public static final double FALSE_DISCOVERY_RATE = 0.10;

    private RoundComparison() {}

    /** A field's score before and after among paired members; {@code real}: the change is claimed. */
    public record FieldChange(double before, double after, double low, double high, boolean real) {
        public double change() {
            return after - before;
        }
    }

    /** Whether disagreement narrowed: only claimed when the interval of the mean consensus change excludes 0. */
    public enum Disagreement {
        NARROWED,
        WIDENED,
        ABOUT_THE_SAME,
        UNKNOWN
    }

    /**
     * @param fieldChanges per field; null where the field is not scored in both rounds
     * @param consensusBefore per cell (field × factors + factor); NaN where the cell does not count
     */
    public record Result(
            int pairedMembers,
            int changedMembers,
            int towardMembers,
            int awayMembers,
            int towardCells,
            int awayCells,
            FieldChange[] fieldChanges,
            double[] consensusBefore,
            double[] consensusAfter,
            double consensusChange,
            double consensusLow,
            double consensusHigh,
            Disagreement disagreement) {

        public int mixedMembers() {
            return changedMembers - towardMembers - awayMembers;
        }
    }

    /** A cell of the previous round as a next round's ballot shows it: median and middle half (quartiles). */
    public record CellView(int scored, double median, int lowerQuartile, int upperQuartile) {}

    /**
     * Per cell (field × factors + factor) the previous round's view, null where fewer than
     * {@code minVoters} scored it. Scores in scale units.
     */
    public static CellView[] views(VoteMatrix round, int scaleMin, int scalePoints, int minVoters) {
        CellView[] views = new CellView[round.fields() * round.factors()];
        for (int cell = 0; cell < views.length; cell++) {
            int[] histogram = histogram(round, cell, scalePoints, null);
            int scored = Histograms.total(histogram) > Integer.MAX_VALUE ? 0 : (int) Histograms.total(histogram);
            if (scored >= minVoters) {
                int offset = scaleMin - 1;
                double median = (rank(histogram, (scored + 1) / 2) + rank(histogram, scored / 2 + 1)) / 2.0;
                views[cell] = new CellView(
                        scored,
                        median + offset,
                        rank(histogram, Math.max(1, (scored + 3) / 4)) + offset,
                        rank(histogram, Math.max(1, (3 * scored + 3) / 4)) + offset);
            }
        }
        return views;
    }

    /**
     * @param previous every ballot of the previous round (for its medians)
     * @param before the paired members' ballots in the previous round
     * @param after the same members' ballots in the next round, row for row
     */
    public static Result compare(VoteMatrix previous, VoteMatrix before, VoteMatrix after, AnalysisSettings settings) {
        if (before.voters() != after.voters()
                || before.fields() != after.fields()
                || before.factors() != after.factors()) {
            throw new IllegalArgumentException("the paired ballots must have the same shape");
        }
        int[] order = canonicalPairs(before, after);
        VoteMatrix first = reordered(before, order);
        VoteMatrix second = reordered(after, order);
        boolean[] counted = countedCells(first, second, settings.minVoters());
        first = masked(first, counted);
        second = masked(second, counted);
        CellView[] medians = views(previous, 1, settings.scalePoints(), settings.minVoters());
        int[] movement = movement(first, second, medians);
        AnalysisSettings pointSettings = new AnalysisSettings(
                settings.scaleMin(), settings.scalePoints(), settings.weights(), 1, settings.labelFrom(), 1);
        int fields = first.fields();
        int cells = fields * first.factors();
        int[] all = new int[first.voters()];
        Arrays.setAll(all, index -> index);
        double[] scoresBefore = scores(first, all, pointSettings);
        double[] scoresAfter = scores(second, all, pointSettings);
        double[] consensusBefore = consensus(first, all, counted, settings.scalePoints());
        double[] consensusAfter = consensus(second, all, counted, settings.scalePoints());
        int resamples = first.voters() == 0 ? 0 : settings.resamples();
        double[][] changes = new double[fields][resamples];
        double[] consensusChanges = new double[resamples];
        SplittableRandom random = new SplittableRandom(seed(first, second));
        int[] drawn = new int[first.voters()];
        for (int resample = 0; resample < resamples; resample++) {
            for (int index = 0; index < drawn.length; index++) {
                drawn[index] = BallotBootstrap.uniformBelow(random, drawn.length);
            }
            double[] one = scores(first, drawn, pointSettings);
            double[] two = scores(second, drawn, pointSettings);
            for (int field = 0; field < fields; field++) {
                changes[field][resample] = two[field] - one[field];
            }
            consensusChanges[resample] = meanChange(
                    consensus(first, drawn, counted, settings.scalePoints()),
                    consensus(second, drawn, counted, settings.scalePoints()));
        }
        FieldChange[] fieldChanges =
                fieldChanges(scoresBefore, scoresAfter, changes, claimable(first, second, settings.labelFrom()));
        double meanChange = meanChange(consensusBefore, consensusAfter);
        double[] interval = Percentiles.interval(consensusChanges);
        boolean enough = first.voters() >= settings.labelFrom();
        return new Result(
                first.voters(),
                movement[0],
                movement[1],
                movement[2],
                movement[3],
                movement[4],
                fieldChanges,
                consensusBefore,
                consensusAfter,
                meanChange,
                interval[0],
                interval[1],
                enough ? disagreement(meanChange, interval, cells) : Disagreement.UNKNOWN);
    }

    /**
     * Like a reference difference, a change is a claim tested only for fields whose every cell has
     * {@code labelFrom} paired scores in both rounds (a bootstrap of a handful of ballots understates
     * its own spread); Benjamini–Hochberg runs over the fields tested.
     */
    private static FieldChange[] fieldChanges(
            double[] before, double[] after, double[][] changes, boolean[] claimable) {
        FieldChange[] result = new FieldChange[before.length];
        double[] pValues = new double[before.length];
        Arrays.fill(pValues, Double.NaN);
        for (int field = 0; field < before.length; field++) {
            if (claimable[field] && comparable(before, after, changes, field)) {
                pValues[field] = Percentiles.twoSidedP(changes[field]);
            }
        }
        boolean[] real = BenjaminiHochberg.reject(pValues, FALSE_DISCOVERY_RATE);
        for (int field = 0; field < before.length; field++) {
            if (comparable(before, after, changes, field)) {
                double[] interval = Percentiles.interval(changes[field]);
                boolean excludesZero = interval[0] > 0 || interval[1] < 0;
                result[field] = new FieldChange(
                        before[field], after[field], interval[0], interval[1], real[field] && excludesZero);
            }
        }
        return result;
    }

    private static boolean comparable(double[] before, double[] after, double[][] changes, int field) {
        return !Double.isNaN(before[field]) && !Double.isNaN(after[field]) && changes[field].length > 0;
    }

    /** Fields whose every factor cell has at least {@code labelFrom} paired scores in each round. */
    private static boolean[] claimable(VoteMatrix before, VoteMatrix after, int labelFrom) {
        boolean[] claimable = new boolean[before.fields()];
        for (int field = 0; field < claimable.length; field++) {
            claimable[field] = true;
            for (int factor = 0; factor < before.factors(); factor++) {
                int cell = field * before.factors() + factor;
                claimable[field] &= scoredIn(before, cell) >= labelFrom && scoredIn(after, cell) >= labelFrom;
            }
        }
        return claimable;
    }

    private static Disagreement disagreement(double meanChange, double[] interval, int cells) {
        if (Double.isNaN(meanChange) || Double.isNaN(interval[0]) || cells == 0) {
            return Disagreement.UNKNOWN;
        }
        if (interval[0] > 0) {
            return Disagreement.NARROWED;
        }
        return interval[1] < 0 ? Disagreement.WIDENED : Disagreement.ABOUT_THE_SAME;
    }

    /** Field scores of the drawn ballots by the poll's estimator; NaN for a field not scored on every factor. */
    private static double[] scores(VoteMatrix ballots, int[] drawn, AnalysisSettings settings) {
        return PollAnalyzer.fieldScores(drawnRows(ballots, drawn), settings);
    }

    private static VoteMatrix drawnRows(VoteMatrix ballots, int[] drawn) {
        int size = ballots.fields() * ballots.factors();
        byte[] source = ballots.answers();
        byte[] rows = new byte[drawn.length * size];
        for (int row = 0; row < drawn.length; row++) {
            System.arraycopy(source, drawn[row] * size, rows, row * size, size);
        }
        return new VoteMatrix(drawn.length, ballots.fields(), ballots.factors(), rows);
    }

    /** Per counted cell the consensus of the drawn ballots; NaN elsewhere. */
    private static double[] consensus(VoteMatrix ballots, int[] drawn, boolean[] counted, int scalePoints) {
        double[] consensus = new double[counted.length];
        for (int cell = 0; cell < counted.length; cell++) {
            consensus[cell] =
                    counted[cell] ? Consensus.tastleWierman(histogram(ballots, cell, scalePoints, drawn)) : Double.NaN;
        }
        return consensus;
    }

    private static double meanChange(double[] before, double[] after) {
        double sum = 0;
        int count = 0;
        for (int cell = 0; cell < before.length; cell++) {
            if (!Double.isNaN(before[cell]) && !Double.isNaN(after[cell])) {
                sum += after[cell] - before[cell];
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /**
     * {changed members, members mostly toward, members mostly away, cells toward, cells away}: a
     * change is a score replaced by another score; toward means closer to the previous round's median.
     */
    private static int[] movement(VoteMatrix before, VoteMatrix after, CellView[] medians) {
        int[] counts = new int[5];
        int cells = before.fields() * before.factors();
        byte[] one = before.answers();
        byte[] two = after.answers();
        for (int voter = 0; voter < before.voters(); voter++) {
            int toward = 0;
            int away = 0;
            boolean changed = false;
            for (int cell = 0; cell < cells; cell++) {
                int was = one[voter * cells + cell];
                int now = two[voter * cells + cell];
                if (was == 0 || now == 0 || was == now) {
                    continue;
                }
                changed = true;
                if (medians[cell] != null) {
                    double median = medians[cell].median();
                    double closer = Math.abs(was - median) - Math.abs(now - median);
                    toward += closer > 0 ? 1 : 0;
                    away += closer < 0 ? 1 : 0;
                }
            }
            counts[0] += changed ? 1 : 0;
            counts[1] += toward > away ? 1 : 0;
            counts[2] += away > toward ? 1 : 0;
            counts[3] += toward;
            counts[4] += away;
        }
        return counts;
    }

    /** Cells scored by at least {@code minVoters} of the paired members in each round. */
    private static boolean[] countedCells(VoteMatrix before, VoteMatrix after, int minVoters) {
        int cells = before.fields() * before.factors();
        boolean[] counted = new boolean[cells];
        for (int cell = 0; cell < cells; cell++) {
            counted[cell] = scoredIn(before, cell) >= minVoters && scoredIn(after, cell) >= minVoters;
        }
        return counted;
    }

    private static int scoredIn(VoteMatrix ballots, int cell) {
        int cells = ballots.fields() * ballots.factors();
        byte[] answers = ballots.answers();
        int scored = 0;
        for (int voter = 0; voter < ballots.voters(); voter++) {
            scored += answers[voter * cells + cell] > 0 ? 1 : 0;
        }
        return scored;
    }

    private static VoteMatrix masked(VoteMatrix ballots, boolean[] counted) {
        byte[] answers = ballots.answers();
        for (int index = 0; index < answers.length; index++) {
            if (!counted[index % counted.length]) {
                answers[index] = 0;
            }
        }
        return new VoteMatrix(ballots.voters(), ballots.fields(), ballots.factors(), answers);
    }

    /** Histogram of score indexes 1..K of the cell (index 0 = score index 1), over the drawn rows or all. */
    private static int[] histogram(VoteMatrix ballots, int cell, int scalePoints, int[] drawn) {
        int cells = ballots.fields() * ballots.factors();
        byte[] answers = ballots.answers();
        int[] histogram = new int[scalePoints];
        int rows = drawn == null ? ballots.voters() : drawn.length;
        for (int row = 0; row < rows; row++) {
            int voter = drawn == null ? row : drawn[row];
            int index = answers[voter * cells + cell];
            if (index > 0) {
                histogram[index - 1]++;
            }
        }
        return histogram;
    }

    /** The score index (1-based) of the {@code rank}-th smallest score in the histogram. */
    private static int rank(int[] histogram, int rank) {
        int seen = 0;
        for (int index = 0; index < histogram.length; index++) {
            seen += histogram[index];
            if (seen >= rank) {
                return index + 1;
            }
        }
        return histogram.length;
    }

    /** Pair indexes sorted by the content of both rows: storage order and voter ids do not matter. */
    private static int[] canonicalPairs(VoteMatrix before, VoteMatrix after) {
        int size = before.fields() * before.factors();
        byte[] one = before.answers();
        byte[] two = after.answers();
        List<Integer> pairs = new ArrayList<>();
        for (int voter = 0; voter < before.voters(); voter++) {
            pairs.add(voter);
        }
        pairs.sort((a, b) -> {
            int compared = Arrays.compare(one, a * size, (a + 1) * size, one, b * size, (b + 1) * size);
            return compared != 0
                    ? compared
                    : Arrays.compare(two, a * size, (a + 1) * size, two, b * size, (b + 1) * size);
        });
        return pairs.stream().mapToInt(Integer::intValue).toArray();
    }

    private static VoteMatrix reordered(VoteMatrix ballots, int[] order) {
        return drawnRows(ballots, order);
    }

    private static long seed(VoteMatrix before, VoteMatrix after) {
        long hash = 0x9E3779B97F4A7C15L * (before.fields() * 31L + before.factors());
        for (byte answer : before.answers()) {
            hash = EligibleBallots.mix64(hash ^ answer);
        }
        for (byte answer : after.answers()) {
            hash = EligibleBallots.mix64(hash + 0x632BE59BD9B4E019L + answer);
        }
        return hash;
    }
}
