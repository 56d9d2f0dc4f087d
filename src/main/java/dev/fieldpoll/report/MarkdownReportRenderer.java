package dev.fieldpoll.report;

import dev.fieldpoll.report.PollReport.Highlight;
import dev.fieldpoll.report.PollReport.RankingEntry;
import dev.fieldpoll.report.PollReport.ReferenceField;

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
            return text.append('\n')
                    .append(Sentences.notEnoughVoters(report))
                    .append('\n')
                    .toString();
        }
        text.append("\n**Ranking** (higher = " + report.poll().higher() + "; rank range = 90% bootstrap interval)\n");
        for (RankingEntry entry : report.ranking()) {
            text.append(entry.rank())
                    .append(". **")
                    .append(escape(entry.name()))
                    .append("** — ")
                    .append(Numbers.twoDecimals(entry.score()))
                    .append(" · rank ")
                    .append(Numbers.rankRange(entry.rankLow(), entry.rankHigh()))
                    .append(" · tier ")
                    .append(entry.tier())
                    .append(entry.tieWithNext() ? " · ≈ tied with next" : "")
                    .append('\n');
        }
        if (!report.highlights().isEmpty()) {
            text.append("\n**Where we split**\n");
            for (Highlight highlight : report.highlights()) {
                text.append("- ").append(escape(Sentences.highlight(highlight))).append('\n');
            }
        }
        reference(report, text);
        text.append("\n**Agreement:** Krippendorff's α = ")
                .append(Numbers.twoDecimals(report.agreement().krippendorffAlphaOrdinal()))
                .append(" — ")
                .append(report.agreement().reading())
                .append('\n');
        return text.toString();
    }

    private static void reference(PollReport report, StringBuilder text) {
        if (report.reference() == null) {
            return;
        }
        text.append("\n**Community vs reference** (Kendall τ_b = ")
                .append(Numbers.twoDecimals(report.reference().kendallTauB()))
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
                    .append(")\n");
        }
    }

    /** Titles and names are member text: escape Markdown so they cannot restyle the post or make links. */
    public static String escape(String text) {
        return text.replaceAll("([\\\\*_`~|>#\\[\\]])", "\\\\$1");
    }
}
