package dev.fieldpoll.report;

import dev.fieldpoll.report.PollReport.Highlight;
import dev.fieldpoll.report.PollReport.Measure;
import dev.fieldpoll.report.PollReport.RankingEntry;
import dev.fieldpoll.report.PollReport.ReferenceComparison;
import dev.fieldpoll.report.PollReport.UnrankedField;
import java.util.stream.Collectors;

/** Plain-language readings of statistics, shared by every renderer so every platform says the same. */
public final class Sentences {

    private Sentences() {}

    /**
     * "Evals / Feedback quality: polarized, two camps: 50% low, 50% high (40 voters; agreement A
     * -1.00, 90% interval -1.00 to -0.55)." Contested cells quote their consensus instead.
     */
    public static String highlight(Highlight highlight) {
        boolean polarized = highlight.label().equals("polarized");
        String measure = polarized
                ? "agreement A " + measure(highlight.agreementA())
                : "consensus " + measure(highlight.consensus());
        return highlight.fieldName() + " / " + highlight.factorName() + ": " + reading(highlight.label()) + ": "
                + Numbers.percent(highlight.lowShare()) + " low, " + Numbers.percent(highlight.highShare()) + " high ("
                + Numbers.voters(highlight.n()) + "; " + measure + ").";
    }

    /** "0.45, 90% interval 0.31 to 0.58". */
    public static String measure(Measure measure) {
        return Numbers.twoDecimals(measure.value()) + ", 90% interval " + Numbers.twoDecimals(measure.low()) + " to "
                + Numbers.twoDecimals(measure.high());
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

    /** Why "Where we split" is empty. */
    public static String noSplits(PollReport report) {
        return "No cell shows a clear split (cells are judged from " + report.labelFrom()
                + " scores; false alarms across cells are held to 5%).";
    }

    /** Why nothing is ranked yet. */
    public static String notEnoughVotes(PollReport report) {
        if (report.poll().voters() < report.minVoters()) {
            return "Results appear once " + report.minVoters() + " members have voted (so far "
                    + report.poll().voters() + "), so no one's own votes can be read off.";
        }
        return "No field has " + report.minVoters() + " scores on every factor yet (so far "
                + Numbers.voters(report.poll().voters())
                + "), so nothing is ranked; a field appears once it has, so no one's own votes can be read off.";
    }

    /**
     * Where an open poll without a ranking stands, for summaries: "Only 2 voters so far. Results
     * appear from 3 voters" or, with enough voters, "5 voters so far, but no field has 3 scores on
     * every factor yet". Callers add how to vote.
     */
    public static String progress(PollReport report) {
        int voters = report.poll().voters();
        int needed = report.minVoters();
        if (voters >= needed) {
            return Numbers.voters(voters) + " so far, but no field has " + needed
                    + " scores on every factor yet, so nothing is ranked";
        }
        return (voters == 0 ? "Nobody has voted yet." : "Only " + Numbers.voters(voters) + " so far.")
                + " Results appear from " + needed + " voters";
    }

    /** Why a closed poll shows no ranking: "It closed with 2 voters, too few to show results (3 needed)". */
    public static String closedWithoutResults(PollReport report) {
        int voters = report.poll().voters();
        return voters >= report.minVoters()
                ? "It closed with " + Numbers.voters(voters) + " before any field had " + report.minVoters()
                        + " scores on every factor, so no one's own votes can be read off."
                : "It closed with " + Numbers.voters(voters) + ", too few to show results (" + report.minVoters()
                        + " needed, so no one's own votes can be read off).";
    }

    /** "Agent Foundations: 1 of 2 factors have 3 scores (35% don't know)". */
    public static String notRanked(UnrankedField field, int minVoters) {
        return field.name() + ": " + field.factorsCounted() + " of " + field.factors() + " factors have " + minVoters
                + " scores" + dontKnow(field.dontKnowShare());
    }

    /** "Not enough votes yet: Agent Foundations, Evals." for summaries; empty when every field is ranked. */
    public static String notRankedNames(PollReport report) {
        return report.notRanked().isEmpty()
                ? ""
                : "Not enough votes yet: "
                        + report.notRanked().stream().map(UnrankedField::name).collect(Collectors.joining(", "))
                        + ".";
    }

    /** " (35% don't know)" when notable, else empty. */
    public static String dontKnow(Double share) {
        return share != null && share >= PollReport.NOTABLE_DONT_KNOW_FROM
                ? " (" + Numbers.percent(share) + " don't know)"
                : "";
    }

    /** Empty when the voter adjustment moved no field by more than 0.1. */
    public static String adjusted(PollReport report) {
        if (report.adjustedFields().isEmpty()) {
            return "";
        }
        return "Adjusted for harsh and lenient voters (not everyone scored every field): "
                + report.adjustedFields().stream()
                        .map(entry -> entry.name() + " " + Numbers.signed(entry.severityShift()))
                        .collect(Collectors.joining(", "))
                + ".";
    }

    /** "Ranking reliability 0.93 (90% interval 0.85 to 0.97): ..." or empty when undefined. */
    public static String reliability(PollReport report) {
        Measure reliability = report.agreement().reliability();
        if (reliability.value() == null) {
            return "";
        }
        return "Ranking reliability " + Numbers.twoDecimals(reliability.value()) + " (90% interval "
                + Numbers.twoDecimals(reliability.low()) + " to " + Numbers.twoDecimals(reliability.high())
                + "): another group of members like these, as many, would give field scores correlating about "
                + Numbers.twoDecimals(reliability.value()) + " with these.";
    }

    /** "Kendall τ_b = 0.64, 90% interval 0.20 to 0.91". */
    public static String tau(ReferenceComparison reference, String tau) {
        return "Kendall " + tau + " = " + Numbers.twoDecimals(reference.kendallTauB()) + ", 90% interval "
                + Numbers.twoDecimals(reference.tauLow()) + " to " + Numbers.twoDecimals(reference.tauHigh());
    }

    /** "-1.04, 90% interval -1.60 to -0.45, real": a community-minus-reference difference, never without its interval. */
    public static String difference(PollReport.ReferenceField field) {
        return Numbers.signed(field.difference()) + ", 90% interval " + Numbers.signed(field.ciLow()) + " to "
                + Numbers.signed(field.ciHigh()) + (field.real() ? ", real" : "");
    }

    /** "3.95 to 4.25": a ranked field's score interval. */
    public static String scoreInterval(RankingEntry entry) {
        return Numbers.twoDecimals(entry.scoreLow()) + " to " + Numbers.twoDecimals(entry.scoreHigh());
    }
}
