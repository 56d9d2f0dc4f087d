package dev.fieldpoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.app.TemplateLoader;
import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.poll.Template;
import dev.fieldpoll.report.PollReport.PollInfo;
import dev.fieldpoll.report.PollReport.RankingEntry;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class ChartRendererTest {

    private final ChartRenderer charts = new ChartRenderer();

    private static PollReport report(String templateKey, int voters) {
        Template template = new TemplateLoader()
                .loadAll(Path.of("config/polls")).stream()
                        .filter(candidate -> candidate.key().equals(templateKey))
                        .findFirst()
                        .orElseThrow();
        PollDefinition definition = template.definition();
        Random random = new Random(1);
        List<Map<CellKey, Answer>> ballots = new ArrayList<>();
        for (int voter = 0; voter < voters; voter++) {
            Map<CellKey, Answer> ballot = new LinkedHashMap<>();
            definition
                    .cells()
                    .forEach(cell -> ballot.put(
                            cell,
                            Answer.score(definition.scale().min()
                                    + random.nextInt(definition.scale().points()))));
            ballots.add(ballot);
        }
        BallotTable table = BallotTable.of(definition, ballots);
        PollInfo info = new PollInfo(
                1,
                template.title(),
                "open",
                voters,
                table.completeBallots(),
                definition.scale().min(),
                definition.scale().max());
        return new ReportBuilder().build(new ReportInput(info, definition, table.counts(), table.matrix(), 3, 10));
    }

    private static BufferedImage decode(byte[] png) throws Exception {
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void the_two_factor_template_gives_a_scatter_png_of_the_expected_size() throws Exception {
        byte[] png = charts.render(report("ai-safety-automation", 40), LocalDate.of(2026, 11, 27))
                .orElseThrow();

        BufferedImage image = decode(png);
        assertThat(image.getWidth()).isEqualTo(ChartRenderer.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ChartRenderer.HEIGHT);
    }

    @Test
    void a_three_factor_template_gives_a_ranking_bar_chart() throws Exception {
        byte[] png = charts.render(report("community-roadmap", 40), LocalDate.of(2026, 11, 27))
                .orElseThrow();

        BufferedImage image = decode(png);
        assertThat(image.getWidth()).isEqualTo(ChartRenderer.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ChartRenderer.HEIGHT);
    }

    @Test
    void each_field_sits_at_the_factor_estimates_its_score_is_made_of() {
        PollReport report = report("ai-safety-automation", 40);

        XYChart chart = (XYChart) charts.chart(report, LocalDate.of(2026, 11, 27));

        for (RankingEntry entry : report.ranking()) {
            XYSeries point = chart.getSeries(entry.field());
            assertThat(point.getXData())
                    .containsExactly(entry.estimates().get(0).estimate());
            assertThat(point.getYData())
                    .containsExactly(entry.estimates().get(1).estimate());
            XYSeries across = chart.getSeries(entry.field() + "-x");
            assertThat(across.getXData())
                    .containsExactly(
                            entry.estimates().get(0).low(),
                            entry.estimates().get(0).high());
        }
    }

    @Test
    void no_chart_without_a_ranking() {
        assertThat(charts.render(report("ai-safety-automation", 2), LocalDate.of(2026, 11, 27)))
                .isEmpty();
    }
}
