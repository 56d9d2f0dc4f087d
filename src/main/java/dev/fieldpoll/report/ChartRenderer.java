package dev.fieldpoll.report;

import dev.fieldpoll.report.PollReport.FactorEstimate;
import dev.fieldpoll.report.PollReport.RankingEntry;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A report as a PNG chart. With two factors, each ranked field sits at its two factor estimates
 * (the same numbers its score is made of) with their 90% bootstrap intervals as cross-hairs,
 * quadrant lines at the middle of the scale; with any other number of factors, the ranking as bars.
 */
public final class ChartRenderer {

    public static final int WIDTH = 1200;
    public static final int HEIGHT = 800;
    private static final Color FIELD_COLOR = new Color(0x2F5D8A);
    private static final Color INTERVAL_COLOR = new Color(47, 93, 138, 110);

    /** Empty when there is nothing to draw (no ranking yet: too few voters). */
    public Optional<byte[]> render(PollReport report, LocalDate date) {
        if (report.ranking().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(BitmapEncoder.getBitmapBytes(chart(report, date), BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException encoding) {
            throw new UncheckedIOException("could not encode the chart", encoding);
        }
    }

    /** The chart before encoding: a scatter of factor estimates for two factors, else bars of scores. */
    Chart<?, ?> chart(PollReport report, LocalDate date) {
        return report.factors().size() == 2 ? scatter(report, date) : bars(report, date);
    }

    /** The ranking chart's score axis, in the template's words: "Score (higher = automated sooner)". */
    static String scoreAxis(PollReport report) {
        return "Score (higher = " + report.poll().higher() + ")";
    }

    private static String title(PollReport report, LocalDate date) {
        return report.poll().title() + " (" + date + ", "
                + Numbers.voters(report.poll().voters()) + ")";
    }

    private XYChart scatter(PollReport report, LocalDate date) {
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title(report, date))
                .xAxisTitle(report.factors().get(0).name())
                .yAxisTitle(report.factors().get(1).name())
                .build();
        styleScatter(chart, report);
        for (RankingEntry entry : report.ranking()) {
            plotField(chart, entry, entry.estimates().get(0), entry.estimates().get(1));
        }
        double middle = (report.poll().scaleMin() + report.poll().scaleMax()) / 2.0;
        chart.addAnnotation(new AnnotationLine(middle, true, false));
        chart.addAnnotation(new AnnotationLine(middle, false, false));
        return chart;
    }

    private static void styleScatter(XYChart chart, PollReport report) {
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        chart.getStyler().setAnnotationLineColor(Color.GRAY);
        chart.getStyler().setAnnotationLineStroke(new BasicStroke(1f));
        chart.getStyler().setXAxisMin(report.poll().scaleMin() - 0.2);
        chart.getStyler().setXAxisMax(report.poll().scaleMax() + 0.2);
        chart.getStyler().setYAxisMin(report.poll().scaleMin() - 0.2);
        chart.getStyler().setYAxisMax(report.poll().scaleMax() + 0.2);
        chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    }

    private static void plotField(XYChart chart, RankingEntry entry, FactorEstimate x, FactorEstimate y) {
        line(chart, entry.field() + "-x", new double[] {x.low(), x.high()}, new double[] {y.estimate(), y.estimate()});
        line(chart, entry.field() + "-y", new double[] {x.estimate(), x.estimate()}, new double[] {y.low(), y.high()});
        XYSeries point = chart.addSeries(entry.field(), new double[] {x.estimate()}, new double[] {y.estimate()});
        point.setMarker(SeriesMarkers.CIRCLE);
        point.setMarkerColor(FIELD_COLOR);
        point.setLineStyle(new BasicStroke(0f));
        chart.addAnnotation(
                new AnnotationText(entry.rank() + ". " + entry.name(), x.estimate(), y.estimate() + 0.09, false));
    }

    private static void line(XYChart chart, String name, double[] xs, double[] ys) {
        XYSeries series = chart.addSeries(name, xs, ys);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(INTERVAL_COLOR);
        series.setLineStyle(new BasicStroke(1.5f));
    }

    private CategoryChart bars(PollReport report, LocalDate date) {
        CategoryChart chart = new CategoryChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title(report, date))
                .xAxisTitle("Field (rank order)")
                .yAxisTitle(scoreAxis(report))
                .build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisLabelRotation(30);
        chart.getStyler().setYAxisMin((double) report.poll().scaleMin());
        chart.getStyler().setYAxisMax((double) report.poll().scaleMax());
        chart.getStyler().setSeriesColors(new Color[] {FIELD_COLOR});
        List<String> names = report.ranking().stream()
                .map(entry -> entry.rank() + ". " + entry.name())
                .toList();
        List<Double> scores = report.ranking().stream().map(RankingEntry::score).toList();
        chart.addSeries("score", names, scores);
        return chart;
    }
}
