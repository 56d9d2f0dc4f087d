package dev.fieldpoll.slack;

import static dev.fieldpoll.slack.Mrkdwn.escape;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import dev.fieldpoll.bot.PageLink;
import dev.fieldpoll.report.GroupSentences;
import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.report.PollReport.Highlight;
import dev.fieldpoll.report.PollReport.RankingEntry;
import dev.fieldpoll.report.PollReport.ReferenceField;
import dev.fieldpoll.report.RoundReport;
import dev.fieldpoll.report.Sentences;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A poll's results in Block Kit: ranking with rank ranges and ties, where the community splits,
 * opinion groups (common ground first), the comparison with the reference scores, and agreement. Rows are grouped into sections of at
 * most 3000 characters, so even 25 fields stay far below Slack's 50 blocks per message.
 */
final class SlackResultsRenderer {

    private final ZoneId zone;

    SlackResultsRenderer(ZoneId zone) {
        this.zone = zone;
    }

    /** The results, then the link to the full results page when there is one. */
    List<LayoutBlock> render(PollReport report, Optional<PageLink> page) {
        return render(report, page, Optional.empty());
    }

    /** The results, what changed since the previous round (a later round), then the results page link. */
    List<LayoutBlock> render(PollReport report, Optional<PageLink> page, Optional<RoundReport> rounds) {
        List<LayoutBlock> blocks = render(report);
        rounds.ifPresent(round -> blocks.addAll(SlackRoundsRenderer.render(round)));
        page.ifPresent(link -> blocks.add(Mrkdwn.section(link.expires()
                .map(until -> ":link: <" + link.uri() + "|Open the full results page> — your own link, it works until "
                        + SlackDate.token(until, zone) + ".")
                .orElse(":link: <" + link.uri() + "|Public results page> — anyone with this link can open it."))));
        return blocks;
    }

    List<LayoutBlock> render(PollReport report) {
        PollReport.PollInfo poll = report.poll();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(HeaderBlock.builder()
                .text(Mrkdwn.plain("Results: " + poll.title(), BlockLimits.HEADER_TEXT))
                .build());
        blocks.add(
                context("Poll #" + poll.id() + " · " + poll.status() + " · " + Mrkdwn.plural(poll.voters(), "voter")));
        if (report.ranking().isEmpty()) {
            blocks.add(Mrkdwn.section(escape(Sentences.notEnoughVotes(report))));
            return blocks;
        }
        List<String> ranking = new ArrayList<>();
        ranking.add("*Ranking* (higher = " + Mrkdwn.escape(report.poll().higher())
                + "; score and rank with 90% bootstrap intervals)");
        for (RankingEntry entry : report.ranking()) {
            ranking.add(entry.rank() + ". *" + escape(entry.name()) + "* — " + Mrkdwn.twoDecimals(entry.score())
                    + " (" + Sentences.scoreInterval(entry) + ") · rank " + range(entry.rankLow(), entry.rankHigh())
                    + " · tier " + entry.tier() + (entry.tieWithNext() ? " · ≈ tied with next" : "")
                    + Sentences.dontKnow(entry.dontKnowShare()));
        }
        report.notRanked().forEach(field -> ranking.add("– " + escape(Sentences.notRanked(field, report.minVoters()))));
        String adjusted = Sentences.adjusted(report);
        if (!adjusted.isEmpty()) {
            ranking.add("_" + escape(adjusted) + "_");
        }
        blocks.addAll(Mrkdwn.sections(ranking));
        List<String> splits = new ArrayList<>();
        splits.add("*Where the community splits*");
        if (report.highlights().isEmpty()) {
            splits.add(escape(Sentences.noSplits(report)));
        }
        for (Highlight highlight : report.highlights()) {
            splits.add("• " + escape(Sentences.highlight(highlight)));
        }
        blocks.addAll(Mrkdwn.sections(splits));
        blocks.addAll(Mrkdwn.sections(groups(report.opinionGroups())));
        if (report.reference() != null) {
            List<String> reference = new ArrayList<>();
            reference.add("*Community vs reference scores* (" + Sentences.tau(report.reference(), "τ_b") + ")");
            for (ReferenceField field : report.reference().fields()) {
                reference.add("• " + escape(field.name()) + ": " + Mrkdwn.twoDecimals(field.community()) + " vs "
                        + Mrkdwn.twoDecimals(field.reference()) + " (" + Sentences.difference(field) + ")");
            }
            blocks.addAll(Mrkdwn.sections(reference));
        }
        blocks.add(context(escape(Sentences.reliability(report)) + " Krippendorff's α (ordinal, cells as units) = "
                + Mrkdwn.twoDecimals(report.agreement().krippendorffAlphaOrdinal()) + ". Cells count from "
                + report.minVoters() + " scores."));
        return blocks;
    }

    /** The overview, the common ground (bridging fields first), then one line per group. */
    private static List<String> groups(PollReport.Groups groups) {
        List<String> lines = new ArrayList<>();
        lines.add("*Opinion groups*");
        lines.add(escape(GroupSentences.overview(groups)));
        if (groups.found()) {
            lines.add(escape(GroupSentences.commonGround(groups)));
            for (PollReport.Group group : groups.groups()) {
                lines.add("• *" + escape(GroupSentences.group(group)) + "* "
                        + escape(
                                GroupSentences.separating(group, groups.groups().size())));
            }
        }
        return lines;
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
