package dev.fieldpoll.slack;

import static dev.fieldpoll.slack.Mrkdwn.escape;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.report.PollReport.Highlight;
import dev.fieldpoll.report.PollReport.RankingEntry;
import dev.fieldpoll.report.PollReport.ReferenceField;
import java.util.ArrayList;
import java.util.List;

/**
 * A poll's results in Block Kit: ranking with rank ranges and ties, where the community splits,
 * the comparison with the reference scores, and agreement. Rows are grouped into sections of at
 * most 3000 characters, so even 25 fields stay far below Slack's 50 blocks per message.
 */
final class ResultsBlocks {

    List<LayoutBlock> render(PollReport report) {
        PollReport.PollInfo poll = report.poll();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(HeaderBlock.builder()
                .text(Mrkdwn.plain("Results: " + poll.title(), BlockLimits.HEADER_TEXT))
                .build());
        blocks.add(
                context("Poll #" + poll.id() + " · " + poll.status() + " · " + Mrkdwn.plural(poll.voters(), "voter")));
        if (report.ranking().isEmpty()) {
            blocks.add(Mrkdwn.section("Results appear once " + report.minVoters() + " members have voted (so far "
                    + poll.voters() + "), so no one's own votes can be read off."));
            return blocks;
        }
        List<String> ranking = new ArrayList<>();
        ranking.add("*Ranking* (higher = " + Mrkdwn.escape(report.poll().higher())
                + "; rank range = 90% bootstrap interval)");
        for (RankingEntry entry : report.ranking()) {
            ranking.add(entry.rank() + ". *" + escape(entry.name()) + "* — " + Mrkdwn.twoDecimals(entry.score())
                    + " · rank " + range(entry.rankLow(), entry.rankHigh()) + " · tier " + entry.tier()
                    + (entry.tieWithNext() ? " · ≈ tied with next" : ""));
        }
        blocks.addAll(Mrkdwn.sections(ranking));
        List<String> splits = new ArrayList<>();
        splits.add("*Where the community splits*");
        if (report.highlights().isEmpty()) {
            splits.add("Not enough voters per cell yet (5 needed).");
        }
        for (Highlight highlight : report.highlights()) {
            splits.add("• " + escape(highlight.fieldName() + " / " + highlight.factorName()) + " is _"
                    + highlight.label() + "_: " + Mrkdwn.percent(highlight.lowShare()) + " score it low, "
                    + Mrkdwn.percent(highlight.highShare()) + " high (consensus "
                    + Mrkdwn.twoDecimals(highlight.consensus()) + ", " + Mrkdwn.plural(highlight.n(), "voter") + ")");
        }
        blocks.addAll(Mrkdwn.sections(splits));
        if (report.reference() != null) {
            List<String> reference = new ArrayList<>();
            reference.add("*Community vs reference scores* (Kendall τ_b = "
                    + Mrkdwn.twoDecimals(report.reference().kendallTauB()) + ")");
            for (ReferenceField field : report.reference().fields()) {
                reference.add("• " + escape(field.name()) + ": " + Mrkdwn.twoDecimals(field.community()) + " vs "
                        + Mrkdwn.twoDecimals(field.reference()) + " (" + Mrkdwn.signed(field.difference())
                        + ", 90% interval " + Mrkdwn.signed(field.ciLow()) + " to " + Mrkdwn.signed(field.ciHigh())
                        + ")");
            }
            blocks.addAll(Mrkdwn.sections(reference));
        }
        blocks.add(context("Agreement: Krippendorff's α (ordinal) = "
                + Mrkdwn.twoDecimals(report.agreement().krippendorffAlphaOrdinal()) + " — "
                + escape(report.agreement().reading()) + ". Cells show distributions from " + report.minVoters()
                + " voters."));
        return blocks;
    }

    String fallbackText(PollReport report) {
        return Mrkdwn.truncate(
                "Results of poll #" + report.poll().id() + ": "
                        + escape(report.poll().title()),
                BlockLimits.FALLBACK_TEXT);
    }

    private static String range(int low, int high) {
        return low == high ? Integer.toString(low) : low + "–" + high;
    }

    private static ContextBlock context(String text) {
        return ContextBlock.builder()
                .elements(List.<ContextBlockElement>of(Mrkdwn.markdown(text)))
                .build();
    }
}
