package dev.fieldpoll.report;

import dev.fieldpoll.report.PollReport.Group;
import dev.fieldpoll.report.PollReport.Groups;
import dev.fieldpoll.tally.OpinionGroups.GroupMap;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The opinion-group map as a PNG: voters placed on the two directions in which ballots differ
 * most, coloured by group, with each group's centre marked by its letter. No point carries a
 * label, so no member can be picked out; nothing is drawn unless distinct groups were found
 * (below the threshold no point is drawn at all).
 */
public final class GroupChartRenderer {

    public static final int WIDTH = 1000;
    public static final int HEIGHT = 800;

    /** Group colours, A to D: distinct for colour-blind readers (Okabe &amp; Ito). */
    static final Color[] COLORS = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7)};

    private static final int POINT_ALPHA = 110;

    /** Empty unless the report found distinct groups. */
    public Optional<byte[]> render(PollReport report, LocalDate date) {
        if (!report.opinionGroups().found()) {
            return Optional.empty();
        }
        try {
            return Optional.of(BitmapEncoder.getBitmapBytes(chart(report, date), BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException encoding) {
            throw new UncheckedIOException("could not encode the group chart", encoding);
        }
    }

    /** The chart before encoding. */
    XYChart chart(PollReport report, LocalDate date) {
        Groups groups = report.opinionGroups();
        GroupMap map = groups.map();
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title("Opinion groups: " + report.poll().title() + " (" + date + ", "
                        + Numbers.voters(groups.groupSearch().ballots()) + ")")
                .xAxisTitle(axisTitle("First direction", map.xShare()))
                .yAxisTitle(axisTitle("Second direction", map.yShare()))
                .build();
        style(chart);
        float[] xs = map.xs();
        float[] ys = map.ys();
        sameScale(chart, xs, ys);
        byte[] of = map.groups();
        for (int group = 0; group < groups.groups().size(); group++) {
            points(chart, groups.groups().get(group), group, xs, ys, of);
        }
        double lift = 0.04 * Math.max(max(xs) - min(xs), max(ys) - min(ys));
        for (int group = 0; group < groups.groups().size(); group++) {
            centre(chart, groups.groups().get(group), group, map.centreXs()[group], map.centreYs()[group], lift);
        }
        return chart;
    }

    /**
     * Both axes span the same distance, so the picture keeps the true proportions: the second
     * direction carries less of the differences and looks it.
     */
    private static void sameScale(XYChart chart, float[] xs, float[] ys) {
        double span = 1.15 * Math.max(max(xs) - min(xs), max(ys) - min(ys));
        double x = (max(xs) + min(xs)) / 2;
        double y = (max(ys) + min(ys)) / 2;
        chart.getStyler().setXAxisMin(x - span / 2);
        chart.getStyler().setXAxisMax(x + span / 2);
        chart.getStyler().setYAxisMin(y - span / 2);
        chart.getStyler().setYAxisMax(y + span / 2);
    }

    private static double min(float[] values) {
        double min = Double.POSITIVE_INFINITY;
        for (float value : values) {
            min = Math.min(min, value);
        }
        return min;
    }

    private static double max(float[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (float value : values) {
            max = Math.max(max, value);
        }
        return max;
    }

    private static String axisTitle(String name, double share) {
        return name + " (" + String.format(Locale.ROOT, "%.0f%%", share * 100) + " of the differences)";
    }

    private static void style(XYChart chart) {
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        chart.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        chart.getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        chart.getStyler().setAnnotationTextFontColor(Color.BLACK);
        chart.getStyler().setMarkerSize(7);
        // positions on these axes have no unit a reader could use: only where groups sit matters
        chart.getStyler().setXAxisTicksVisible(false);
        chart.getStyler().setYAxisTicksVisible(false);
    }

    /** One group's voters: small translucent dots, the legend entry naming the group and its size. */
    private static void points(XYChart chart, Group group, int index, float[] xs, float[] ys, byte[] of) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int point = 0; point < xs.length; point++) {
            if (of[point] == index) {
                x.add((double) xs[point]);
                y.add((double) ys[point]);
            }
        }
        if (x.isEmpty()) {
            return;
        }
        Color color = COLORS[index % COLORS.length];
        XYSeries series = chart.addSeries(
                "Group " + group.label() + ": " + Numbers.voters(group.size()) + " (" + Numbers.percent(group.percent())
                        + ")",
                x,
                y);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), POINT_ALPHA));
        series.setLineStyle(new BasicStroke(0f));
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    }

    /** A group's centre: a large ringed disc, with the group's letter just above it. */
    private static void centre(XYChart chart, Group group, int index, double x, double y, double lift) {
        XYSeries centre = chart.addSeries("centre " + group.label(), new double[] {x}, new double[] {y});
        centre.setMarker(new CentreMarker());
        centre.setMarkerColor(COLORS[index % COLORS.length].darker());
        centre.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        centre.setShowInLegend(false);
        chart.addAnnotation(new AnnotationText(group.label(), x, y + lift, false));
    }

    /** Three times a dot's size, ringed in white so it stands out over its own group's dots. */
    private static final class CentreMarker extends Marker {

        @Override
        public void paint(Graphics2D graphics, double x, double y, int size) {
            double diameter = 3.0 * size;
            Ellipse2D disc = new Ellipse2D.Double(x - diameter / 2, y - diameter / 2, diameter, diameter);
            graphics.fill(disc);
            Color fill = graphics.getColor();
            graphics.setColor(Color.WHITE);
            graphics.setStroke(new BasicStroke(2f));
            graphics.draw(disc);
            graphics.setColor(fill);
        }
    }
}
