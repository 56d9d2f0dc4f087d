package dev.fieldpoll.tally;

import java.util.Objects;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;

/** Rank agreement of two scorings of the same fields, e.g. community vs reference. */
public final class KendallTau {

    private KendallTau() {}

    /**
     * Kendall's τ_b, which corrects for ties (likely with a 1–5 reference).
     *
     * @return τ_b in [−1, 1], or NaN with fewer than 2 pairs or when a side is constant
     *         (nothing to order)
     */
    public static double tauB(double[] x, double[] y) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length != y.length) {
            throw new IllegalArgumentException("need paired values, got " + x.length + " and " + y.length);
        }
        requireNoNaN(x);
        requireNoNaN(y);
        if (x.length < 2 || isConstant(x) || isConstant(y)) {
            return Double.NaN;
        }
        return new KendallsCorrelation().correlation(x, y);
    }

    private static boolean isConstant(double[] values) {
        for (double value : values) {
            if (value != values[0]) {
                return false;
            }
        }
        return true;
    }

    private static void requireNoNaN(double[] values) {
        for (double value : values) {
            if (Double.isNaN(value)) {
                throw new IllegalArgumentException("values must not be NaN");
            }
        }
    }
}
