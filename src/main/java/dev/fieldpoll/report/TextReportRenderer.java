package dev.fieldpoll.report;

import dev.fieldpoll.report.PollReport.CellReport;
import dev.fieldpoll.report.PollReport.Highlight;
import dev.fieldpoll.report.PollReport.RankingEntry;
import dev.fieldpoll.report.PollReport.ReferenceField;
import dev.fieldpoll.report.PollReport.UnrankedField;
import java.util.Locale;

/** A report as plain ASCII text, for the console chat and the CLI. */
public final class TextReportRenderer {

    public String render(PollReport report) {
        StringBuilder text = new StringBuilder();
        PollReport.PollInfo poll = report.poll();
        text.append("#")
                .append(poll.id())
                .append(' ')
                .append(poll.title())
                .append(" - ")
                .append(poll.status())
                .append(", ")
                .append(Numbers.voters(poll.voters()))
                .append('\n');
        if (report.ranking().isEmpty()) {
            text.append(Sentences.notEnoughVotes(report)).append('\n');
            notRanked(report, text);
            return text.toString().stripTrailing();
        }
        ranking(report, text);
        notRanked(report, text);
        highlights(report, text);
        groups(report, text);
        reference(report, text);
        agreement(report, text);
        cells(report, text);
        return text.toString().stripTrailing();
    }

    private static void ranking(PollReport report, StringBuilder text) {
        text.append("\nRanking (higher score = " + report.poll().higher()
                + "; score and rank with 90% bootstrap intervals):\n");
        text.append(String.format(
                Locale.ROOT,
                "  %-4s %-34s %6s  %-13s %-6s %-4s%n",
                "rank",
                "field",
                "score",
                "interval",
                "range",
                "tier"));
        for (RankingEntry entry : report.ranking()) {
            text.append(String.format(
                    Locale.ROOT,
                    "  %-4d %-34s %6.2f  %-13s %-6s %-4d%s%s%n",
                    entry.rank(),
                    truncate(entry.name(), 34),
                    entry.score(),
                    Numbers.twoDecimals(entry.scoreLow()) + "-" + Numbers.twoDecimals(entry.scoreHigh()),
                    Numbers.rankRange(entry.rankLow(), entry.rankHigh()),
                    entry.tier(),
                    entry.tieWithNext() ? "  ~ tied with next" : "",
                    Sentences.dontKnow(entry.dontKnowShare())));
        }
        String adjusted = Sentences.adjusted(report);
        if (!adjusted.isEmpty()) {
            text.append("  ").append(adjusted).append('\n');
        }
    }

    private static void notRanked(PollReport report, StringBuilder text) {
        if (report.notRanked().isEmpty()) {
            return;
        }
        text.append("\nNot enough votes yet (a field is ranked once every factor has ")
                .append(report.minVoters())
                .append(" scores):\n");
        for (UnrankedField field : report.notRanked()) {
            text.append("  - ")
                    .append(Sentences.notRanked(field, report.minVoters()))
                    .append('\n');
        }
    }

    private static void highlights(PollReport report, StringBuilder text) {
        text.append("\nWhere the community splits (clearest first):\n");
        if (report.highlights().isEmpty()) {
            text.append("  ").append(Sentences.noSplits(report)).append('\n');
        }
        for (Highlight highlight : report.highlights()) {
            text.append("  - ").append(Sentences.highlight(highlight)).append('\n');
        }
    }

    private static void groups(PollReport report, StringBuilder text) {
        PollReport.Groups groups = report.opinionGroups();
        text.append("\nOpinion groups:\n  ")
                .append(GroupSentences.overview(groups))
                .append('\n');
        if (!groups.found()) {
            return;
        }
        text.append("  ").append(GroupSentences.commonGround(groups)).append('\n');
        for (PollReport.Group group : groups.groups()) {
            text.append("  - ")
                    .append(GroupSentences.group(group))
                    .append("\n    ")
                    .append(GroupSentences.separating(group, groups.groups().size()))
                    .append('\n');
        }
    }

    private static void reference(PollReport report, StringBuilder text) {
        if (report.reference() == null) {
            return;
        }
        text.append("\nCommunity vs reference scores (")
                .append(Sentences.tau(report.reference(), "tau-b"))
                .append("):\n");
        text.append(String.format(
                Locale.ROOT, "  %-34s %9s %9s %7s  %s%n", "field", "community", "reference", "diff", "90% interval"));
        for (ReferenceField field : report.reference().fields()) {
            text.append(String.format(
                    Locale.ROOT,
                    "  %-34s %9.2f %9.2f %7s  [%s, %s]%s%n",
                    truncate(field.name(), 34),
                    field.community(),
                    field.reference(),
                    Numbers.signed(field.difference()),
                    Numbers.signed(field.ciLow()),
                    Numbers.signed(field.ciHigh()),
                    field.real() ? "  real" : ""));
        }
        text.append("  (\"real\": the difference holds up after checking every field with ")
                .append(report.labelFrom())
                .append(" scores on each factor; false discoveries held to 10%)\n");
    }

    private static void agreement(PollReport report, StringBuilder text) {
        text.append('\n');
        String reliability = Sentences.reliability(report);
        if (!reliability.isEmpty()) {
            text.append(reliability).append('\n');
        }
        text.append("Krippendorff's alpha (ordinal, cells as units) = ")
                .append(Numbers.twoDecimals(report.agreement().krippendorffAlphaOrdinal()))
                .append('\n');
    }

    private static void cells(PollReport report, StringBuilder text) {
        text.append("\nCells (n = scores, ? = don't know; raw means; shown from ")
                .append(report.minVoters())
                .append(" scores):\n");
        for (CellReport cell : report.cells()) {
            String name = truncate(cell.fieldName() + " / " + cell.factor(), 45);
            if (!cell.eligible()) {
                text.append(String.format(Locale.ROOT, "  %-45s fewer than %d answers%n", name, report.minVoters()));
                continue;
            }
            text.append(String.format(
                    Locale.ROOT,
                    "  %-45s n=%-4d ?=%-3d mean %s sd %s  %s  %s%n",
                    name,
                    cell.n(),
                    cell.dontKnow(),
                    Numbers.twoDecimals(cell.mean()),
                    Numbers.twoDecimals(cell.sd()),
                    histogram(cell.histogram()),
                    cell.label()));
        }
    }

    private static String histogram(int[] counts) {
        StringBuilder bars = new StringBuilder("[");
        for (int i = 0; i < counts.length; i++) {
            bars.append(i == 0 ? "" : " ").append(counts[i]);
        }
        return bars.append(']').toString();
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "~";
    }
}
