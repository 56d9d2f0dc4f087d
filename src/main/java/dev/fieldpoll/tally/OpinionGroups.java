package dev.fieldpoll.tally;

import java.util.List;
import java.util.Objects;

/**
 * Opinion groups among the voters and what every group agrees on (DESIGN: "Opinion groups"), as
 * computed by {@link GroupAnalyzer}. Cells are indexed {@code field * factors + factor} and
 * values are in scale units. Groups are in label order: A, the largest, first. Only when
 * {@link #status()} is {@link Status#FOUND} are there groups, common ground, a map and a placer.
 * Immutable; arrays are copied out.
 */
public final class OpinionGroups {

    /** Why there are groups or not. */
    public enum Status {
        /** Fewer placed ballots than the threshold: nothing is computed or drawn. */
        TOO_FEW_BALLOTS,
        /** Fewer eligible cells than {@link GroupAnalyzer#MIN_CELLS}: too little to tell views apart. */
        TOO_FEW_CELLS,
        /** The best partition is not clearly better than one group. */
        NO_DISTINCT_GROUPS,
        FOUND
    }

    /**
     * How the decision was reached: the ballots placed (those with at least half the eligible
     * cells answered), the threshold, the number of groups chosen, its silhouette, and the gap
     * against one normal crowd with the threshold it had to pass. NaN where not computed.
     */
    public record Method(int placed, int needed, int k, double silhouette, double gap, double gapNeeded) {}

    /**
     * A difference between a group and everyone else (with two groups: the other group) on one
     * cell: means, difference and its 90% Welch interval, from voters placed without that cell.
     */
    public record SeparatingCell(
            int cell, double groupMean, double othersMean, double difference, double low, double high, double pValue) {}

    /**
     * One group. {@code means} per cell (NaN where the group has fewer than min-voters scores),
     * {@code scores} per field (NaN when not every factor has a mean), {@code ranking} the
     * fields it scores, best first.
     */
    public record Group(
            int size, double[] means, int[] answers, double[] scores, int[] ranking, List<SeparatingCell> separating) {

        public Group {
            means = means.clone();
            answers = answers.clone();
            scores = scores.clone();
            ranking = ranking.clone();
            separating = List.copyOf(separating);
        }

        @Override
        public double[] means() {
            return means.clone();
        }

        @Override
        public int[] answers() {
            return answers.clone();
        }

        @Override
        public double[] scores() {
            return scores.clone();
        }

        @Override
        public int[] ranking() {
            return ranking.clone();
        }
    }

    /**
     * A field every group ranks in its upper half; {@code lowestScore} is its lowest score over
     * the groups, the group-informed consensus that orders bridging fields.
     */
    public record CommonField(int field, double lowestScore, int worstRank) {}

    /**
     * A cell where most of every group is on the same side of the middle ({@code high}: above it),
     * on evidence; {@code lowestShare} is the smallest share on that side over the groups.
     */
    public record CommonCell(int cell, boolean high, double lowestShare) {}

    /**
     * Voters on the first two axes, for the chart: at most {@link GroupAnalyzer#MAP_POINTS} evenly
     * spaced ballots (no ids), each with its group, and the group centres; {@code xShare} and
     * {@code yShare} are the shares of all answer variance the axes carry.
     */
    public record GroupMap(
            float[] xs, float[] ys, byte[] groups, double[] centreXs, double[] centreYs, double xShare, double yShare) {

        public GroupMap {
            xs = xs.clone();
            ys = ys.clone();
            groups = groups.clone();
            centreXs = centreXs.clone();
            centreYs = centreYs.clone();
        }

        @Override
        public float[] xs() {
            return xs.clone();
        }

        @Override
        public float[] ys() {
            return ys.clone();
        }

        @Override
        public byte[] groups() {
            return groups.clone();
        }

        @Override
        public double[] centreXs() {
            return centreXs.clone();
        }

        @Override
        public double[] centreYs() {
            return centreYs.clone();
        }

        public int points() {
            return xs.length;
        }
    }

    private final Status status;
    private final Method method;
    private final List<Group> groups;
    private final List<CommonField> commonFields;
    private final List<CommonCell> commonCells;
    private final GroupMap map;
    private final GroupPlacer placer;

    OpinionGroups(
            Status status,
            Method method,
            List<Group> groups,
            List<CommonField> commonFields,
            List<CommonCell> commonCells,
            GroupMap map,
            GroupPlacer placer) {
        this.status = Objects.requireNonNull(status, "status");
        this.method = Objects.requireNonNull(method, "method");
        this.groups = List.copyOf(groups);
        this.commonFields = List.copyOf(commonFields);
        this.commonCells = List.copyOf(commonCells);
        this.map = map;
        this.placer = placer;
        if ((status == Status.FOUND) != (!this.groups.isEmpty() && map != null && placer != null)) {
            throw new IllegalArgumentException("groups, a map and a placer exist exactly when groups were found");
        }
    }

    static OpinionGroups none(Status status, Method method) {
        return new OpinionGroups(status, method, List.of(), List.of(), List.of(), null, null);
    }

    public Status status() {
        return status;
    }

    public boolean found() {
        return status == Status.FOUND;
    }

    public Method method() {
        return method;
    }

    /** In label order (A first, the largest); empty unless found. */
    public List<Group> groups() {
        return groups;
    }

    /** Bridging fields first: those every group ranks highest. */
    public List<CommonField> commonFields() {
        return commonFields;
    }

    /** Clearest first: the smallest share on the agreed side is largest. */
    public List<CommonCell> commonCells() {
        return commonCells;
    }

    /** Null unless found. */
    public GroupMap map() {
        return map;
    }

    /** Places any ballot in its nearest group; null unless found. */
    public GroupPlacer placer() {
        return placer;
    }
}
