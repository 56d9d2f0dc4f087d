package dev.fieldpoll.tally;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Lloyd's k-means with k-means++ seeding (Arthur &amp; Vassilvitskii 2007) and several seeded
 * restarts, keeping the partition with the smallest within-group sum of squares. Points are rows
 * of a flat array ({@code points[point * dims + dim]}). Ties go to the lower centre, and every
 * random choice comes from the given seed, so the same points give the same partition.
 *
 * <p>Large inputs: callers run the restarts on an evenly spaced sample of at most {@link #SAMPLE}
 * points ({@link #evenlySpaced}) and {@link #refine} the best centres on all points, so the cost
 * of the restarts does not grow with the number of voters. A partition's assignment is always
 * each point's nearest centre.
 */
final class KMeans {

    /** Restarts beyond this many points run on an evenly spaced sample of them. */
    static final int SAMPLE = 2000;

    static final int MAX_ITERATIONS = 100;

    /**
     * Relative slack on the bounds of {@link #lloyd}: about a million times the rounding error
     * of a distance, so a bound is never crossed by rounding, yet far too small to matter for
     * how many points are skipped.
     */
    private static final double SLACK = 1e-9;

    /**
     * A partition: {@code centres[group * dims + dim]}, each point's group (its nearest centre),
     * the group sizes and the within-group sum of squared distances to the centres.
     */
    record Partition(int k, int dims, double[] centres, int[] assignment, int[] sizes, double within) {}

    private KMeans() {}

    /** The best of {@code restarts} seeded runs of k-means++ then Lloyd. */
    static Partition fit(double[] points, int count, int dims, int k, int restarts, long seed) {
        if (k < 1 || count < k) {
            throw new IllegalArgumentException("need at least k = " + k + " points, got " + count);
        }
        double[] best = null;
        double bestWithin = Double.POSITIVE_INFINITY;
        int[] assignment = new int[count];
        for (int restart = 0; restart < restarts; restart++) {
            SplittableRandom random = new SplittableRandom(EligibleBallots.mix64(seed + 0x9E3779B97F4A7C15L * restart));
            double[] centres = seedPlusPlus(points, count, dims, k, random);
            double within = lloyd(points, count, dims, k, centres, assignment);
            if (within < bestWithin) {
                bestWithin = within;
                best = centres;
            }
        }
        assign(points, count, dims, k, best, assignment);
        return partition(points, count, dims, k, best, assignment);
    }

    /** Lloyd's iterations on all points from the given centres (say, those found on a sample). */
    static Partition refine(double[] points, int count, int dims, int k, double[] centres) {
        double[] refined = centres.clone();
        int[] assignment = new int[count];
        lloyd(points, count, dims, k, refined, assignment);
        assign(points, count, dims, k, refined, assignment);
        return partition(points, count, dims, k, refined, assignment);
    }

    /** Points at positions 0, step, 2·step, …: spread over the whole (canonically ordered) input. */
    static double[] evenlySpaced(double[] points, int count, int dims, int size) {
        double[] sample = new double[size * dims];
        for (int at = 0; at < size; at++) {
            int point = (int) ((long) at * count / size);
            System.arraycopy(points, point * dims, sample, at * dims, dims);
        }
        return sample;
    }

    /** k-means++: the first centre uniformly, each next one with probability proportional to D². */
    private static double[] seedPlusPlus(double[] points, int count, int dims, int k, SplittableRandom random) {
        double[] centres = new double[k * dims];
        double[] nearest = new double[count];
        int first = random.nextInt(count);
        System.arraycopy(points, first * dims, centres, 0, dims);
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int centre = 1; centre < k; centre++) {
            double total = 0;
            for (int point = 0; point < count; point++) {
                nearest[point] = Math.min(nearest[point], distance(points, point, centres, centre - 1, dims));
                total += nearest[point];
            }
            int chosen = count - 1;
            if (total > 0) {
                double target = random.nextDouble() * total;
                double cumulative = 0;
                for (int point = 0; point < count; point++) {
                    cumulative += nearest[point];
                    if (cumulative > target) {
                        chosen = point;
                        break;
                    }
                }
            } else {
                chosen = random.nextInt(count);
            }
            System.arraycopy(points, chosen * dims, centres, centre * dims, dims);
        }
        return centres;
    }

    /**
     * Lloyd's iterations from the given centres (updated in place) until no point changes group.
     *
     * <p>Most points keep their group from one iteration to the next, so each point carries
     * Hamerly's (2010) bounds: an upper bound on its distance to its own centre and a lower bound
     * on its distance to every other centre, moved by how far the centres moved. A point whose
     * upper bound stays below its lower bound cannot change group and is not measured again. The
     * bounds are kept with a relative slack ({@link #SLACK}, far above rounding) and a point is
     * skipped only when that slack still separates them, so a skipped point is one that {@link
     * #nearest} would have left where it was: the partition is exactly that of plain Lloyd.
     */
    private static double lloyd(double[] points, int count, int dims, int k, double[] centres, int[] assignment) {
        Arrays.fill(assignment, 0, count, -1);
        Bounds bounds = new Bounds(count, k, dims);
        boolean measureAll = true;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            if (!bounds.assign(points, count, dims, k, centres, assignment, measureAll)) {
                break;
            }
            // a reseeded point changes group outside the bounds' bookkeeping: measure everyone again
            measureAll = false;
            System.arraycopy(centres, 0, bounds.previous, 0, k * dims);
            for (int group = 0; group < k; group++) {
                if (bounds.sizes[group] == 0) {
                    reseedEmpty(points, count, dims, centres, assignment, group);
                    measureAll = true;
                    continue;
                }
                for (int dim = 0; dim < dims; dim++) {
                    centres[group * dims + dim] = bounds.sums[group * dims + dim] / bounds.sizes[group];
                }
            }
            bounds.moved(centres, k, dims);
        }
        double within = 0;
        for (int point = 0; point < count; point++) {
            within += distance(points, point, centres, assignment[point], dims);
        }
        return within;
    }

    /**
     * Scratch of one {@link #lloyd} run: each point's bounds, how far each centre last moved, and
     * the groups' sizes and coordinate sums of the last assignment (summed point by point in
     * order, as plain Lloyd sums them). Not thread-safe: one run's scratch.
     */
    private static final class Bounds {

        final double[] upper;
        final double[] lower;
        final double[] previous;
        final double[] moves;
        final int[] sizes;
        final double[] sums;

        Bounds(int count, int k, int dims) {
            upper = new double[count];
            lower = new double[count];
            previous = new double[k * dims];
            moves = new double[k];
            sizes = new int[k];
            sums = new double[k * dims];
        }

        /** How far each centre moved from {@link #previous} (an upper bound, with slack). */
        void moved(double[] centres, int k, int dims) {
            for (int group = 0; group < k; group++) {
                moves[group] = Math.sqrt(distance(previous, group, centres, group, dims)) * (1 + SLACK);
            }
        }

        /**
         * Every point to its nearest centre, measuring all points ({@code measureAll}) or only those
         * whose bounds, moved with the centres, no longer separate; sums the groups on the way.
         * True when any point changed group.
         */
        boolean assign(
                double[] points, int count, int dims, int k, double[] centres, int[] assignment, boolean measureAll) {
            int farthest = 0;
            for (int group = 1; group < k; group++) {
                farthest = moves[group] > moves[farthest] ? group : farthest;
            }
            double secondMove = 0;
            for (int group = 0; group < k; group++) {
                secondMove = group != farthest ? Math.max(secondMove, moves[group]) : secondMove;
            }
            Arrays.fill(sizes, 0);
            Arrays.fill(sums, 0);
            boolean changed = false;
            for (int point = 0; point < count; point++) {
                int own = assignment[point];
                int group = own;
                if (measureAll) {
                    group = measure(points, point, centres, k, dims, upper, lower);
                } else {
                    double up = (upper[point] + moves[own]) * (1 + SLACK);
                    double low = lower[point] * (1 - SLACK) - (own == farthest ? secondMove : moves[farthest]);
                    upper[point] = up;
                    lower[point] = low;
                    if (!separated(up, low)) {
                        group = measure(points, point, centres, k, dims, upper, lower);
                    }
                }
                changed |= group != own;
                assignment[point] = group;
                sizes[group]++;
                for (int dim = 0; dim < dims; dim++) {
                    sums[group * dims + dim] += points[point * dims + dim];
                }
            }
            return changed;
        }
    }

    /**
     * Whether a point within {@code upper} of its own centre and at least {@code lower} from every
     * other is surely nearest its own: the bounds apart by more than their slack, so rounding in
     * the squared distances {@link #nearest} compares cannot reverse the order.
     */
    private static boolean separated(double upper, double lower) {
        return upper * (1 + SLACK) < lower * (1 - SLACK);
    }

    /**
     * A point's nearest centre, chosen as {@link #nearest} chooses it, with its bounds: the
     * distance to that centre (rounded up by the slack) and to the next nearest (rounded down).
     */
    private static int measure(
            double[] points, int point, double[] centres, int k, int dims, double[] upper, double[] lower) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        double secondDistance = Double.POSITIVE_INFINITY;
        for (int centre = 0; centre < k; centre++) {
            double distance = distance(points, point, centres, centre, dims);
            if (distance < bestDistance) {
                secondDistance = bestDistance;
                bestDistance = distance;
                best = centre;
            } else if (distance < secondDistance) {
                secondDistance = distance;
            }
        }
        upper[point] = Math.sqrt(bestDistance) * (1 + SLACK);
        lower[point] = Math.sqrt(secondDistance) * (1 - SLACK);
        return best;
    }

    /** An empty group takes the point farthest from its own centre (the lowest such point on ties). */
    private static void reseedEmpty(
            double[] points, int count, int dims, double[] centres, int[] assignment, int empty) {
        int farthest = 0;
        double largest = -1;
        for (int point = 0; point < count; point++) {
            double distance = distance(points, point, centres, assignment[point], dims);
            if (distance > largest) {
                largest = distance;
                farthest = point;
            }
        }
        System.arraycopy(points, farthest * dims, centres, empty * dims, dims);
        assignment[farthest] = empty;
    }

    static void assign(double[] points, int count, int dims, int k, double[] centres, int[] assignment) {
        for (int point = 0; point < count; point++) {
            assignment[point] = nearest(points, point, centres, k, dims);
        }
    }

    /** The nearest centre to a point; ties go to the lower centre. */
    static int nearest(double[] points, int point, double[] centres, int k, int dims) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int centre = 0; centre < k; centre++) {
            double distance = distance(points, point, centres, centre, dims);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = centre;
            }
        }
        return best;
    }

    /** Squared Euclidean distance between a point and a centre. */
    static double distance(double[] points, int point, double[] centres, int centre, int dims) {
        if (dims == 3) {
            // the loop below unrolled for the analysis's three axes: the same sum, in the same order
            int at = point * 3;
            int from = centre * 3;
            double x = points[at] - centres[from];
            double y = points[at + 1] - centres[from + 1];
            double z = points[at + 2] - centres[from + 2];
            return x * x + y * y + z * z;
        }
        double sum = 0;
        for (int dim = 0; dim < dims; dim++) {
            double difference = points[point * dims + dim] - centres[centre * dims + dim];
            sum += difference * difference;
        }
        return sum;
    }

    private static Partition partition(
            double[] points, int count, int dims, int k, double[] centres, int[] assignment) {
        int[] sizes = new int[k];
        double within = 0;
        for (int point = 0; point < count; point++) {
            sizes[assignment[point]]++;
            within += distance(points, point, centres, assignment[point], dims);
        }
        return new Partition(k, dims, centres.clone(), assignment, sizes, within);
    }

    /**
     * log(W/T) measured only along the directions that separate the centres (the span of their
     * differences, at most k − 1 of them): W the squares of the points about their centres, T
     * about their mean. Directions the partition does not use (a crowd's spread in leniency,
     * noise) would otherwise water down how clearly the groups stand apart.
     */
    static double logWithinShare(double[] points, int count, Partition partition) {
        int dims = partition.dims();
        double[] basis = separatingBasis(partition);
        int axes = basis.length / dims;
        if (axes == 0) {
            return 0;
        }
        double[] mean = new double[dims];
        for (int point = 0; point < count; point++) {
            for (int dim = 0; dim < dims; dim++) {
                mean[dim] += points[point * dims + dim] / count;
            }
        }
        double within = 0;
        double total = 0;
        for (int point = 0; point < count; point++) {
            int centre = partition.assignment()[point];
            for (int axis = 0; axis < axes; axis++) {
                double aboutCentre = 0;
                double aboutMean = 0;
                for (int dim = 0; dim < dims; dim++) {
                    double value = points[point * dims + dim];
                    aboutCentre += basis[axis * dims + dim] * (value - partition.centres()[centre * dims + dim]);
                    aboutMean += basis[axis * dims + dim] * (value - mean[dim]);
                }
                within += aboutCentre * aboutCentre;
                total += aboutMean * aboutMean;
            }
        }
        return total > 0 ? Math.log(Math.max(within, Double.MIN_NORMAL) / total) : 0;
    }

    /** An orthonormal basis (rows) of the span of the centres' differences from the first centre. */
    static double[] separatingBasis(Partition partition) {
        int dims = partition.dims();
        double[] basis = new double[(partition.k() - 1) * dims];
        int axes = 0;
        double[] vector = new double[dims];
        for (int centre = 1; centre < partition.k(); centre++) {
            for (int dim = 0; dim < dims; dim++) {
                vector[dim] =
                        partition.centres()[centre * dims + dim] - partition.centres()[dim];
            }
            double length = 0;
            for (int dim = 0; dim < dims; dim++) {
                length += vector[dim] * vector[dim];
            }
            for (int axis = 0; axis < axes; axis++) {
                double projection = 0;
                for (int dim = 0; dim < dims; dim++) {
                    projection += vector[dim] * basis[axis * dims + dim];
                }
                for (int dim = 0; dim < dims; dim++) {
                    vector[dim] -= projection * basis[axis * dims + dim];
                }
            }
            double norm = 0;
            for (int dim = 0; dim < dims; dim++) {
                norm += vector[dim] * vector[dim];
            }
            if (norm > 1e-12 * Math.max(length, 1e-300)) {
                for (int dim = 0; dim < dims; dim++) {
                    basis[axes * dims + dim] = vector[dim] / Math.sqrt(norm);
                }
                axes++;
            }
        }
        return java.util.Arrays.copyOf(basis, axes * dims);
    }

    /** Sum of squared distances of the points to their mean: what one group leaves unexplained. */
    static double totalSquares(double[] points, int count, int dims) {
        double[] mean = new double[dims];
        for (int point = 0; point < count; point++) {
            for (int dim = 0; dim < dims; dim++) {
                mean[dim] += points[point * dims + dim] / count;
            }
        }
        double sum = 0;
        for (int point = 0; point < count; point++) {
            sum += distance(points, point, mean, 0, dims);
        }
        return sum;
    }
}
