package dev.fieldpoll.web;

import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.report.Numbers;
import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.report.PollReport.FactorEstimate;
import dev.fieldpoll.report.PollReport.FactorInfo;
import dev.fieldpoll.report.PollReport.RankingEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The two-factor map of the weekly summary as inline SVG: each ranked field at its two factor
 * estimates (the same numbers as its score) with their 90% bootstrap intervals as cross-hairs, quadrant lines at the middle of the scale, and, where
 * the poll has reference scores, the reference position with an arrow to the community's.
 * Only for polls of exactly two factors; the chart's text alternative lists every position.
 */
final class FactorMapRenderer implements SectionRenderer {

    private static final double LEFT = 64;
    private static final double RIGHT = 624;
    private static final double TOP = 16;
    private static final double BOTTOM = 384;
    private static final double PAD = 0.25;
    private static final double POINT = 5;

    /** One field on the map; {@code reference} is null when the poll has no reference for both its cells. */
    private record Placed(RankingEntry entry, FactorEstimate x, FactorEstimate y, double[] reference) {}

    @Override
    public void render(ResultsPage page, HtmlWriter html) {
        PollReport report = page.report();
        if (report.factors().size() != 2 || report.ranking().isEmpty()) {
            return;
        }
        List<Placed> placed = place(page);
        if (placed.isEmpty()) {
            return;
        }
        FactorInfo across = report.factors().get(0);
        FactorInfo up = report.factors().get(1);
        Axes axes = new Axes(report.poll().scaleMin(), report.poll().scaleMax());
        html.section("map", "Map: " + across.name() + " × " + up.name());
        html.open("figure", "class", "chart");
        html.open(
                "svg",
                "id",
                "factor-map",
                "viewBox",
                "0 0 640 440",
                "role",
                "img",
                "aria-labelledby",
                "map-title map-desc");
        html.element(
                "title",
                "Where each field sits: " + across.name() + " across, " + up.name() + " up",
                "id",
                "map-title");
        html.element("desc", description(placed, across, up), "id", "map-desc");
        arrowhead(html);
        grid(html, axes, across.name(), up.name());
        for (Placed field : placed) {
            field(html, axes, field);
        }
        html.close("svg");
        html.element("figcaption", caption(placed, across, up, report.poll().higher()));
        html.close("figure").close("section");
    }

    private static List<Placed> place(ResultsPage page) {
        Map<CellKey, Double> reference = page.poll().definition().reference();
        List<Placed> placed = new ArrayList<>();
        for (RankingEntry entry : page.report().ranking()) {
            FactorEstimate x = entry.estimates().get(0);
            FactorEstimate y = entry.estimates().get(1);
            Double refX = reference.get(new CellKey(entry.field(), x.factor()));
            Double refY = reference.get(new CellKey(entry.field(), y.factor()));
            placed.add(new Placed(entry, x, y, refX == null || refY == null ? null : new double[] {refX, refY}));
        }
        return placed;
    }

    /** Scale values to picture coordinates, with a little room beyond each end of the scale. */
    private record Axes(int min, int max) {
        double x(double value) {
            return LEFT + (value - min + PAD) / (max - min + 2 * PAD) * (RIGHT - LEFT);
        }

        double y(double value) {
            return BOTTOM - (value - min + PAD) / (max - min + 2 * PAD) * (BOTTOM - TOP);
        }
    }

    private static void arrowhead(HtmlWriter html) {
        html.open("defs");
        html.open(
                "marker",
                "id",
                "map-arrow",
                "viewBox",
                "0 0 10 10",
                "refX",
                "9",
                "refY",
                "5",
                "markerWidth",
                "7",
                "markerHeight",
                "7",
                "orient",
                "auto-start-reverse");
        html.shape("path", "d", "M0,0 L10,5 L0,10 z", "class", "arrowhead");
        html.close("marker").close("defs");
    }

    private static void grid(HtmlWriter html, Axes axes, String acrossName, String upName) {
        for (int value = axes.min(); value <= axes.max(); value++) {
            String x = SvgShapes.num(axes.x(value));
            String y = SvgShapes.num(axes.y(value));
            html.shape("line", "class", "grid", "x1", x, "y1", num(TOP), "x2", x, "y2", num(BOTTOM));
            html.shape("line", "class", "grid", "x1", num(LEFT), "y1", y, "x2", num(RIGHT), "y2", y);
            html.element("text", Integer.toString(value), "x", x, "y", num(BOTTOM + 16), "text-anchor", "middle");
            html.element(
                    "text",
                    Integer.toString(value),
                    "x",
                    num(LEFT - 8),
                    "y",
                    SvgShapes.num(axes.y(value) + 4),
                    "text-anchor",
                    "end");
        }
        double middle = (axes.min() + axes.max()) / 2.0;
        html.shape(
                "line",
                "class",
                "mid",
                "x1",
                SvgShapes.num(axes.x(middle)),
                "y1",
                num(TOP),
                "x2",
                SvgShapes.num(axes.x(middle)),
                "y2",
                num(BOTTOM));
        html.shape(
                "line",
                "class",
                "mid",
                "x1",
                num(LEFT),
                "y1",
                SvgShapes.num(axes.y(middle)),
                "x2",
                num(RIGHT),
                "y2",
                SvgShapes.num(axes.y(middle)));
        html.shape("line", "class", "axis", "x1", num(LEFT), "y1", num(BOTTOM), "x2", num(RIGHT), "y2", num(BOTTOM));
        html.shape("line", "class", "axis", "x1", num(LEFT), "y1", num(TOP), "x2", num(LEFT), "y2", num(BOTTOM));
        html.element(
                "text",
                acrossName + " →",
                "x",
                num((LEFT + RIGHT) / 2),
                "y",
                num(BOTTOM + 40),
                "text-anchor",
                "middle");
        html.element(
                "text",
                upName + " →",
                "x",
                num(-(TOP + BOTTOM) / 2),
                "y",
                "18",
                "transform",
                "rotate(-90)",
                "text-anchor",
                "middle");
    }

    private static void field(HtmlWriter html, Axes axes, Placed field) {
        double x = axes.x(field.x().estimate());
        double y = axes.y(field.y().estimate());
        html.open("g", "class", "map-field", "data-field", field.entry().field());
        FactorEstimate across = field.x();
        if (Double.isFinite(across.low())) {
            html.shape(
                    "line",
                    "class",
                    "whisker",
                    "x1",
                    SvgShapes.num(axes.x(across.low())),
                    "y1",
                    SvgShapes.num(y),
                    "x2",
                    SvgShapes.num(axes.x(across.high())),
                    "y2",
                    SvgShapes.num(y));
        }
        FactorEstimate up = field.y();
        if (Double.isFinite(up.low())) {
            html.shape(
                    "line",
                    "class",
                    "whisker",
                    "x1",
                    SvgShapes.num(x),
                    "y1",
                    SvgShapes.num(axes.y(up.low())),
                    "x2",
                    SvgShapes.num(x),
                    "y2",
                    SvgShapes.num(axes.y(up.high())));
        }
        if (field.reference() != null) {
            reference(html, axes, field.reference(), x, y);
        }
        html.shape("circle", "class", "point", "cx", SvgShapes.num(x), "cy", SvgShapes.num(y), "r", num(POINT));
        // labels of fields in the right half go to the left of their point, so none runs off the chart
        boolean right = x > (LEFT + RIGHT) / 2;
        html.element(
                "text",
                field.entry().rank() + ". " + field.entry().name(),
                "x",
                SvgShapes.num(right ? x - 8 : x + 8),
                "y",
                SvgShapes.num(y - 8),
                "text-anchor",
                right ? "end" : "start");
        html.close("g");
    }

    /** The reference point, and an arrow from it to the community's point that stops at the point's edge. */
    private static void reference(HtmlWriter html, Axes axes, double[] reference, double x, double y) {
        double refX = axes.x(reference[0]);
        double refY = axes.y(reference[1]);
        double dx = x - refX;
        double dy = y - refY;
        double length = Math.hypot(dx, dy);
        if (length > 3 * POINT) {
            double shorten = (POINT + 2) / length;
            html.shape(
                    "line",
                    "class",
                    "arrow",
                    "x1",
                    SvgShapes.num(refX + dx * POINT / length),
                    "y1",
                    SvgShapes.num(refY + dy * POINT / length),
                    "x2",
                    SvgShapes.num(x - dx * shorten),
                    "y2",
                    SvgShapes.num(y - dy * shorten),
                    "marker-end",
                    "url(#map-arrow)");
        }
        html.shape("circle", "class", "refpoint", "cx", SvgShapes.num(refX), "cy", SvgShapes.num(refY), "r", "4.5");
    }

    private static String description(List<Placed> placed, FactorInfo across, FactorInfo up) {
        StringBuilder text = new StringBuilder();
        for (Placed field : placed) {
            text.append(field.entry().rank())
                    .append(". ")
                    .append(field.entry().name())
                    .append(": ")
                    .append(across.name())
                    .append(' ')
                    .append(Numbers.twoDecimals(field.x().estimate()))
                    .append(", ")
                    .append(up.name())
                    .append(' ')
                    .append(Numbers.twoDecimals(field.y().estimate()));
            if (field.reference() != null) {
                text.append(" (reference ")
                        .append(Numbers.twoDecimals(field.reference()[0]))
                        .append(" and ")
                        .append(Numbers.twoDecimals(field.reference()[1]))
                        .append(')');
            }
            text.append(". ");
        }
        return text.toString().strip();
    }

    private static String caption(List<Placed> placed, FactorInfo across, FactorInfo up, String higher) {
        boolean references = placed.stream().anyMatch(field -> field.reference() != null);
        return "Dots: the community's estimate of " + across.name() + " (across) and " + up.name()
                + " (up), the same numbers as the ranking's scores (higher = " + higher
                + "); lines: their 90% intervals from resampled"
                + " ballots; dashed lines mark the middle of the scale."
                + (references
                        ? " Hollow circles: the reference scores, with an arrow to where the community put"
                                + " the field."
                        : "");
    }

    private static String num(double value) {
        return SvgShapes.num(value);
    }
}
