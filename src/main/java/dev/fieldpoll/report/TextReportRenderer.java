package dev.fieldpoll.report;

import dev.fieldpoll.report.PollReport.CellReport;
import dev.fieldpoll.report.PollReport.Highlight;
import dev.fieldpoll.report.PollReport.RankingEntry;
import dev.fieldpoll.report.PollReport.ReferenceField;
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
            return text.append(Sentences.notEnoughVoters(report)).toString();
        }
        ranking(report, text);
        highlights(report, text);
        reference(report, text);
        text.append("\nAgreement: Krippendorff's alpha (ordinal) = ")
                .append(Numbers.twoDecimals(report.agreement().krippendorffAlphaOrdinal()))
                .append(", ")
                .append(report.agreement().reading())
                .append('\n');
        cells(report, text);
        return text.toString().stripTrailing();
    }

    private static void ranking(PollReport report, StringBuilder text) {
        text.append(
                "\nRanking (higher score = " + report.poll().higher() + "; rank range = 90% bootstrap interval):\n");
        text.append(
                String.format(Locale.ROOT, "  %-4s %-34s %6s  %-6s %-4s%n", "rank", "field", "score", "range", "tier"));
        for (RankingEntry entry : report.ranking()) {
            text.append(String.format(
                    Locale.ROOT,
                    "  %-4d %-34s %6.2f  %-6s %-4d%s%n",
                    entry.rank(),
                    truncate(entry.name(), 34),
                    entry.score(),
                    Numbers.rankRange(entry.rankLow(), entry.rankHigh()),
                    entry.tier(),
                    entry.tieWithNext() ? "  ~ tied with next" : ""));
        }
    }

    private static void highlights(PollReport report, StringBuilder text) {
        text.append("\nWhere the community splits (most disagreement first):\n");
        if (report.highlights().isEmpty()) {
            text.append("  Not enough voters per cell yet (5 needed).\n");
        }
        for (Highlight highlight : report.highlights()) {
            text.append("  - ").append(Sentences.highlight(highlight)).append('\n');
        }
    }

    private static void reference(PollReport report, StringBuilder text) {
        if (report.reference() == null) {
            return;
        }
        text.append("\nCommunity vs reference scores (Kendall tau-b = ")
                .append(Numbers.twoDecimals(report.reference().kendallTauB()))
                .append("):\n");
        text.append(String.format(
                Locale.ROOT, "  %-34s %9s %9s %7s  %s%n", "field", "community", "reference", "diff", "90% interval"));
        for (ReferenceField field : report.reference().fields()) {
            text.append(String.format(
                    Locale.ROOT,
                    "  %-34s %9s %9.2f %7s  [%s, %s]%n",
                    truncate(field.name(), 34),
                    Numbers.twoDecimals(field.community()),
                    field.reference(),
                    Numbers.signed(field.difference()),
                    Numbers.signed(field.ciLow()),
                    Numbers.signed(field.ciHigh())));
        }
    }

    private static void cells(PollReport report, StringBuilder text) {
        text.append("\nCells (n = scores, ? = don't know; distributions shown from ")
                .append(report.minVoters())
                .append(" voters):\n");
        for (CellReport cell : report.cells()) {
            text.append(String.format(
                    Locale.ROOT,
                    "  %-45s n=%-4d ?=%-3d",
                    truncate(cell.fieldName() + " / " + cell.factor(), 45),
                    cell.n(),
                    cell.dontKnow()));
            if (cell.disclosed()) {
                text.append(String.format(
                        Locale.ROOT,
                        " mean %s sd %s  %s  %s",
                        Numbers.twoDecimals(cell.mean()),
                        Numbers.twoDecimals(cell.sd()),
                        histogram(cell.histogram()),
                        cell.label()));
            }
            text.append('\n');
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
