package dev.fieldpoll.tally;

import java.util.List;
import java.util.Objects;

/**
 * Krippendorff's α over cells (units) scored by voters (coders), missing answers allowed
 * (DESIGN: "poll agreement"). Computed from the coincidence matrix, which needs only each
 * unit's histogram: O(units · K²), however many votes there are.
 *
 * <p>α = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck, where o_ck = Σ_u n_uc (n_uk − [c = k]) / (m_u − 1)
 * over units with m_u ≥ 2 values (a lone value has nobody to agree with) and n_c are the
 * coincidence marginals.
 *
 * <p>Undefined cases return NaN: fewer than 2 pairable values, or no expected disagreement
 * at all (every pairable value the same). Krippendorff leaves the latter 0/0 undefined
 * rather than calling it perfect reliability, and so do we.
 */
public final class KrippendorffAlpha {

    private KrippendorffAlpha() {}

    /** Ordinal metric, the one the poll uses: distances by how many answers lie between. */
    public static double ordinal(List<int[]> unitHistograms) {
        return alpha(unitHistograms, Metric.ORDINAL);
    }

    /** Interval metric: squared difference of scale positions. */
    public static double interval(List<int[]> unitHistograms) {
        return alpha(unitHistograms, Metric.INTERVAL);
    }

    /** Nominal metric: any two different values disagree equally. */
    public static double nominal(List<int[]> unitHistograms) {
        return alpha(unitHistograms, Metric.NOMINAL);
    }

    private static double alpha(List<int[]> unitHistograms, Metric metric) {
        double[][] coincidences = coincidences(unitHistograms);
        int points = coincidences.length;
        double[] marginals = new double[points];
        double pairable = 0;
        for (int c = 0; c < points; c++) {
            for (int k = 0; k < points; k++) {
                marginals[c] += coincidences[c][k];
            }
            pairable += marginals[c];
        }
        if (pairable < 2) {
            return Double.NaN;
        }
        double observed = 0;
        double expected = 0;
        for (int c = 0; c < points; c++) {
            for (int k = 0; k < points; k++) {
                double distance = metric.squaredDistance(c, k, marginals);
                observed += coincidences[c][k] * distance;
                expected += marginals[c] * marginals[k] * distance;
            }
        }
        return expected == 0 ? Double.NaN : 1 - (pairable - 1) * observed / expected;
    }

    private static double[][] coincidences(List<int[]> unitHistograms) {
        Objects.requireNonNull(unitHistograms, "unitHistograms");
        if (unitHistograms.isEmpty()) {
            return new double[0][0];
        }
        int points = unitHistograms.get(0).length;
        double[][] coincidences = new double[points][points];
        for (int[] unit : unitHistograms) {
            long values = Histograms.total(unit);
            if (unit.length != points) {
                throw new IllegalArgumentException("every unit needs the same scale, " + points + " points");
            }
            if (values < 2) {
                continue;
            }
            for (int c = 0; c < points; c++) {
                for (int k = 0; k < points; k++) {
                    long pairs = (long) unit[c] * (unit[k] - (c == k ? 1 : 0));
                    coincidences[c][k] += (double) pairs / (values - 1);
                }
            }
        }
        return coincidences;
    }

    private enum Metric {
        NOMINAL {
            @Override
            double squaredDistance(int c, int k, double[] marginals) {
                return c == k ? 0 : 1;
            }
        },
        ORDINAL {
            @Override
            double squaredDistance(int c, int k, double[] marginals) {
                double between = 0;
                for (int g = Math.min(c, k); g <= Math.max(c, k); g++) {
                    between += marginals[g];
                }
                double distance = between - (marginals[c] + marginals[k]) / 2;
                return distance * distance;
            }
        },
        INTERVAL {
            @Override
            double squaredDistance(int c, int k, double[] marginals) {
                return (double) (c - k) * (c - k);
            }
        };

        abstract double squaredDistance(int c, int k, double[] marginals);
    }
}
