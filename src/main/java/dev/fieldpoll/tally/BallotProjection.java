package dev.fieldpoll.tally;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Voters placed in a few dimensions by principal components of their ballots (DESIGN: "Opinion
 * groups"), much as Pol.is places participants (Small et al. 2021). Each eligible cell is centred
 * on its mean; then each ballot on its own mean over the cells it answered (the voter's offset,
 * as in the voter + cell model: a harsh or lenient member is not a camp of their own); a missing
 * answer or "don't know" counts as 0 after centring, i.e. as the voter's usual answer to an
 * average cell. The axes are the top eigenvectors of the covariance of those centred answers. A
 * voter who answered {@code a} of the {@code p} cells is placed at their projection times
 * √(p / a), so skipping cells does not pull a voter toward the middle.
 *
 * <p>Immutable. Each axis's sign is fixed (its largest loading is positive) so the same votes
 * always give the same picture.
 */
final class BallotProjection {

    /** Principal components kept: enough to tell four groups apart. */
    static final int MAX_DIMENSIONS = 3;

    private final int columns;
    private final double[] means;
    private final Axes axes;
    private final int minAnswers;

    private BallotProjection(int columns, double[] means, Axes axes) {
        this.columns = columns;
        this.means = means;
        this.axes = axes;
        this.minAnswers = minAnswers(columns);
    }

    /** The fewest answers a ballot needs to be placed: half the cells, and at least two. */
    static int minAnswers(int columns) {
        return Math.max(2, (columns + 1) / 2);
    }

    /**
     * Fits the axes to the given voters' rows.
     *
     * @param rows score indexes, {@code columns} per voter (0 = no score)
     * @param voters the rows to use (each with at least {@link #minAnswers} answers)
     */
    static BallotProjection fit(byte[] rows, int columns, int[] voters) {
        double[] means = columnMeans(rows, columns, voters);
        double[] covariance = covariance(rows, columns, voters, means);
        return new BallotProjection(columns, means, Axes.of(covariance, columns, Math.min(MAX_DIMENSIONS, columns)));
    }

    /**
     * The top principal axes of a covariance matrix ({@code size × size}, row-major):
     * {@code loadings[column * dims + dim]}, the kept axes' variances, every eigenvalue (largest
     * first, none below 0) and the total variance.
     */
    record Axes(int dims, double[] loadings, double[] variances, double[] eigenvalues, double total) {

        static Axes of(double[] covariance, int size, int dims) {
            EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(square(covariance, size)));
            double[] values = eigen.getRealEigenvalues();
            Integer[] order = IntStream.range(0, size).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.comparingDouble((Integer index) -> -values[index]));
            double[] loadings = new double[size * dims];
            for (int dim = 0; dim < dims; dim++) {
                double[] vector = eigen.getEigenvector(order[dim]).toArray();
                double sign = signOf(vector);
                for (int column = 0; column < size; column++) {
                    loadings[column * dims + dim] = sign * vector[column];
                }
            }
            double[] eigenvalues = new double[size];
            for (int at = 0; at < size; at++) {
                eigenvalues[at] = Math.max(0, values[order[at]]);
            }
            double total = 0;
            for (int column = 0; column < size; column++) {
                total += covariance[column * size + column];
            }
            return new Axes(dims, loadings, Arrays.copyOf(eigenvalues, dims), eigenvalues, total);
        }

        /** +1 when the largest loading (first on ties) is positive, else −1. */
        private static double signOf(double[] vector) {
            int largest = 0;
            for (int index = 1; index < vector.length; index++) {
                if (Math.abs(vector[index]) > Math.abs(vector[largest]) + 1e-12) {
                    largest = index;
                }
            }
            return vector[largest] < 0 ? -1 : 1;
        }

        private static double[][] square(double[] flat, int size) {
            double[][] matrix = new double[size][size];
            for (int row = 0; row < size; row++) {
                System.arraycopy(flat, row * size, matrix[row], 0, size);
            }
            return matrix;
        }
    }

    private static double[] columnMeans(byte[] rows, int columns, int[] voters) {
        double[] sums = new double[columns];
        int[] counts = new int[columns];
        for (int voter : voters) {
            for (int column = 0; column < columns; column++) {
                int score = rows[voter * columns + column];
                if (score > 0) {
                    sums[column] += score;
                    counts[column]++;
                }
            }
        }
        double[] means = new double[columns];
        for (int column = 0; column < columns; column++) {
            means[column] = counts[column] == 0 ? 0 : sums[column] / counts[column];
        }
        return means;
    }

    /** Second moments of the centred answers (missing ones at 0); only the lower triangle is summed. */
    private static double[] covariance(byte[] rows, int columns, int[] voters, double[] means) {
        double[] products = new double[columns * columns];
        double[] centred = new double[columns];
        for (int voter : voters) {
            centre(rows, voter * columns, columns, -1, means, centred);
            for (int row = 0; row < columns; row++) {
                double value = centred[row];
                if (value == 0) {
                    continue;
                }
                int offset = row * columns;
                for (int column = 0; column <= row; column++) {
                    products[offset + column] += value * centred[column];
                }
            }
        }
        for (int row = 0; row < columns; row++) {
            for (int column = 0; column <= row; column++) {
                double value = products[row * columns + column] / voters.length;
                products[row * columns + column] = value;
                products[column * columns + row] = value;
            }
        }
        return products;
    }

    /**
     * A ballot's answers centred on the cell means and then on the ballot's own mean; unanswered
     * (and the masked column) 0. Returns how many answers it used.
     */
    private static int centre(byte[] rows, int offset, int columns, int masked, double[] means, double[] centred) {
        int answered = 0;
        double sum = 0;
        for (int column = 0; column < columns; column++) {
            int score = rows[offset + column];
            if (score > 0 && column != masked) {
                centred[column] = score - means[column];
                sum += centred[column];
                answered++;
            } else {
                centred[column] = 0;
            }
        }
        double own = answered == 0 ? 0 : sum / answered;
        for (int column = 0; column < columns; column++) {
            if (rows[offset + column] > 0 && column != masked) {
                centred[column] -= own;
            }
        }
        return answered;
    }

    int dims() {
        return axes.dims();
    }

    int columns() {
        return columns;
    }

    int minAnswers() {
        return minAnswers;
    }

    /** Every eigenvalue of the answers' covariance, largest first: the spread a one-crowd reference copies. */
    double[] eigenvalues() {
        return axes.eigenvalues().clone();
    }

    /** The share of all answer variance an axis carries. */
    double explainedShare(int dim) {
        return axes.total() > 0 ? axes.variances()[dim] / axes.total() : 0;
    }

    /**
     * Places one ballot: {@code rows[offset .. offset + columns)} are its score indexes. The
     * column {@code masked} (or none, with −1) is treated as unanswered, exactly as if the voter
     * had skipped it.
     *
     * @param scratch {@link #columns()} doubles the caller lends, so placing allocates nothing
     * @return false, leaving {@code out} untouched, when the ballot has too few answers
     */
    boolean place(byte[] rows, int offset, int masked, double[] out, int outOffset, double[] scratch) {
        int answered = 0;
        for (int column = 0; column < columns; column++) {
            answered += rows[offset + column] > 0 && column != masked ? 1 : 0;
        }
        // a masked ballot was placed before; without one cell it only needs something left to place
        if (answered < (masked < 0 ? minAnswers : 1)) {
            return false;
        }
        double[] centred = scratch;
        centre(rows, offset, columns, masked, means, centred);
        int dims = axes.dims();
        double[] loadings = axes.loadings();
        double scale = Math.sqrt((double) columns / answered);
        for (int dim = 0; dim < dims; dim++) {
            double sum = 0;
            for (int column = 0; column < columns; column++) {
                sum += centred[column] * loadings[column * dims + dim];
            }
            out[outOffset + dim] = sum * scale;
        }
        return true;
    }

    /**
     * One ballot at a time, placed as if each of its cells in turn were skipped (what {@link
     * #place} gives with that cell masked), in O(axes) per cell rather than O(cells): the sums
     * over the ballot are kept and the one cell taken out of them. Not thread-safe: it is scratch.
     */
    final class WithoutCell {

        private final double[] sums = new double[axes.dims()];
        private final double[] loadingSums = new double[axes.dims()];
        private int offset;
        private byte[] rows;
        private double total;
        private int answered;

        /** Takes the ballot {@code rows[offset .. offset + columns)}. */
        void ballot(byte[] rows, int offset) {
            this.rows = rows;
            this.offset = offset;
            int dims = axes.dims();
            double[] loadings = axes.loadings();
            java.util.Arrays.fill(sums, 0);
            java.util.Arrays.fill(loadingSums, 0);
            total = 0;
            answered = 0;
            for (int column = 0; column < columns; column++) {
                int score = rows[offset + column];
                if (score == 0) {
                    continue;
                }
                double centred = score - means[column];
                total += centred;
                answered++;
                for (int dim = 0; dim < dims; dim++) {
                    sums[dim] += centred * loadings[column * dims + dim];
                    loadingSums[dim] += loadings[column * dims + dim];
                }
            }
        }

        /** The ballot placed without {@code column}; false when it did not answer it or nothing else. */
        boolean place(int column, double[] out) {
            int score = rows[offset + column];
            int left = answered - 1;
            if (score == 0 || left < 1) {
                return false;
            }
            int dims = axes.dims();
            double[] loadings = axes.loadings();
            double centred = score - means[column];
            double own = (total - centred) / left;
            double scale = Math.sqrt((double) columns / left);
            for (int dim = 0; dim < dims; dim++) {
                double loading = loadings[column * dims + dim];
                out[dim] = (sums[dim] - centred * loading - own * (loadingSums[dim] - loading)) * scale;
            }
            return true;
        }
    }
}
