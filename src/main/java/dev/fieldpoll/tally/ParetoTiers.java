package dev.fieldpoll.tally;

import java.util.Objects;

/**
 * Pareto layers of fields over their factor means (DESIGN: "Pareto tier"). Tier 1 holds the
 * fields no other field beats on every factor; peel them off and repeat for tier 2, and so on.
 */
public final class ParetoTiers {

    private ParetoTiers() {}

    /**
     * @param means {@code [field][factor]} means without NaN (callers pass shrunk means)
     * @return the 1-based tier of each field
     */
    public static int[] of(double[][] means) {
        requireGrid(means);
        int fields = means.length;
        int[] tiers = new int[fields];
        int assigned = 0;
        for (int tier = 1; assigned < fields; tier++) {
            // Decide the whole layer before marking it, so fields of this tier do not shield each other.
            boolean[] inLayer = new boolean[fields];
            for (int field = 0; field < fields; field++) {
                inLayer[field] = tiers[field] == 0 && !beatenByRemaining(means, tiers, field);
            }
            for (int field = 0; field < fields; field++) {
                if (inLayer[field]) {
                    tiers[field] = tier;
                    assigned++;
                }
            }
        }
        return tiers;
    }

    private static boolean beatenByRemaining(double[][] means, int[] tiers, int field) {
        for (int other = 0; other < means.length; other++) {
            if (tiers[other] == 0 && beatsOnEveryFactor(means[other], means[field])) {
                return true;
            }
        }
        return false;
    }

    private static boolean beatsOnEveryFactor(double[] challenger, double[] field) {
        for (int factor = 0; factor < field.length; factor++) {
            if (!(challenger[factor] > field[factor])) {
                return false;
            }
        }
        return true;
    }

    // At least one factor keeps "beats" irreflexive, so every layer is non-empty and the loop ends.
    private static void requireGrid(double[][] means) {
        Objects.requireNonNull(means, "means");
        for (double[] row : means) {
            if (row.length == 0 || row.length != means[0].length) {
                throw new IllegalArgumentException("every field needs the same, non-zero number of factor means");
            }
            for (double mean : row) {
                if (Double.isNaN(mean)) {
                    throw new IllegalArgumentException("factor means must not be NaN");
                }
            }
        }
    }
}
