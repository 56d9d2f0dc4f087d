package dev.fieldpoll.tally;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds opinion groups among voters (DESIGN: "Opinion groups"), from the same eligible ballots in
 * the same canonical order as the rest of the report, with a seed derived from the votes: the same
 * votes always give the same groups.
 *
 * <ol>
 *   <li>Ballots with at least half the eligible cells answered are placed on three principal axes
 *       ({@link BallotProjection}); the others are left out.
 *   <li>k-means++ with seeded restarts ({@link KMeans}) for k = 2, 3, 4; a partition with a group
 *       smaller than min-voters or than 10% of the placed ballots is not a candidate (such a group
 *       is never shown on its own). k is the candidate with the best silhouette ({@link Silhouette}).
 *   <li>The partition counts only when it is clearly better than one group: its gap against one
 *       normal crowd of the same spread ({@link OneGroupReference}) must exceed a fixed margin by
 *       1.645 of the reference's standard deviations, so small polls need more. The margin was set
 *       by simulation: one population (with or without skipped answers, with or without a
 *       continuous trait that bends several cells) comes out as one group in at least 96% of
 *       seeded polls from 30 to 1,000 voters.
 *   <li>Each group's profile and ranking, the cells that separate it ({@link SeparatingCells}) and
 *       the common ground of all groups ({@link GroupProfiles}).
 * </ol>
 */
public final class GroupAnalyzer {

    /** Ballots needed before groups are looked for, unless configured otherwise. */
    public static final int DEFAULT_GROUPS_FROM = 30;

    /** Fewer eligible cells than this hold too little to tell views apart. */
    public static final int MIN_CELLS = 4;

    /** A group is shown only with at least this share of the placed ballots (and min-voters). */
    public static final double MIN_GROUP_SHARE = 0.10;

    /** How far the gap must clear one crowd's: chosen by simulation (see README, "Opinion groups"). */
    public static final double GAP_MARGIN = 0.2;

    /** Reference standard deviations the gap must clear beyond the margin (one-sided 95%). */
    static final double GAP_SPREADS = 1.645;

    static final int MAX_GROUPS = 4;
    static final int RESTARTS = 8;
    static final int MAP_POINTS = 1000;

    private static final long SALT = 0x6A09E667F3BCC909L;

    private GroupAnalyzer() {}

    /**
     * @param ballots the report's eligible ballots (canonical order, seed from the votes)
     * @param settings the report's settings: scale, field weights, min-voters
     * @param groupsFrom how many placed ballots groups need
     */
    public static OpinionGroups analyze(EligibleBallots ballots, AnalysisSettings settings, int groupsFrom) {
        if (groupsFrom < 1) {
            throw new IllegalArgumentException("groupsFrom must be at least 1, was " + groupsFrom);
        }
        int columns = ballots.columns();
        int[] placedVoters = placeable(ballots);
        int placed = placedVoters.length;
        OpinionGroups.Method nothing =
                new OpinionGroups.Method(placed, groupsFrom, 0, Double.NaN, Double.NaN, Double.NaN);
        if (placed < Math.max(groupsFrom, 2)) {
            return OpinionGroups.none(OpinionGroups.Status.TOO_FEW_BALLOTS, nothing);
        }
        if (columns < MIN_CELLS) {
            return OpinionGroups.none(OpinionGroups.Status.TOO_FEW_CELLS, nothing);
        }
        BallotProjection projection = BallotProjection.fit(ballots.rows(), columns, placedVoters);
        int dims = projection.dims();
        double[] points = new double[placed * dims];
        double[] scratch = new double[columns];
        for (int at = 0; at < placed; at++) {
            projection.place(ballots.rows(), placedVoters[at] * columns, -1, points, at * dims, scratch);
        }
        long seed = EligibleBallots.mix64(ballots.seed() ^ SALT);
        int smallest = Math.max(settings.minVoters(), (int) Math.ceil(MIN_GROUP_SHARE * placed));
        // k is chosen and tested on an evenly spaced sample (all ballots up to KMeans.SAMPLE)
        int sampled = Math.min(placed, KMeans.SAMPLE);
        double[] sample = sampled == placed ? points : KMeans.evenlySpaced(points, placed, dims, sampled);
        int smallestSampled = (int) Math.ceil((double) smallest * sampled / placed);
        List<KMeans.Partition> candidates = new ArrayList<>();
        for (int k = 2; k <= MAX_GROUPS && k * smallest <= placed; k++) {
            KMeans.Partition partition =
                    KMeans.fit(sample, sampled, dims, k, RESTARTS, EligibleBallots.mix64(seed + k));
            if (smallestGroup(partition) >= smallestSampled) {
                candidates.add(partition);
            }
        }
        // one pass over the pairs scores every candidate
        double[] silhouettes = Silhouette.of(
                sample,
                sampled,
                dims,
                candidates.stream().map(KMeans.Partition::assignment).toArray(int[][]::new),
                candidates.stream().mapToInt(KMeans.Partition::k).toArray());
        KMeans.Partition best = null;
        double bestSilhouette = Double.NEGATIVE_INFINITY;
        for (int at = 0; at < candidates.size(); at++) {
            if (silhouettes[at] > bestSilhouette) {
                bestSilhouette = silhouettes[at];
                best = candidates.get(at);
            }
        }
        if (best == null || !(KMeans.totalSquares(sample, sampled, dims) > 0)) {
            return OpinionGroups.none(OpinionGroups.Status.NO_DISTINCT_GROUPS, nothing);
        }
        double observed = KMeans.logWithinShare(sample, sampled, best);
        OneGroupReference.Gap gap = OneGroupReference.of(
                projection.eigenvalues(),
                sampled,
                dims,
                best.k(),
                RESTARTS,
                observed,
                EligibleBallots.mix64(seed ^ 0x3C6EF372FE94F82BL));
        double needed = GAP_MARGIN + GAP_SPREADS * gap.sd();
        OpinionGroups.Method method =
                new OpinionGroups.Method(placed, groupsFrom, best.k(), bestSilhouette, gap.gap(), needed);
        if (!(gap.gap() > needed)) {
            return OpinionGroups.none(OpinionGroups.Status.NO_DISTINCT_GROUPS, method);
        }
        KMeans.Partition all = sample == points ? best : KMeans.refine(points, placed, dims, best.k(), best.centres());
        if (smallestGroup(all) < smallest) {
            return OpinionGroups.none(OpinionGroups.Status.NO_DISTINCT_GROUPS, method);
        }
        KMeans.Partition labelled = inLabelOrder(all, points, placed);
        return found(ballots, settings, projection, placedVoters, points, labelled, method);
    }

    private static int smallestGroup(KMeans.Partition partition) {
        return Arrays.stream(partition.sizes()).min().orElse(0);
    }

    /** Voters with at least half the eligible cells answered, in canonical order. */
    private static int[] placeable(EligibleBallots ballots) {
        int columns = ballots.columns();
        int needed = BallotProjection.minAnswers(columns);
        byte[] rows = ballots.rows();
        int[] voters = new int[ballots.voters()];
        int count = 0;
        for (int voter = 0; voter < ballots.voters(); voter++) {
            int answered = 0;
            for (int column = 0; column < columns; column++) {
                answered += rows[voter * columns + column] > 0 ? 1 : 0;
            }
            if (answered >= needed) {
                voters[count++] = voter;
            }
        }
        return Arrays.copyOf(voters, count);
    }

    /** Groups relabelled largest first (ties: by centre, axis by axis), assignment to the nearest centre. */
    private static KMeans.Partition inLabelOrder(KMeans.Partition partition, double[] points, int count) {
        int k = partition.k();
        int dims = partition.dims();
        Integer[] order = new Integer[k];
        for (int group = 0; group < k; group++) {
            order[group] = group;
        }
        Arrays.sort(order, (a, b) -> {
            int bySize = Integer.compare(partition.sizes()[b], partition.sizes()[a]);
            if (bySize != 0) {
                return bySize;
            }
            for (int dim = 0; dim < dims; dim++) {
                int byCentre = Double.compare(
                        partition.centres()[a * dims + dim], partition.centres()[b * dims + dim]);
                if (byCentre != 0) {
                    return byCentre;
                }
            }
            return Integer.compare(a, b);
        });
        double[] centres = new double[k * dims];
        for (int label = 0; label < k; label++) {
            System.arraycopy(partition.centres(), order[label] * dims, centres, label * dims, dims);
        }
        int[] assignment = new int[count];
        KMeans.assign(points, count, dims, k, centres, assignment);
        int[] sizes = new int[k];
        for (int group : assignment) {
            sizes[group]++;
        }
        return new KMeans.Partition(k, dims, centres, assignment, sizes, partition.within());
    }

    private static OpinionGroups found(
            EligibleBallots ballots,
            AnalysisSettings settings,
            BallotProjection projection,
            int[] placedVoters,
            double[] points,
            KMeans.Partition partition,
            OpinionGroups.Method method) {
        GroupProfiles profiles = new GroupProfiles(ballots, settings, placedVoters, partition);
        List<List<OpinionGroups.SeparatingCell>> separating =
                SeparatingCells.of(ballots, settings, projection, placedVoters, partition.centres(), partition.k());
        List<OpinionGroups.Group> groups = new ArrayList<>();
        for (int group = 0; group < partition.k(); group++) {
            groups.add(profiles.group(group, separating.get(group)));
        }
        return new OpinionGroups(
                OpinionGroups.Status.FOUND,
                method,
                groups,
                profiles.commonFields(groups),
                profiles.commonCells(),
                map(projection, points, placedVoters.length, partition),
                new GroupPlacer(projection, ballots, partition.centres(), partition.k()));
    }

    private static OpinionGroups.GroupMap map(
            BallotProjection projection, double[] points, int count, KMeans.Partition partition) {
        int dims = projection.dims();
        int size = Math.min(count, MAP_POINTS);
        float[] xs = new float[size];
        float[] ys = new float[size];
        byte[] groups = new byte[size];
        for (int at = 0; at < size; at++) {
            int point = (int) ((long) at * count / size);
            xs[at] = (float) points[point * dims];
            ys[at] = dims > 1 ? (float) points[point * dims + 1] : 0f;
            groups[at] = (byte) partition.assignment()[point];
        }
        double[] centreXs = new double[partition.k()];
        double[] centreYs = new double[partition.k()];
        for (int group = 0; group < partition.k(); group++) {
            centreXs[group] = partition.centres()[group * dims];
            centreYs[group] = dims > 1 ? partition.centres()[group * dims + 1] : 0;
        }
        return new OpinionGroups.GroupMap(
                xs,
                ys,
                groups,
                centreXs,
                centreYs,
                projection.explainedShare(0),
                dims > 1 ? projection.explainedShare(1) : 0);
    }
}
