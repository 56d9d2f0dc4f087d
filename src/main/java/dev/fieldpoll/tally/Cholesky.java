package dev.fieldpoll.tally;

/** Solves a symmetric positive definite system in place; small (at most 125 cells) and allocation-free. */
final class Cholesky {

    private Cholesky() {}

    /**
     * Overwrites the lower triangle of {@code matrix} (n × n, row-major) with its Cholesky factor
     * and {@code rhs} with the solution.
     *
     * @throws IllegalStateException when the matrix is not positive definite (a bug upstream)
     */
    static void solveInPlace(double[] matrix, int n, double[] rhs) {
        factor(matrix, n);
        solve(matrix, n, rhs);
    }

    /** Overwrites the lower triangle of {@code matrix} with L, where matrix = L Lᵀ. */
    static void factor(double[] matrix, int n) {
        for (int row = 0; row < n; row++) {
            for (int column = 0; column <= row; column++) {
                double sum = matrix[row * n + column];
                for (int k = 0; k < column; k++) {
                    sum -= matrix[row * n + k] * matrix[column * n + k];
                }
                if (row == column) {
                    if (!(sum > 0)) {
                        throw new IllegalStateException("matrix is not positive definite at " + row);
                    }
                    matrix[row * n + row] = Math.sqrt(sum);
                } else {
                    matrix[row * n + column] = sum / matrix[column * n + column];
                }
            }
        }
    }

    /** Overwrites {@code rhs} with the solution, given the factor from {@link #factor}. */
    static void solve(double[] matrix, int n, double[] rhs) {
        for (int row = 0; row < n; row++) {
            double sum = rhs[row];
            for (int k = 0; k < row; k++) {
                sum -= matrix[row * n + k] * rhs[k];
            }
            rhs[row] = sum / matrix[row * n + row];
        }
        for (int row = n - 1; row >= 0; row--) {
            double sum = rhs[row];
            for (int k = row + 1; k < n; k++) {
                sum -= matrix[k * n + row] * rhs[k];
            }
            rhs[row] = sum / matrix[row * n + row];
        }
    }
}
