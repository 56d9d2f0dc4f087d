package dev.fieldpoll.report;

import dev.fieldpoll.report.PollReport.Highlight;

/** Plain-language readings of statistics, shared by every renderer. */
final class Sentences {

    private Sentences() {
    }

    /** "Evals / Feedback quality is polarized: 40% score it low, 45% high (consensus 0.41, 12 voters)." */
    static String highlight(Highlight highlight) {
        return highlight.fieldName() + " / " + highlight.factorName() + " is " + highlight.label() + ": "
                + Numbers.percent(highlight.lowShare()) + " score it low, " + Numbers.percent(highlight.highShare())
                + " high (consensus " + Numbers.twoDecimals(highlight.consensus()) + ", "
                + Numbers.voters(highlight.n()) + ").";
    }

    static String notEnoughVoters(PollReport report) {
        return "Results appear once " + report.minVoters() + " members have voted (so far "
                + report.poll().voters() + "), so no one's own votes can be read off.";
    }
}
