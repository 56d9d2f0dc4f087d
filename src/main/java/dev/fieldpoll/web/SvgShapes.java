package dev.fieldpoll.web;

/** Number formats for SVG attributes: one decimal, a dot, no locale, no exponent; fast enough for any page. */
final class SvgShapes {

    private SvgShapes() {}

    /** {@code 12.3}, {@code -0.5}, {@code 7} — rounded to a tenth. */
    static String num(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a coordinate: " + value);
        }
        long tenths = Math.round(value * 10);
        long whole = Math.abs(tenths) / 10;
        long tenth = Math.abs(tenths) % 10;
        String sign = tenths < 0 ? "-" : "";
        return tenth == 0 ? sign + whole : sign + whole + "." + tenth;
    }
}
