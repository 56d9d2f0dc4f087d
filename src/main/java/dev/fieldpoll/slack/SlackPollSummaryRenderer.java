package dev.fieldpoll.slack;

import static dev.fieldpoll.slack.Mrkdwn.escape;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.fieldpoll.bot.ActionId;
import dev.fieldpoll.bot.ActionIds;
import dev.fieldpoll.report.GroupSentences;
import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.report.PollReport.ReferenceField;
import dev.fieldpoll.report.Sentences;
import dev.fieldpoll.summary.PollSummary;
import dev.fieldpoll.summary.PollSummary.CellTurn;
import dev.fieldpoll.summary.PollSummary.FieldMove;
import dev.fieldpoll.summary.PollSummary.Participation;
import dev.fieldpoll.summary.ResultsPost;
import dev.fieldpoll.summary.SummaryMarkdownRenderer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One poll's part of a weekly summary in Block Kit, with the content of the Markdown summary:
 * ranking with movement and rank range, what changed, where members split, opinion groups (common
 * ground first), participation, the reference comparison and a later round's changes. A poll without results yet gets a call to vote (with a Vote button while
 * it is open) instead of an empty table. About eight blocks, whatever the poll's size.
 */
final class SlackPollSummaryRenderer {

    static final int HIGHLIGHTS = 3;
    static final int DIVERGENCES = 3;

    List<LayoutBlock> render(PollSummary summary) {
        PollReport.PollInfo poll = summary.report().poll();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(Mrkdwn.section("*" + escape(poll.title()) + "* (poll #" + poll.id() + ", " + poll.status() + ")"));
        if (!summary.hasResults()) {
            blocks.addAll(callToVote(summary));
            return blocks;
        }
        blocks.addAll(Mrkdwn.sections(ranking(summary)));
        blocks.addAll(sectionsUnlessOnlyHeading(changes(summary)));
        blocks.addAll(sectionsUnlessOnlyHeading(splits(summary.report())));
        blocks.addAll(sectionsUnlessOnlyHeading(groups(summary.report())));
        blocks.add(context(participation(summary.participation())));
        if (summary.report().reference() != null) {
            blocks.addAll(Mrkdwn.sections(reference(summary.report().reference())));
        }
        summary.rounds().ifPresent(rounds -> blocks.addAll(SlackRoundsRenderer.render(rounds)));
        return blocks;
    }

    /**
     * A closed poll's results post: the final ranking (rank ranges and ties), where members split,
     * opinion groups, participation and the reference, as the summary shows them; below
     * min-voters only how many voted and that it was too few.
     */
    List<LayoutBlock> render(ResultsPost post) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(HeaderBlock.builder()
                .text(Mrkdwn.plain(post.heading(), BlockLimits.HEADER_TEXT))
                .build());
        post.lateNote().ifPresent(note -> blocks.add(context("_" + escape(note) + "_")));
        if (!post.hasResults()) {
            blocks.add(Mrkdwn.section(escape(post.tooFew())));
            return blocks;
        }
        PollReport report = post.results().report();
        List<String> ranking = new ArrayList<>();
        ranking.add("*Ranking* (rank range = 90% interval)");
        report.ranking()
                .forEach(entry -> ranking.add(entry.rank() + ". *" + escape(entry.name()) + "* · rank "
                        + range(entry.rankLow(), entry.rankHigh())
                        + (entry.tieWithNext() ? " · ≈ tied with next" : "")));
        String notRanked = Sentences.notRankedNames(report);
        if (!notRanked.isEmpty()) {
            ranking.add("_" + escape(notRanked) + "_");
        }
        blocks.addAll(Mrkdwn.sections(ranking));
        blocks.addAll(sectionsUnlessOnlyHeading(splits(report)));
        blocks.addAll(sectionsUnlessOnlyHeading(groups(report)));
        blocks.add(context("*Participation:* " + escape(SummaryMarkdownRenderer.finalParticipation(post.results()))));
        if (report.reference() != null) {
            blocks.addAll(Mrkdwn.sections(reference(report.reference())));
        }
        post.results().rounds().ifPresent(rounds -> blocks.addAll(SlackRoundsRenderer.render(rounds)));
        return blocks;
    }

    private static List<LayoutBlock> callToVote(PollSummary summary) {
        PollReport.PollInfo poll = summary.report().poll();
        if (!isOpen(poll)) {
            return List.of(Mrkdwn.section(escape(Sentences.closedWithoutResults(summary.report()))));
        }
        return List.of(
                Mrkdwn.section(escape(Sentences.progress(summary.report()))
                        + ": add your view with the button or `/poll vote`."),
                ActionsBlock.builder()
                        .elements(List.<BlockElement>of(voteButton(poll.id())))
                        .build());
    }

    private static List<String> ranking(PollSummary summary) {
        List<String> lines = new ArrayList<>();
        lines.add("*Ranking* (change since the last summary · rank range = 90% interval)");
        for (FieldMove move : summary.ranking()) {
            lines.add(move.rank() + ". *" + escape(move.name()) + "* " + move.movement() + " · rank "
                    + range(move.rankLow(), move.rankHigh()));
        }
        String notRanked = Sentences.notRankedNames(summary.report());
        if (!notRanked.isEmpty()) {
            lines.add("_" + escape(notRanked) + "_");
        }
        return lines;
    }

    private static List<String> changes(PollSummary summary) {
        List<String> lines = new ArrayList<>();
        lines.add("*What changed*");
        summary.edits().forEach(edit -> lines.add("• " + escape(edit)));
        for (FieldMove move : summary.biggestMovers()) {
            lines.add("• *" + escape(move.name()) + "* moved " + move.movement() + " to #" + move.rank());
        }
        for (CellTurn turn : summary.newlySplit()) {
            lines.add("• " + escape(turn.fieldName() + " / " + turn.factorName()) + " is newly _" + turn.label() + "_");
        }
        return lines;
    }

    private static List<String> splits(PollReport report) {
        List<String> lines = new ArrayList<>();
        lines.add("*Where members split*");
        report.highlights().stream()
                .limit(HIGHLIGHTS)
                .forEach(highlight -> lines.add("• " + escape(Sentences.highlight(highlight))));
        return lines;
    }

    /** Common ground first, then a line per group; nothing while too few have voted. */
    private static List<String> groups(PollReport report) {
        List<String> lines = new ArrayList<>();
        lines.add("*Opinion groups*");
        List<String> summary = GroupSentences.summary(report.opinionGroups());
        for (int line = 0; line < summary.size(); line++) {
            lines.add((line == 0 ? "" : "• ") + escape(summary.get(line)));
        }
        return lines;
    }

    private static String participation(Participation participation) {
        return "*Participation:* " + Mrkdwn.plural(participation.voters(), "voter") + " · "
                + participation.newVoters() + " new since the last summary · "
                + Mrkdwn.percent(participation.completeShare()) + " with complete ballots";
    }

    private static List<String> reference(PollReport.ReferenceComparison reference) {
        List<String> lines = new ArrayList<>();
        lines.add("*Against the reference scores* (" + Sentences.tau(reference, "τ_b") + ")");
        reference.fields().stream()
                .sorted(Comparator.comparingDouble((ReferenceField field) -> Math.abs(field.difference()))
                        .reversed())
                .limit(DIVERGENCES)
                .forEach(field -> lines.add("• " + escape(field.name()) + ": community "
                        + Mrkdwn.twoDecimals(field.community()) + " vs " + Mrkdwn.twoDecimals(field.reference())
                        + " (" + Sentences.difference(field) + ")"));
        return lines;
    }

    /** A list whose heading has nothing under it is left out, not shown empty. */
    private static List<LayoutBlock> sectionsUnlessOnlyHeading(List<String> lines) {
        return lines.size() <= 1 ? List.of() : Mrkdwn.sections(lines);
    }

    static ButtonElement voteButton(long pollId) {
        return ButtonElement.builder()
                .text(Mrkdwn.plain("Vote", BlockLimits.BUTTON_TEXT))
                .actionId(ActionIds.encode(ActionId.of(ActionId.Action.VOTE, pollId)))
                .style("primary")
                .build();
    }

    static ContextBlock context(String text) {
        return ContextBlock.builder()
                .elements(List.<ContextBlockElement>of(Mrkdwn.markdown(text)))
                .build();
    }

    private static boolean isOpen(PollReport.PollInfo poll) {
        return "open".equals(poll.status());
    }

    private static String range(int low, int high) {
        return low == high ? Integer.toString(low) : low + "–" + high;
    }
}
