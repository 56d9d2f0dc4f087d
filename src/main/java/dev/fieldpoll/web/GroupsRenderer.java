package dev.fieldpoll.web;

import dev.fieldpoll.report.GroupSentences;
import dev.fieldpoll.report.Numbers;
import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.report.PollReport.Group;
import dev.fieldpoll.report.PollReport.GroupField;
import dev.fieldpoll.report.PollReport.Groups;
import dev.fieldpoll.report.PollReport.SeparatingCell;
import dev.fieldpoll.tally.OpinionGroups.GroupMap;
import java.util.stream.Collectors;

/**
 * "Opinion groups": why there are none, or the common ground first, the map of voters as inline
 * SVG (dots coloured by group, no label on any dot, letters at the group centres, both axes on
 * one scale), and each group's size, own top fields and the cells that separate it.
 */
final class GroupsRenderer implements SectionRenderer {

    private static final double WIDTH = 640;
    private static final double HEIGHT = 420;
    private static final double PAD = 16;
    private static final int TOP_FIELDS = 5;

    @Override
    public void render(ResultsPage page, HtmlWriter html) {
        PollReport report = page.report();
        if (report.ranking().isEmpty()) {
            return;
        }
        Groups groups = report.opinionGroups();
        html.section("groups", "Opinion groups");
        html.element("p", GroupSentences.overview(groups));
        if (groups.found()) {
            html.element("p", GroupSentences.commonGround(groups), "class", "common-ground");
            map(html, groups);
            html.open("div", "class", "groups");
            for (Group group : groups.groups()) {
                group(html, group, groups.groups().size());
            }
            html.close("div");
        }
        html.close("section");
    }

    private static void map(HtmlWriter html, Groups groups) {
        GroupMap map = groups.map();
        Frame frame = Frame.of(map);
        html.open("figure", "class", "chart");
        html.open(
                "svg",
                "id",
                "group-map",
                "viewBox",
                "0 0 " + SvgShapes.num(WIDTH) + " " + SvgShapes.num(HEIGHT),
                "role",
                "img",
                "aria-labelledby",
                "group-map-title group-map-desc");
        html.element("title", "Opinion groups: each voter's ballot as a dot", "id", "group-map-title");
        html.element("desc", description(groups), "id", "group-map-desc");
        html.shape("rect", "class", "frame", "x", "0.5", "y", "0.5", "width", "639", "height", "419");
        float[] xs = map.xs();
        float[] ys = map.ys();
        byte[] of = map.groups();
        for (int point = 0; point < xs.length; point++) {
            html.shape(
                    "circle",
                    "class",
                    "voter g" + of[point],
                    "cx",
                    SvgShapes.num(frame.x(xs[point])),
                    "cy",
                    SvgShapes.num(frame.y(ys[point])),
                    "r",
                    "3.5");
        }
        for (int group = 0; group < groups.groups().size(); group++) {
            double x = frame.x(map.centreXs()[group]);
            double y = frame.y(map.centreYs()[group]);
            html.shape("circle", "class", "centre g" + group, "cx", SvgShapes.num(x), "cy", SvgShapes.num(y), "r", "9");
            html.element(
                    "text",
                    groups.groups().get(group).label(),
                    "class",
                    "centre-label",
                    "x",
                    SvgShapes.num(x),
                    "y",
                    SvgShapes.num(y - 14),
                    "text-anchor",
                    "middle");
        }
        html.close("svg");
        html.element("figcaption", GroupSentences.mapDescription(groups));
        html.close("figure");
    }

    /** The text alternative: where each group sits and how big it is; never a single voter. */
    private static String description(Groups groups) {
        return groups.groups().stream()
                        .map(group -> "Group " + group.label() + ", " + Numbers.voters(group.size()) + " ("
                                + Numbers.percent(group.percent()) + ")")
                        .collect(Collectors.joining("; "))
                + ". " + GroupSentences.mapDescription(groups);
    }

    private static void group(HtmlWriter html, Group group, int groupCount) {
        html.open("div", "class", "group g" + (group.label().charAt(0) - 'A'), "data-group", group.label());
        html.element(
                "h3",
                "Group " + group.label() + " · " + Numbers.voters(group.size()) + " ("
                        + Numbers.percent(group.percent()) + ")");
        if (!group.topFields().isEmpty()) {
            html.element(
                    "p",
                    "Top fields: "
                            + group.topFields().stream()
                                    .limit(TOP_FIELDS)
                                    .map(field -> field.rank() + ". " + field.name() + " (" + score(field) + ")")
                                    .collect(Collectors.joining(", ")));
        }
        if (group.separating().isEmpty()) {
            html.element("p", GroupSentences.separating(group, groupCount));
        } else {
            separating(html, group, groupCount);
        }
        html.close("div");
    }

    private static String score(GroupField field) {
        return Numbers.twoDecimals(field.score());
    }

    private static void separating(HtmlWriter html, Group group, int groupCount) {
        html.table(
                "separating-" + group.label(),
                "Where group " + group.label() + " differs from the " + (groupCount == 2 ? "other group" : "others")
                        + " (90% intervals; only differences that hold up)",
                new HtmlWriter.Column("Cell", null),
                new HtmlWriter.Column("Group " + group.label(), "num"),
                new HtmlWriter.Column(groupCount == 2 ? "Other group" : "Others", "num"),
                new HtmlWriter.Column("Difference", "num"),
                new HtmlWriter.Column("90% interval", "num hide-narrow"));
        for (SeparatingCell cell : group.separating()) {
            html.open("tr");
            html.element("td", cell.fieldName() + " / " + cell.factorName(), "class", "field");
            html.element("td", Numbers.twoDecimals(cell.groupMean()), "class", "num");
            html.element("td", Numbers.twoDecimals(cell.othersMean()), "class", "num");
            html.element("td", Numbers.signed(cell.difference()), "class", "num");
            html.element(
                    "td",
                    Numbers.signed(cell.low()) + " to " + Numbers.signed(cell.high()),
                    "class",
                    "num hide-narrow");
            html.close("tr");
        }
        html.endTable();
    }

    /** Map coordinates to the picture: both axes on one scale, centred, with a margin. */
    private record Frame(double centreX, double centreY, double scale) {

        static Frame of(GroupMap map) {
            float[] xs = map.xs();
            float[] ys = map.ys();
            double minX = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY;
            double maxY = Double.NEGATIVE_INFINITY;
            for (int point = 0; point < xs.length; point++) {
                minX = Math.min(minX, xs[point]);
                maxX = Math.max(maxX, xs[point]);
                minY = Math.min(minY, ys[point]);
                maxY = Math.max(maxY, ys[point]);
            }
            double spanX = Math.max(maxX - minX, 1e-9);
            double spanY = Math.max(maxY - minY, 1e-9);
            double scale = Math.min((WIDTH - 2 * PAD) / spanX, (HEIGHT - 2 * PAD - 20) / spanY);
            return new Frame((minX + maxX) / 2, (minY + maxY) / 2, scale);
        }

        double x(double value) {
            return WIDTH / 2 + (value - centreX) * scale;
        }

        /** Up is up: SVG's y grows downward. */
        double y(double value) {
            return HEIGHT / 2 + 10 - (value - centreY) * scale;
        }
    }
}
