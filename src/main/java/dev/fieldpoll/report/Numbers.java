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

    public static String rankRange(int low, int high) {
        return low == high ? Integer.toString(low) : low + "-" + high;
    }

    public static String voters(int count) {
        return count + (count == 1 ? " voter" : " voters");
    }
}
