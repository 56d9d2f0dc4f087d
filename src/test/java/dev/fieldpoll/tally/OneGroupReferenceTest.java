package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OneGroupReferenceTest {

    @Test
    void oneNormalCrowdHasAGapNearZeroAndTwoApartAClearOne() {
        SplittableRandom random = new SplittableRandom(5);
        int count = 400;
        double[] crowd = new double[count * 3];
        double[] camps = new double[count * 3];
        for (int point = 0; point < count; point++) {
            for (int dim = 0; dim < 3; dim++) {
                double spread = dim == 0 ? 2 : 1;
                crowd[point * 3 + dim] = spread * OneGroupReference.gaussian(random);
                camps[point * 3 + dim] =
                        OneGroupReference.gaussian(random) + (dim == 0 ? (point % 2 == 0 ? 3 : -3) : 0);
            }
        }

        OneGroupReference.Gap crowdGap = gap(crowd, count, new double[] {4, 1, 1});
        OneGroupReference.Gap campsGap = gap(camps, count, new double[] {10, 1, 1});

        assertThat(Math.abs(crowdGap.gap())).isLessThan(2 * crowdGap.sd() + 0.05);
        assertThat(campsGap.gap()).isGreaterThan(1);
        assertThat(crowdGap.sd()).isPositive();
    }

    private static OneGroupReference.Gap gap(double[] points, int count, double[] eigenvalues) {
        KMeans.Partition partition = KMeans.fit(points, count, 3, 2, 4, 1);
        return OneGroupReference.of(eigenvalues, count, 3, 2, 4, KMeans.logWithinShare(points, count, partition), 2);
    }
}
