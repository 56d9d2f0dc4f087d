package dev.fieldpoll.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A round report in plain sentences, one line each, shared by every renderer (chat, summaries,
 * results page): every change is given with its interval, and only changes whose interval clears 0
 * (with false discoveries across fields controlled) are called "changed".
 */
public final class RoundSentences {

    private RoundSentences() {}

    /** The heading: "Round 2 (after #3)". */
    public static String heading(RoundReport rounds) {
        return "Round " + rounds.round() + " (after #" + rounds.previousPollId() + ")";
    }

    /** Who took part in both rounds, who moved and which way, whether disagreement narrowed. */
    public static List<String> summary(RoundReport rounds) {
        List<String> lines = new ArrayList<>();
        int paired = rounds.pairedMembers();
        int previous = rounds.round() - 1;
        lines.add(Numbers.voters(paired) + " answered both round " + previous + " and round " + rounds.round() + ".");
        if (paired == 0) {
            return lines;
        }
        int changed = rounds.changedMembers();
        String share = Numbers.percent((double) changed / paired);
        lines.add("Changed at least one score: " + changed + " of " + paired + " (" + share + ")"
                + (changed == 0
                        ? "."
                        : ": " + rounds.towardMembers() + " mostly toward round " + previous + "'s median, "
                                + rounds.awayMembers() + " mostly away, "
                                + (changed - rounds.towardMembers() - rounds.awayMembers()) + " neither."));
        lines.add(disagreement(rounds.disagreement(), previous));
        return lines;
    }

    private static String disagreement(RoundReport.Disagreement disagreement, int previous) {
        if (disagreement.cells() == 0) {
            return "Disagreement: no cell has enough answers in both rounds to compare.";
        }
        if (disagreement.verdict().equals("unknown")) {
            return "Disagreement: consensus rose in " + disagreement.narrowedCells() + " of " + disagreement.cells()
                    + " cells and fell in " + disagreement.widenedCells()
                    + "; too few members answered both rounds to say whether it narrowed.";
        }
        String interval = Numbers.signed(disagreement.meanChange()) + ", 90% interval "
                + Numbers.signed(disagreement.low()) + " to " + Numbers.signed(disagreement.high());
        String verdict = switch (disagreement.verdict()) {
            case "narrowed" -> "Disagreement narrowed since round " + previous;
            case "widened" -> "Disagreement widened since round " + previous;
            default -> "Disagreement about the same as in round " + previous;
        };
        return verdict + ": consensus rose in " + disagreement.narrowedCells() + " of " + disagreement.cells()
                + " cells and fell in " + disagreement.widenedCells() + "; mean change " + interval + ".";
    }

    /** Per field: "Evals: 3.40 → 3.10, -0.30 (90% interval -0.52 to -0.08), changed". */
    public static List<String> fields(RoundReport rounds) {
        List<String> lines = new ArrayList<>();
        for (RoundReport.FieldChange field : rounds.fields()) {
            lines.add(field.field() + ": " + Numbers.twoDecimals(field.before()) + " → "
                    + Numbers.twoDecimals(field.after()) + ", " + Numbers.signed(field.change()) + " (90% interval "
                    + Numbers.signed(field.low()) + " to " + Numbers.signed(field.high()) + ")"
                    + (field.real() ? ", changed" : ""));
        }
        if (!rounds.notCompared().isEmpty()) {
            lines.add("Not compared (fewer than " + rounds.minVoters() + " answers in both rounds): "
                    + String.join(", ", rounds.notCompared()) + ".");
        }
        return lines;
    }

    /** Everything, for plain text: heading, summary, then "Change since round N" and the fields. */
    public static List<String> all(RoundReport rounds) {
        List<String> lines = new ArrayList<>();
        lines.add(heading(rounds));
        lines.addAll(summary(rounds));
        if (!rounds.fields().isEmpty() || !rounds.notCompared().isEmpty()) {
            lines.add(fieldsHeading(rounds));
            fields(rounds).forEach(line -> lines.add("- " + line));
        }
        return lines;
    }

    public static String fieldsHeading(RoundReport rounds) {
        return "Score change since round " + (rounds.round() - 1) + " (among members who answered both):";
    }
}
