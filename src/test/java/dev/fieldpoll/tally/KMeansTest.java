package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
}
