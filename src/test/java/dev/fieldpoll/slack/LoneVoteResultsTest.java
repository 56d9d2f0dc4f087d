package dev.fieldpoll.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.slack.api.util.json.GsonFactory;
import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.testing.ReportFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A lone vote in a cell below the minimum changes no byte of what Slack is sent. */
class LoneVoteResultsTest {

    private static final Gson SLACK_JSON = GsonFactory.createSnakeCase();

    @Test
    void results_and_summary_blocks_do_not_change_with_a_lone_vote() {
        List<PollReport> variants = ReportFixtures.loneAnswerVariants();

        for (PollReport variant : variants) {
            assertThat(rendered(variant)).isEqualTo(rendered(variants.get(0)));
        }
        assertThat(rendered(variants.get(0))).contains("Agent Foundations: 1 of 2 factors have 3 scores");
    }

    private static String rendered(PollReport report) {
        return SLACK_JSON.toJson(new SlackResultsRenderer(java.time.ZoneOffset.UTC).render(report))
                + SLACK_JSON.toJson(new SlackPollSummaryRenderer().render(ReportFixtures.summaryOf(report)));
    }
}
