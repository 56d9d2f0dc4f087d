package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SilhouetteTest {

    @Test
    void twoTightPairsFarApartScoreNearOne() {
        // pairs at 0 and 1, and at 100 and 101, on a line
        double[] points = {0, 1, 100, 101};

        double silhouette = Silhouette.of(points, 4, 1, new int[] {0, 0, 1, 1}, 2);

        // each point: a = 1, b = 100.5 (or 99.5 and 100.5): s = 1 - a / b
        double expected = ((1 - 1 / 100.5) + (1 - 1 / 99.5) + (1 - 1 / 99.5) + (1 - 1 / 100.5)) / 4;
        assertThat(silhouette).isCloseTo(expected, within(1e-12));
    }

    @Test
    void aBadSplitScoresBelowAGoodOne() {
        double[] points = {0, 1, 100, 101};

        double bad = Silhouette.of(points, 4, 1, new int[] {0, 1, 0, 1}, 2);

        assertThat(bad).isLessThan(0);
    }

    @Test
    void aPointAloneInItsGroupScoresZero() {
        double[] points = {0, 10, 11};

        double silhouette = Silhouette.of(points, 3, 1, new int[] {0, 1, 1}, 2);

        // point 0 scores 0; points 1 and 2: a = 1, b = 10 and 11
        assertThat(silhouette).isCloseTo((0 + (1 - 1 / 10.0) + (1 - 1 / 11.0)) / 3, within(1e-12));
    }

    @Test
    void one_pass_over_the_pairs_scores_each_partition_exactly_as_point_by_point() {
        SplittableRandom random = new SplittableRandom(11);
        for (int count : new int[] {7, 400, 2000}) {
            int dims = count == 400 ? 2 : 3;
            double[] points = new double[count * dims];
            for (int at = 0; at < points.length; at++) {
                points[at] = OneGroupReference.gaussian(random) + (at / dims % 3 == 0 ? 4 : 0);
            }
            int[] ks = {2, 3, 4};
            int[][] assignments = new int[ks.length][count];
            for (int partition = 0; partition < ks.length; partition++) {
                for (int point = 0; point < count; point++) {
                    assignments[partition][point] = random.nextInt(ks[partition]);
                }
            }

            double[] together = Silhouette.of(points, count, dims, assignments, ks);

            for (int partition = 0; partition < ks.length; partition++) {
                assertThat(together[partition])
                        .as("%d points, k = %d", count, ks[partition])
                        .isEqualTo(pointByPoint(points, count, dims, assignments[partition], ks[partition]));
            }
        }
    }

    /** The silhouette as this class computed it before it shared the pairs: every point's own loop. */
    private static double pointByPoint(double[] points, int count, int dims, int[] assignment, int k) {
        int size = Math.min(count, Silhouette.SAMPLE);
        int[] chosen = new int[size];
        for (int at = 0; at < size; at++) {
            chosen[at] = (int) ((long) at * count / size);
        }
        int[] members = new int[k];
        for (int point : chosen) {
            members[assignment[point]]++;
        }
        double total = 0;
        for (int point : chosen) {
            double[] sums = new double[k];
            for (int other : chosen) {
                if (other != point) {
                    sums[assignment[other]] += Math.sqrt(KMeans.distance(points, point, points, other, dims));
                }
            }
            int own = assignment[point];
            double s = 0;
            if (members[own] > 1) {
                double within = sums[own] / (members[own] - 1);
                double nearest = Double.POSITIVE_INFINITY;
                for (int group = 0; group < k; group++) {
                    if (group != own && members[group] > 0) {
                        nearest = Math.min(nearest, sums[group] / members[group]);
                    }
                }
                double larger = Math.max(within, nearest);
                s = nearest == Double.POSITIVE_INFINITY || larger == 0 ? 0 : (nearest - within) / larger;
            }
            total += s;
        }
        return total / size;
    }
}
