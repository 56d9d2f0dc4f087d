package dev.fieldpoll.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.testing.ReportFixtures;
import java.time.LocalDate;
import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.Test;

/** A lone vote in a cell below the minimum changes no byte of what Discord is sent. */
class LoneVoteResultsTest {

    @Test
    void results_and_summary_embeds_do_not_change_with_a_lone_vote() {
        List<PollReport> variants = ReportFixtures.loneAnswerVariants();

        for (PollReport variant : variants) {
            assertThat(rendered(variant)).isEqualTo(rendered(variants.get(0)));
        }
        assertThat(rendered(variants.get(0))).contains("Agent Foundations: 1 of 2 factors have 3 scores");
    }

    private static String rendered(PollReport report) {
        StringBuilder text = new StringBuilder();
        for (MessageEmbed embed : new ResultsRenderer().render(report)) {
            text.append(embed.toData()).append('\n');
        }
        text.append(new SummaryEmbedRenderer()
                .render(ReportFixtures.summaryOf(report), LocalDate.of(2026, 11, 27), true)
                .toData());
        return text.toString();
    }
}
