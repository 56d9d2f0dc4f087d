package dev.fieldpoll.report;

import dev.fieldpoll.report.PollReport.Highlight;
import dev.fieldpoll.report.PollReport.RankingEntry;
import dev.fieldpoll.report.PollReport.ReferenceField;
import dev.fieldpoll.report.PollReport.UnrankedField;

/** A report as Markdown: Discord messages, newsletters, archives. */
public final class MarkdownReportRenderer {

    public String render(PollReport report) {
        StringBuilder text = new StringBuilder();
        PollReport.PollInfo poll = report.poll();
        text.append("## ")
                .append(escape(poll.title()))
                .append("\n*Poll #")
                .append(poll.id())
                .append(" · ")
                .append(poll.status())
                .append(" · ")
                .append(Numbers.voters(poll.voters()))
                .append("*\n");
        if (report.ranking().isEmpty()) {
            text.append('\n').append(Sentences.notEnoughVotes(report)).append('\n');
            notRanked(report, text);
            return text.toString();
        }
        text.append("\n**Ranking** (higher = " + report.poll().higher()
                + "; score and rank with 90% bootstrap intervals)\n");
        for (RankingEntry entry : report.ranking()) {
            text.append(entry.rank())
                    .append(". **")
                    .append(escape(entry.name()))
                    .append("** — ")
                    .append(Numbers.twoDecimals(entry.score()))
                    .append(" (")
                    .append(Sentences.scoreInterval(entry))
                    .append(") · rank ")
                    .append(Numbers.rankRange(entry.rankLow(), entry.rankHigh()))
                    .append(" · tier ")
                    .append(entry.tier())
                    .append(entry.tieWithNext() ? " · ≈ tied with next" : "")
                    .append(Sentences.dontKnow(entry.dontKnowShare()))
                    .append('\n');
        }
        String adjusted = Sentences.adjusted(report);
        if (!adjusted.isEmpty()) {
            text.append('\n').append(escape(adjusted)).append('\n');
        }
        notRanked(report, text);
        text.append("\n**Where we split**\n");
        if (report.highlights().isEmpty()) {
            text.append(Sentences.noSplits(report)).append('\n');
        }
        for (Highlight highlight : report.highlights()) {
            text.append("- ").append(escape(Sentences.highlight(highlight))).append('\n');
        }
        groups(report, text);
        reference(report, text);
        agreement(report, text);
        return text.toString();
    }

    private static void groups(PollReport report, StringBuilder text) {
        PollReport.Groups groups = report.opinionGroups();
        text.append("\n**Opinion groups**\n")
                .append(escape(GroupSentences.overview(groups)))
                .append('\n');
        if (!groups.found()) {
            return;
        }
        text.append('\n').append(escape(GroupSentences.commonGround(groups))).append('\n');
        for (PollReport.Group group : groups.groups()) {
            text.append("- **")
                    .append(escape(GroupSentences.group(group)))
                    .append("** ")
                    .append(escape(
                            GroupSentences.separating(group, groups.groups().size())))
                    .append('\n');
        }
    }

    private static void notRanked(PollReport report, StringBuilder text) {
        if (report.notRanked().isEmpty()) {
            return;
        }
        text.append("\n**Not enough votes yet**\n");
        for (UnrankedField field : report.notRanked()) {
            text.append("- ")
                    .append(escape(Sentences.notRanked(field, report.minVoters())))
                    .append('\n');
        }
    }

    private static void reference(PollReport report, StringBuilder text) {
        if (report.reference() == null) {
            return;
        }
        text.append("\n**Community vs reference** (")
                .append(Sentences.tau(report.reference(), "τ_b"))
                .append(")\n");
        for (ReferenceField field : report.reference().fields()) {
            text.append("- ")
                    .append(escape(field.name()))
                    .append(": ")
                    .append(Numbers.twoDecimals(field.community()))
                    .append(" vs ")
                    .append(Numbers.twoDecimals(field.reference()))
                    .append(" (")
                    .append(Numbers.signed(field.difference()))
                    .append(", 90% CI ")
                    .append(Numbers.signed(field.ciLow()))
                    .append(" to ")
                    .append(Numbers.signed(field.ciHigh()))
                    .append(field.real() ? ", real" : "")
                    .append(")\n");
        }
    }

    private static void agreement(PollReport report, StringBuilder text) {
        String reliability = Sentences.reliability(report);
        if (!reliability.isEmpty()) {
            text.append('\n').append(escape(reliability)).append('\n');
        }
        text.append("\n*Krippendorff's α (ordinal, cells as units) = ")
                .append(Numbers.twoDecimals(report.agreement().krippendorffAlphaOrdinal()))
                .append("*\n");
    }

    /** Titles and names are member text: escape Markdown so they cannot restyle the post or make links. */
    public static String escape(String text) {
        return text.replaceAll("([\\\\*_`~|>#\\[\\]])", "\\\\$1");
    }
}
