package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KMeansTest {

    /** Three tight blobs in the plane around (0, 0), (10, 0) and (0, 10), 40 points each. */
    private static double[] blobs(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centres = {{0, 0}, {10, 0}, {0, 10}};
        double[] points = new double[120 * 2];
        for (int point = 0; point < 120; point++) {
            points[point * 2] = centres[point % 3][0] + OneGroupReference.gaussian(random);
            points[point * 2 + 1] = centres[point % 3][1] + OneGroupReference.gaussian(random);
        }
        return points;
    }

    @Test
    void separateBlobsAreFoundWithTheirCentres() {
        double[] points = blobs(1);

        KMeans.Partition partition = KMeans.fit(points, 120, 2, 3, 8, 42);

        assertThat(partition.sizes()).containsExactlyInAnyOrder(40, 40, 40);
        for (int point = 0; point < 120; point++) {
            assertThat(partition.assignment()[point]).isEqualTo(partition.assignment()[point % 3]);
        }
        for (int group = 0; group < 3; group++) {
            double x = partition.centres()[group * 2];
            double y = partition.centres()[group * 2 + 1];
            assertThat(Math.min(Math.hypot(x, y), Math.min(Math.hypot(x - 10, y), Math.hypot(x, y - 10))))
                    .isLessThan(0.6);
        }
        assertThat(KMeans.logWithinShare(points, 120, partition)).isLessThan(-3);
    }

    @Test
    void theSameSeedGivesTheSamePartition() {
        double[] points = blobs(2);

        KMeans.Partition first = KMeans.fit(points, 120, 2, 4, 5, 7);
        KMeans.Partition second = KMeans.fit(points, 120, 2, 4, 5, 7);

        assertThat(second.centres()).containsExactly(first.centres());
        assertThat(second.assignment()).containsExactly(first.assignment());
    }

    @Test
    void refiningOnAllPointsFromSampleCentresEndsAtEachPointsNearestCentre() {
        double[] points = blobs(3);
        double[] sample = KMeans.evenlySpaced(points, 120, 2, 30);
        KMeans.Partition onSample = KMeans.fit(sample, 30, 2, 3, 4, 9);

        KMeans.Partition refined = KMeans.refine(points, 120, 2, 3, onSample.centres());

        for (int point = 0; point < 120; point++) {
            assertThat(refined.assignment()[point]).isEqualTo(KMeans.nearest(points, point, refined.centres(), 3, 2));
        }
        assertThat(refined.sizes()).containsExactlyInAnyOrder(40, 40, 40);
    }

    @Test
    void theWithinShareCountsOnlyTheDirectionsThatSeparateTheCentres() {
        // two groups apart along x, with a large spread along y that the split does not use
        double[] points = {-1.5, -50, -0.5, 50, 0.5, -50, 1.5, 50};
        KMeans.Partition partition =
                new KMeans.Partition(2, 2, new double[] {-1, 0, 1, 0}, new int[] {0, 0, 1, 1}, new int[] {2, 2}, 10001);

        // along x: within 4 × 0.25 = 1, total 2 × (2.25 + 0.25) = 5
        assertThat(KMeans.logWithinShare(points, 4, partition)).isCloseTo(Math.log(1 / 5.0), within(1e-12));
        assertThat(KMeans.separatingBasis(partition)).containsExactly(new double[] {1, 0}, within(1e-12));
    }

    @Test
    void lloyd_with_bounds_ends_exactly_where_plain_lloyd_ends() {
        // a round crowd (many points near the borders between groups), integer points (exact ties),
        // and a start with a centre far from every point (its group empties and is reseeded)
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 60; trial++) {
            int dims = 1 + trial % 3;
            int count = 50 + random.nextInt(700);
            int k = 2 + trial % 3;
            double[] points = new double[count * dims];
            for (int at = 0; at < points.length; at++) {
                points[at] = trial % 4 == 1 ? random.nextInt(4) : OneGroupReference.gaussian(random);
            }
            double[] centres = KMeans.evenlySpaced(points, count, dims, k);
            if (trial % 4 == 2) {
                Arrays.fill(centres, (k - 1) * dims, k * dims, 1e3);
            }

            KMeans.Partition bounded = KMeans.refine(points, count, dims, k, centres);
            double[] plain = centres.clone();
            int[] assignment = PlainLloyd.run(points, count, dims, k, plain);

            assertThat(bounded.centres()).as("trial %d", trial).containsExactly(plain);
            assertThat(bounded.assignment()).as("trial %d", trial).containsExactly(assignment);
        }
    }

    /** Lloyd's iterations as textbooks (and this class before its bounds) write them: every point measured every time. */
    private static final class PlainLloyd {

        static int[] run(double[] points, int count, int dims, int k, double[] centres) {
            int[] assignment = new int[count];
            Arrays.fill(assignment, -1);
            for (int iteration = 0; iteration < KMeans.MAX_ITERATIONS; iteration++) {
                boolean changed = false;
                for (int point = 0; point < count; point++) {
                    int group = KMeans.nearest(points, point, centres, k, dims);
                    changed |= group != assignment[point];
                    assignment[point] = group;
                }
                if (!changed) {
                    break;
                }
                int[] sizes = new int[k];
                double[] sums = new double[k * dims];
                for (int point = 0; point < count; point++) {
                    sizes[assignment[point]]++;
                    for (int dim = 0; dim < dims; dim++) {
                        sums[assignment[point] * dims + dim] += points[point * dims + dim];
                    }
                }
                for (int group = 0; group < k; group++) {
                    if (sizes[group] == 0) {
                        reseed(points, count, dims, centres, assignment, group);
                        continue;
                    }
                    for (int dim = 0; dim < dims; dim++) {
                        centres[group * dims + dim] = sums[group * dims + dim] / sizes[group];
                    }
                }
            }
            KMeans.assign(points, count, dims, k, centres, assignment);
            return assignment;
        }

        private static void reseed(
                double[] points, int count, int dims, double[] centres, int[] assignment, int empty) {
            int farthest = 0;
            double largest = -1;
            for (int point = 0; point < count; point++) {
                double distance = KMeans.distance(points, point, centres, assignment[point], dims);
                if (distance > largest) {
                    largest = distance;
                    farthest = point;
                }
            }
            System.arraycopy(points, farthest * dims, centres, empty * dims, dims);
            assignment[farthest] = empty;
        }
    }
}
