package dev.fieldpoll.tally;

import java.util.SplittableRandom;

/**
 * Is a partition clearly better than one group? k-means always splits, even one crowd, so the
 * partition is compared with what the same steps make of a crowd that truly is one group: draws
 * from a single normal distribution with the voters' own covariance (the null of SigClust, Liu et
 * al. 2008), placed on their own principal axes and split by the same k-means. The measure is
 * log(W/T) along the directions that separate the centres (see {@link KMeans#logWithinShare}),
 * and the gap is E_ref[log(W/T)] − log(W/T), as in Tibshirani, Walther &amp; Hastie's (2001) gap
 * statistic but with that normal reference instead of a uniform box: about 0 for one crowd
 * however it spreads, clearly positive for separate groups.
 *
 * <p>The reference has at most {@link #POINTS} points (a smaller reference spreads more, so the
 * test only gets stricter for large polls) and {@link #DRAWS} draws, from a seeded generator.
 */
final class OneGroupReference {

    static final int POINTS = 500;
    static final int DRAWS = 12;

    /**
     * {@code gap} and the spread {@code sd} of the reference's log(W/T) (already widened by √(1 + 1/draws)).
     */
    record Gap(double gap, double sd) {}

    private OneGroupReference() {}

    /**
     * @param eigenvalues the voters' answer covariance's eigenvalues: the reference crowd has the same spread
     * @param dims axes the voters were placed on
     * @param restarts as many k-means restarts as the voters' partition had, so both are fitted alike
     * @param observed log(W/T) of the voters' partition into k groups
     */
    static Gap of(double[] eigenvalues, int count, int dims, int k, int restarts, double observed, long seed) {
        int columns = eigenvalues.length;
        double[] spreads = new double[columns];
        for (int column = 0; column < columns; column++) {
            spreads[column] = Math.sqrt(Math.max(0, eigenvalues[column]));
        }
        int size = Math.min(count, POINTS);
        double[] answers = new double[size * columns];
        double[] points = new double[size * dims];
        double[] logs = new double[DRAWS];
        SplittableRandom random = new SplittableRandom(seed);
        for (int draw = 0; draw < DRAWS; draw++) {
            for (int point = 0; point < size; point++) {
                for (int column = 0; column < columns; column++) {
                    answers[point * columns + column] = spreads[column] * gaussian(random);
                }
            }
            project(answers, size, columns, dims, points);
            KMeans.Partition partition = KMeans.fit(points, size, dims, k, restarts, random.nextLong());
            logs[draw] = KMeans.logWithinShare(points, size, partition);
        }
        double mean = 0;
        for (double log : logs) {
            mean += log / DRAWS;
        }
        double squares = 0;
        for (double log : logs) {
            squares += (log - mean) * (log - mean);
        }
        double sd = Math.sqrt(squares / (DRAWS - 1)) * Math.sqrt(1 + 1.0 / DRAWS);
        return new Gap(mean - observed, sd);
    }

    /** The reference crowd's own principal axes, as the voters' were found: its points on them. */
    private static void project(double[] answers, int size, int columns, int dims, double[] points) {
        double[] means = new double[columns];
        for (int point = 0; point < size; point++) {
            for (int column = 0; column < columns; column++) {
                means[column] += answers[point * columns + column] / size;
            }
        }
        double[] covariance = new double[columns * columns];
        for (int point = 0; point < size; point++) {
            for (int row = 0; row < columns; row++) {
                double value = answers[point * columns + row] - means[row];
                for (int column = 0; column <= row; column++) {
                    covariance[row * columns + column] += value * (answers[point * columns + column] - means[column]);
                }
            }
        }
        for (int row = 0; row < columns; row++) {
            for (int column = 0; column <= row; column++) {
                covariance[row * columns + column] /= size;
                covariance[column * columns + row] = covariance[row * columns + column];
            }
        }
        double[] loadings = BallotProjection.Axes.of(covariance, columns, dims).loadings();
        for (int point = 0; point < size; point++) {
            for (int dim = 0; dim < dims; dim++) {
                double sum = 0;
                for (int column = 0; column < columns; column++) {
                    sum += (answers[point * columns + column] - means[column]) * loadings[column * dims + dim];
                }
                points[point * dims + dim] = sum;
            }
        }
    }

    /** A standard normal draw by Box and Muller, with StrictMath so every JVM draws the same. */
    static double gaussian(SplittableRandom random) {
        double uniform = 1 - random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(uniform)) * StrictMath.cos(2 * Math.PI * random.nextDouble());
    }
}
