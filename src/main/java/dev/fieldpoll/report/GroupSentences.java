package dev.fieldpoll.report;

import dev.fieldpoll.report.PollReport.CommonCell;
import dev.fieldpoll.report.PollReport.CommonField;
import dev.fieldpoll.report.PollReport.CommonGround;
import dev.fieldpoll.report.PollReport.Group;
import dev.fieldpoll.report.PollReport.GroupField;
import dev.fieldpoll.report.PollReport.GroupSearch;
import dev.fieldpoll.report.PollReport.Groups;
import dev.fieldpoll.report.PollReport.SeparatingCell;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Plain-language readings of opinion groups, shared by every renderer (plain ASCII, so the text
 * report can use them too). Common ground comes first: what bridges the groups is named before
 * what divides them.
 */
public final class GroupSentences {

    /** Top fields and separating cells named per group in chat; JSON and the results page have all. */
    public static final int NAMED = 3;

    private GroupSentences() {}

    /**
     * One line on the search: why there are no groups, or how many there are. "2 opinion groups
     * among the 120 voters who answered at least half the cells; A is the largest."
     */
    public static String overview(Groups groups) {
        GroupSearch search = groups.groupSearch();
        return switch (search.status()) {
            case "found" ->
                groups.groups().size() + " opinion groups among the " + Numbers.voters(search.ballots())
                        + " who answered at least half the cells; A is the largest.";
            case "no-distinct-groups" ->
                "No distinct opinion groups: the " + Numbers.voters(search.ballots())
                        + " differ by degree rather than forming separate camps.";
            case "too-few-cells" -> "Too few cells have enough scores to tell opinion groups apart (4 are needed).";
            default ->
                "Looked for once " + search.needed() + " members have answered at least half the cells (so far "
                        + search.ballots() + ").";
        };
    }

    /**
     * "Common ground: every group ranks Evals and Mech Interp in its upper half; most of every
     * group scores Evals / Feedback quality high." Empty unless groups were found.
     */
    public static String commonGround(Groups groups) {
        if (!groups.found()) {
            return "";
        }
        CommonGround common = groups.commonGround();
        if (common.isEmpty()) {
            return "Common ground: none; no field is in every group's upper half, and no cell has most of every"
                    + " group on the same side.";
        }
        StringBuilder text = new StringBuilder("Common ground: ");
        if (!common.fields().isEmpty()) {
            text.append("every group ranks ")
                    .append(and(common.fields().stream().map(CommonField::name).toList()))
                    .append(" in its upper half");
        }
        if (!common.cells().isEmpty()) {
            text.append(common.fields().isEmpty() ? "" : "; ")
                    .append("most of every group scores ")
                    .append(and(common.cells().stream()
                            .limit(NAMED)
                            .map(GroupSentences::commonCell)
                            .toList()));
        }
        return text.append('.').toString();
    }

    private static String commonCell(CommonCell cell) {
        return cell.fieldName() + " / " + cell.factorName() + " " + cell.side();
    }

    /** "Group A: 72 voters (60%); top fields: Evals, Mech Interp, AI Control." */
    public static String group(Group group) {
        List<String> top =
                group.topFields().stream().limit(NAMED).map(GroupField::name).toList();
        return "Group " + group.label() + ": " + Numbers.voters(group.size()) + " (" + Numbers.percent(group.percent())
                + ")" + (top.isEmpty() ? "" : "; top fields: " + String.join(", ", top)) + ".";
    }

    /**
     * "Differs most on Evals / Feedback quality: 4.60 vs 1.80 (+2.80, 90% interval +2.50 to
     * +3.10); ..." or why nothing is named.
     */
    public static String separating(Group group, int groupCount) {
        if (group.separating().isEmpty()) {
            return "No difference from the " + others(groupCount) + " holds up cell by cell.";
        }
        return "Differs most from the " + others(groupCount) + " on "
                + group.separating().stream()
                        .limit(NAMED)
                        .map(GroupSentences::separatingCell)
                        .collect(Collectors.joining("; "))
                + ".";
    }

    /** "Evals / Feedback quality: 4.60 vs 1.80 (+2.80, 90% interval +2.50 to +3.10)". */
    public static String separatingCell(SeparatingCell cell) {
        return cell.fieldName() + " / " + cell.factorName() + ": " + Numbers.twoDecimals(cell.groupMean()) + " vs "
                + Numbers.twoDecimals(cell.othersMean()) + " (" + Numbers.signed(cell.difference())
                + ", 90% interval " + Numbers.signed(cell.low()) + " to " + Numbers.signed(cell.high()) + ")";
    }

    private static String others(int groupCount) {
        return groupCount == 2 ? "other group" : "other groups";
    }

    /**
     * Opinion groups for a weekly summary: the common ground first, then one short line per
     * group; or that there are none; nothing while too few have voted.
     */
    public static List<String> summary(Groups groups) {
        if (!groups.found()) {
            return groups.groupSearch().status().equals("no-distinct-groups") ? List.of(overview(groups)) : List.of();
        }
        List<String> lines = new java.util.ArrayList<>();
        lines.add(commonGround(groups));
        for (Group group : groups.groups()) {
            String apart = group.separating().isEmpty()
                    ? ""
                    : "; most apart on " + group.separating().get(0).fieldName() + " / "
                            + group.separating().get(0).factorName() + " ("
                            + Numbers.twoDecimals(group.separating().get(0).groupMean()) + " vs "
                            + Numbers.twoDecimals(group.separating().get(0).othersMean()) + ")";
            String line = group(group);
            lines.add(line.substring(0, line.length() - 1) + apart + ".");
        }
        return lines;
    }

    /** What {@code /poll mine} tells a member, and only that member. */
    public static String closest(String label, int groupCount) {
        return "Your ballot is closest to group " + label + " (one of " + groupCount
                + " opinion groups; /poll results describes them). Only you see this.";
    }

    /** How the map is drawn, for the chart's caption and alt text. */
    public static String mapDescription(Groups groups) {
        int drawn = groups.map().points();
        int ballots = groups.groupSearch().ballots();
        return "Each dot is one ballot (no names), placed on the two directions in which ballots differ most and"
                + " coloured by group; letters mark the group centres."
                + (drawn < ballots ? " " + drawn + " of the " + ballots + " ballots are drawn, spread evenly." : "");
    }

    /** "A and B", "A, B and C". */
    static String and(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
