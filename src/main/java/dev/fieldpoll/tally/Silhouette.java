package dev.fieldpoll.tally;

/**
 * Rousseeuw's (1987) silhouette of a partition: for each point, a = its mean distance to the other
 * members of its group, b = its mean distance to the members of the nearest other group, and
 * s = (b − a) / max(a, b); the partition's silhouette is the mean of s (1 = tight, well-apart
 * groups; near 0 = groups that run into each other). Computed on at most {@link #SAMPLE} evenly
 * spaced points, since it compares every pair.
 */
final class Silhouette {

    static final int SAMPLE = 1500;

    private Silhouette() {}

    static double of(double[] points, int count, int dims, int[] assignment, int k) {
        int size = Math.min(count, SAMPLE);
        int[] chosen = new int[size];
        for (int at = 0; at < size; at++) {
            chosen[at] = (int) ((long) at * count / size);
        }
        int[] members = new int[k];
        for (int point : chosen) {
            members[assignment[point]]++;
        }
        double[] distanceSums = new double[k];
        double total = 0;
        for (int point : chosen) {
            java.util.Arrays.fill(distanceSums, 0);
            for (int other : chosen) {
                if (other != point) {
                    distanceSums[assignment[other]] += Math.sqrt(KMeans.distance(points, point, points, other, dims));
                }
            }
            total += silhouette(distanceSums, members, assignment[point]);
        }
        return total / size;
    }

    private static double silhouette(double[] distanceSums, int[] members, int own) {
        if (members[own] <= 1) {
            return 0;
        }
        double within = distanceSums[own] / (members[own] - 1);
        double nearest = Double.POSITIVE_INFINITY;
        for (int group = 0; group < members.length; group++) {
            if (group != own && members[group] > 0) {
                nearest = Math.min(nearest, distanceSums[group] / members[group]);
            }
        }
        if (nearest == Double.POSITIVE_INFINITY) {
            return 0;
        }
        double larger = Math.max(within, nearest);
        return larger == 0 ? 0 : (nearest - within) / larger;
    }
}
