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

    /** Lloyd's iterations from the given centres (updated in place) until no point changes group. */
    private static double lloyd(double[] points, int count, int dims, int k, double[] centres, int[] assignment) {
        Arrays.fill(assignment, 0, count, -1);
        int[] sizes = new int[k];
        double[] sums = new double[k * dims];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            boolean changed = false;
            for (int point = 0; point < count; point++) {
                int group = nearest(points, point, centres, k, dims);
                changed |= group != assignment[point];
                assignment[point] = group;
            }
            if (!changed) {
                break;
            }
            Arrays.fill(sizes, 0);
            Arrays.fill(sums, 0);
            for (int point = 0; point < count; point++) {
                int group = assignment[point];
                sizes[group]++;
                for (int dim = 0; dim < dims; dim++) {
                    sums[group * dims + dim] += points[point * dims + dim];
                }
            }
            for (int group = 0; group < k; group++) {
                if (sizes[group] == 0) {
                    reseedEmpty(points, count, dims, centres, assignment, group);
                    continue;
                }
                for (int dim = 0; dim < dims; dim++) {
                    centres[group * dims + dim] = sums[group * dims + dim] / sizes[group];
                }
            }
        }
        double within = 0;
        for (int point = 0; point < count; point++) {
            within += distance(points, point, centres, assignment[point], dims);
        }
        return within;
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
