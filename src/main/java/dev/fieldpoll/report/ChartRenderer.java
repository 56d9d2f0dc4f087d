package dev.fieldpoll.report;

import dev.fieldpoll.report.PollReport.CellReport;
import dev.fieldpoll.report.PollReport.RankingEntry;
import dev.fieldpoll.tally.MeanInterval;
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
 * A report as a PNG chart. With two factors, each field sits at its two factor means with 90%
 * intervals as cross-hairs, quadrant lines at the middle of the scale; with any other number of
 * factors, the ranking as bars.
 */
public final class ChartRenderer {

    public static final int WIDTH = 1200;
    public static final int HEIGHT = 800;
    private static final double CONFIDENCE = 0.90;
    private static final Color FIELD_COLOR = new Color(0x2F5D8A);
    private static final Color INTERVAL_COLOR = new Color(47, 93, 138, 110);

    /** Empty when there is nothing to draw (no ranking yet: too few voters). */
    public Optional<byte[]> render(PollReport report, LocalDate date) {
        if (report.ranking().isEmpty()) {
            return Optional.empty();
        }
        Chart<?, ?> chart = report.factors().size() == 2 ? scatter(report, date) : bars(report, date);
        try {
            return Optional.of(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException encoding) {
            throw new UncheckedIOException("could not encode the chart", encoding);
        }
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
        String xFactor = report.factors().get(0).key();
        String yFactor = report.factors().get(1).key();
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title(report, date))
                .xAxisTitle(report.factors().get(0).name())
                .yAxisTitle(report.factors().get(1).name())
                .build();
        styleScatter(chart, report);
        for (RankingEntry entry : report.ranking()) {
            Optional<CellReport> x = cell(report, entry.field(), xFactor);
            Optional<CellReport> y = cell(report, entry.field(), yFactor);
            if (x.isPresent() && y.isPresent()) {
                plotField(chart, entry, x.get(), y.get());
            }
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

    private static Optional<CellReport> cell(PollReport report, String field, String factor) {
        return report.cells().stream()
                .filter(cell -> cell.field().equals(field) && cell.factor().equals(factor) && cell.disclosed())
                .findFirst();
    }

    private static void plotField(XYChart chart, RankingEntry entry, CellReport x, CellReport y) {
        MeanInterval xInterval = MeanInterval.of(x.mean(), orNaN(x.sd()), x.n(), CONFIDENCE);
        MeanInterval yInterval = MeanInterval.of(y.mean(), orNaN(y.sd()), y.n(), CONFIDENCE);
        if (Double.isFinite(xInterval.low())) {
            line(chart, entry.field() + "-x", new double[] {xInterval.low(), xInterval.high()}, new double[] {
                y.mean(), y.mean()
            });
        }
        if (Double.isFinite(yInterval.low())) {
            line(chart, entry.field() + "-y", new double[] {x.mean(), x.mean()}, new double[] {
                yInterval.low(), yInterval.high()
            });
        }
        XYSeries point = chart.addSeries(entry.field(), new double[] {x.mean()}, new double[] {y.mean()});
        point.setMarker(SeriesMarkers.CIRCLE);
        point.setMarkerColor(FIELD_COLOR);
        point.setLineStyle(new BasicStroke(0f));
        chart.addAnnotation(new AnnotationText(entry.rank() + ". " + entry.name(), x.mean(), y.mean() + 0.09, false));
    }

    private static void line(XYChart chart, String name, double[] xs, double[] ys) {
        XYSeries series = chart.addSeries(name, xs, ys);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(INTERVAL_COLOR);
        series.setLineStyle(new BasicStroke(1.5f));
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
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
