package dev.fieldpoll.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.testing.ReportFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A lone vote in a cell below the minimum changes no byte of a summary's Markdown or chart. */
class LoneVoteSummaryTest {

    @Test
    void markdown_and_chart_do_not_change_with_a_lone_vote() {
        List<PollReport> variants = ReportFixtures.loneAnswerVariants();
        PollSummary first = ReportFixtures.summaryOf(variants.get(0));

        for (PollReport variant : variants) {
            PollSummary summary = ReportFixtures.summaryOf(variant);
            assertThat(new SummaryMarkdownRenderer().render(summary))
                    .isEqualTo(new SummaryMarkdownRenderer().render(first));
            assertThat(summary.chart().png()).isEqualTo(first.chart().png());
        }
    }
}
