package dev.fieldpoll.report;

import java.util.Locale;

/** Number formats shared by the renderers, fixed to one locale so output is stable. */
public final class Numbers {

    private Numbers() {}

    public static String twoDecimals(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }

    public static String signed(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%+.2f", value);
    }

    public static String percent(Double share) {
        return share == null ? "-" : String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    /**
     * Whole percents of the counts' total that add up to exactly 100 (largest remainder, Hamilton's
     * method): each count gets its percent rounded down, and the points still missing go to the
     * largest remainders (on ties, the earlier count). Rounding each share on its own can show
     * 53% and 48% for 52.5% and 47.5%. All zeros (or none) give zeros.
     */
    public static int[] wholePercents(int[] counts) {
        long total = 0;
        for (int count : counts) {
            if (count < 0) {
                throw new IllegalArgumentException("counts must not be negative, got " + count);
            }
            total += count;
        }
        int[] percents = new int[counts.length];
        if (total == 0) {
            return percents;
        }
        long[] remainders = new long[counts.length];
        int missing = 100;
        for (int at = 0; at < counts.length; at++) {
            percents[at] = (int) (100L * counts[at] / total);
            remainders[at] = 100L * counts[at] % total;
            missing -= percents[at];
        }
        Integer[] order = new Integer[counts.length];
        for (int at = 0; at < order.length; at++) {
            order[at] = at;
        }
        java.util.Arrays.sort(
                order,
                (a, b) -> remainders[a] != remainders[b]
                        ? Long.compare(remainders[b], remainders[a])
                        : Integer.compare(a, b));
        for (int at = 0; at < missing; at++) {
            percents[order[at]]++;
        }
        return percents;
    }

    /** "60%": a percent already rounded (see {@link #wholePercents}). */
    public static String percent(int percent) {
        return percent + "%";
    }

    public static String rankRange(int low, int high) {
        return low == high ? Integer.toString(low) : low + "-" + high;
    }

    public static String voters(int count) {
        return count + (count == 1 ? " voter" : " voters");
    }
}
