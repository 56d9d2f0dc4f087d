package dev.fieldpoll.report;

import java.util.Locale;

/** Number formats shared by the renderers, fixed to one locale so output is stable. */
final class Numbers {

    private Numbers() {
    }

    static String twoDecimals(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }

    static String signed(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%+.2f", value);
    }

    static String percent(Double share) {
        return share == null ? "-" : String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    static String rankRange(int low, int high) {
        return low == high ? Integer.toString(low) : low + "-" + high;
    }

    static String voters(int count) {
        return count + (count == 1 ? " voter" : " voters");
    }
}
