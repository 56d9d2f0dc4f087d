package dev.fieldpoll.tally;

/**
 * Rousseeuw's (1987) silhouette of a partition: for each point, a = its mean distance to the other
 * members of its group, b = its mean distance to the members of the nearest other group, and
 * s = (b − a) / max(a, b); the partition's silhouette is the mean of s (1 = tight, well-apart
 * groups; near 0 = groups that run into each other). Computed on at most {@link #SAMPLE} evenly
 * spaced points, since it compares every pair.
 *
 * <p>The pairwise distances do not depend on the partition, so {@link #of(double[], int, int,
 * int[][], int[])} scores several partitions of the same points in one pass, each distance
 * computed once for both points of its pair. Every point's sums still take the other points in
 * ascending order, as a point-by-point loop would, so the result is the same to the last bit.
 */
final class Silhouette {

    static final int SAMPLE = 1500;

    private Silhouette() {}

    /** The silhouette of one partition ({@code assignment}: each point's group of {@code k}). */
    static double of(double[] points, int count, int dims, int[] assignment, int k) {
        return of(points, count, dims, new int[][] {assignment}, new int[] {k})[0];
    }

    /** The silhouettes of several partitions of the same points: {@code assignments[i]} has {@code ks[i]} groups. */
    static double[] of(double[] points, int count, int dims, int[][] assignments, int[] ks) {
        int partitions = ks.length;
        if (partitions == 0) {
            return new double[0];
        }
        int size = Math.min(count, SAMPLE);
        double[] chosen = new double[size * dims];
        int[][] labels = new int[partitions][size];
        int[] offsets = new int[partitions];
        int width = 0;
        for (int partition = 0; partition < partitions; partition++) {
            offsets[partition] = width;
            width += ks[partition];
        }
        for (int at = 0; at < size; at++) {
            int point = (int) ((long) at * count / size);
            System.arraycopy(points, point * dims, chosen, at * dims, dims);
            for (int partition = 0; partition < partitions; partition++) {
                labels[partition][at] = offsets[partition] + assignments[partition][point];
            }
        }
        double[] distanceSums = pairSums(chosen, size, dims, labels, width);
        double[] silhouettes = new double[partitions];
        for (int partition = 0; partition < partitions; partition++) {
            silhouettes[partition] =
                    mean(distanceSums, size, width, labels[partition], offsets[partition], ks[partition]);
        }
        return silhouettes;
    }

    /**
     * {@code sums[point * width + label]}: the point's summed distances to the members of each
     * group of every partition, pairs visited once (row by row, each row with the later points),
     * which hands every point its distances in ascending order of the other point.
     */
    private static double[] pairSums(double[] chosen, int size, int dims, int[][] labels, int width) {
        double[] sums = new double[size * width];
        int partitions = labels.length;
        for (int point = 0; point < size; point++) {
            int row = point * width;
            for (int other = point + 1; other < size; other++) {
                double distance = Math.sqrt(KMeans.distance(chosen, point, chosen, other, dims));
                int otherRow = other * width;
                for (int partition = 0; partition < partitions; partition++) {
                    int[] label = labels[partition];
                    sums[row + label[other]] += distance;
                    sums[otherRow + label[point]] += distance;
                }
            }
        }
        return sums;
    }

    private static double mean(double[] distanceSums, int size, int width, int[] labels, int offset, int k) {
        int[] members = new int[k];
        for (int label : labels) {
            members[label - offset]++;
        }
        double total = 0;
        for (int point = 0; point < size; point++) {
            total += silhouette(distanceSums, point * width + offset, members, labels[point] - offset);
        }
        return total / size;
    }

    private static double silhouette(double[] distanceSums, int from, int[] members, int own) {
        if (members[own] <= 1) {
            return 0;
        }
        double within = distanceSums[from + own] / (members[own] - 1);
        double nearest = Double.POSITIVE_INFINITY;
        for (int group = 0; group < members.length; group++) {
            if (group != own && members[group] > 0) {
                nearest = Math.min(nearest, distanceSums[from + group] / members[group]);
            }
        }
        if (nearest == Double.POSITIVE_INFINITY) {
            return 0;
        }
        double larger = Math.max(within, nearest);
        return larger == 0 ? 0 : (nearest - within) / larger;
    }
}
