package dev.fieldpoll.report;

import dev.fieldpoll.report.PollReport.Highlight;

/** Plain-language readings of statistics, shared by every renderer. */
public final class Sentences {

    private Sentences() {}

    /** "Evals / Feedback quality: polarized, two camps: 40% low, 45% high (12 voters, consensus 0.41)." */
    public static String highlight(Highlight highlight) {
        return highlight.fieldName() + " / " + highlight.factorName() + ": " + reading(highlight.label()) + ": "
                + Numbers.percent(highlight.lowShare()) + " low, " + Numbers.percent(highlight.highShare()) + " high ("
                + Numbers.voters(highlight.n()) + ", consensus " + Numbers.twoDecimals(highlight.consensus()) + ").";
    }

    private static String reading(String label) {
        return switch (label) {
            case "polarized" -> "polarized, two camps";
            case "contested" -> "contested";
            case "consensus" -> "broad agreement";
            case "mixed" -> "mixed views";
            default -> label;
        };
    }

    public static String notEnoughVoters(PollReport report) {
        return "Results appear once " + report.minVoters() + " members have voted (so far "
                + report.poll().voters() + "), so no one's own votes can be read off.";
    }
}
