package dev.fieldpoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.testing.ReportFixtures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class GroupChartRendererTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    private final GroupChartRenderer charts = new GroupChartRenderer();

    @Test
    void the_map_is_a_png_with_each_groups_colour() throws Exception {
        byte[] png = charts.render(ReportFixtures.report(ReportFixtures.twoCamps()), DAY)
                .orElseThrow();

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(GroupChartRenderer.WIDTH);
        assertThat(image.getHeight()).isEqualTo(GroupChartRenderer.HEIGHT);
        Set<Integer> colours = new HashSet<>();
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        // each group's centre is drawn solid, in its colour darkened
        assertThat(colours)
                .contains(GroupChartRenderer.COLORS[0].darker().getRGB() & 0xFFFFFF)
                .contains(GroupChartRenderer.COLORS[1].darker().getRGB() & 0xFFFFFF)
                .doesNotContain(GroupChartRenderer.COLORS[2].darker().getRGB() & 0xFFFFFF);
    }

    @Test
    void voters_are_dots_by_group_without_labels_and_only_the_centres_are_lettered() {
        PollReport report = ReportFixtures.report(ReportFixtures.twoCamps());

        XYChart chart = charts.chart(report, DAY);

        XYSeries a = chart.getSeries("Group A: 24 voters (60%)");
        XYSeries b = chart.getSeries("Group B: 16 voters (40%)");
        assertThat(a.getXData()).hasSize(24);
        assertThat(b.getXData()).hasSize(16);
        assertThat(chart.getSeries("centre A").getXData())
                .containsExactly(report.opinionGroups().map().centreXs()[0]);
        // two groups of dots and two centres, and no series (or label) per voter
        assertThat(chart.getSeriesCollection()).hasSize(4);
    }

    @Test
    void the_legends_percents_add_to_one_hundred_when_both_shares_end_in_a_half() {
        // 21 and 19 of 40: 52.5% and 47.5%, which rounded one by one would show 53% and 48%
        PollReport report = ReportFixtures.report(ReportFixtures.twoCamps(21, 19));

        XYChart chart = charts.chart(report, DAY);

        assertThat(chart.getSeries("Group A: 21 voters (53%)")).isNotNull();
        assertThat(chart.getSeries("Group B: 19 voters (47%)")).isNotNull();
        assertThat(chart.getSeries("Group B: 19 voters (48%)")).isNull();
    }

    @Test
    void nothing_is_drawn_without_distinct_groups() {
        assertThat(charts.render(ReportFixtures.report(ReportFixtures.tenVoters()), DAY))
                .isEmpty();
        assertThat(charts.render(ReportFixtures.report(ReportFixtures.oneCrowd()), DAY))
                .isEmpty();
    }
}
