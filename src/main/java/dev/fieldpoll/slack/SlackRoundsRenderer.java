package dev.fieldpoll.slack;

import static dev.fieldpoll.slack.Mrkdwn.escape;

import com.slack.api.model.block.LayoutBlock;
import dev.fieldpoll.report.RoundReport;
import dev.fieldpoll.report.RoundSentences;
import java.util.ArrayList;
import java.util.List;

/**
 * A later round's changes since the round before in Block Kit: who answered both rounds, who moved
 * and which way, disagreement, and each field's change with its interval. The one Slack wording of
 * a round report, shared by results replies, summaries and results posts; a few sections of at
 * most 3000 characters each (one for a poll of a dozen fields).
 */
final class SlackRoundsRenderer {

    private SlackRoundsRenderer() {}

    static List<LayoutBlock> render(RoundReport rounds) {
        List<String> lines = new ArrayList<>();
        lines.add("*" + escape(RoundSentences.heading(rounds)) + "*");
        RoundSentences.summary(rounds).forEach(line -> lines.add(escape(line)));
        if (!rounds.fields().isEmpty() || !rounds.notCompared().isEmpty()) {
            lines.add("_" + escape(RoundSentences.fieldsHeading(rounds)) + "_");
            RoundSentences.fields(rounds).forEach(line -> lines.add("• " + escape(line)));
        }
        return Mrkdwn.sections(lines);
    }
}
