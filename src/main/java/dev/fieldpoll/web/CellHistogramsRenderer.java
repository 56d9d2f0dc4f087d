package dev.fieldpoll.web;

import dev.fieldpoll.report.Numbers;
import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.report.PollReport.CellReport;
import dev.fieldpoll.report.PollReport.FactorInfo;
import dev.fieldpoll.report.PollReport.RankingEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every cell's distribution as a small bar chart with its label (consensus, mixed, contested,
 * polarized), fields in ranking order. A cell under the minimum of voters shows only its count,
 * so no one's own vote can be read off; each chart's text alternative lists the counts.
 */
final class CellHistogramsRenderer implements SectionRenderer {

    private static final double WIDTH = 240;
    private static final double BASE = 96;
    private static final double TALLEST = 72;

    @Override
    public void render(ResultsPage page, HtmlWriter html) {
        PollReport report = page.report();
        Map<String, List<CellReport>> byField = byField(report);
        if (byField.isEmpty()) {
            return;
        }
        Map<String, String> factorNames = new LinkedHashMap<>();
        for (FactorInfo factor : report.factors()) {
            factorNames.put(factor.key(), factor.name());
        }
        html.section("cells", "Every cell");
        html.element(
                "p",
                "How the community scored each field on each factor. n counts scores; don't know is counted "
                        + "apart and never as a score.",
                "class",
                "meta");
        html.open("div", "class", "cells");
        int index = 0;
        for (List<CellReport> cells : byField.values()) {
            html.open("article", "class", "cell-field");
            html.element("h3", cells.get(0).fieldName());
            for (CellReport cell : cells) {
                cell(html, cell, factorNames.getOrDefault(cell.factor(), cell.factor()), report, index++);
            }
            html.close("article");
        }
        html.close("div").close("section");
    }

    /** Cells grouped by field: ranked fields first, in ranking order, then the rest as the poll lists them. */
    private static Map<String, List<CellReport>> byField(PollReport report) {
        Map<String, List<CellReport>> byField = new LinkedHashMap<>();
        for (RankingEntry entry : report.ranking()) {
            byField.put(entry.field(), new ArrayList<>());
        }
        for (CellReport cell : report.cells()) {
            byField.computeIfAbsent(cell.field(), unused -> new ArrayList<>()).add(cell);
        }
        byField.values().removeIf(List::isEmpty);
        return byField;
    }

    private static void cell(HtmlWriter html, CellReport cell, String factorName, PollReport report, int index) {
        html.open("figure", "class", "cell", "data-field", cell.field(), "data-factor", cell.factor());
        if (!cell.disclosed()) {
            html.element(
                    "figcaption", factorName + ": fewer than " + report.minVoters() + " scores, so nothing is shown.");
            html.close("figure");
            return;
        }
        String id = "cell-" + index;
        html.open("svg", "viewBox", "0 0 240 120", "role", "img", "aria-labelledby", id + "-title " + id + "-desc");
        html.element("title", cell.fieldName() + " / " + factorName + ": " + cell.label(), "id", id + "-title");
        html.element("desc", counts(cell.histogram(), report.poll().scaleMin(), cell.dontKnow()), "id", id + "-desc");
        bars(html, cell.histogram(), report.poll().scaleMin());
        html.close("svg");
        html.open("figcaption");
        html.text(factorName + " ");
        html.element("span", cell.label(), "class", "label label-" + cell.label());
        html.text(" n " + cell.n() + " · mean " + Numbers.twoDecimals(cell.mean()) + " · sd "
                + Numbers.twoDecimals(cell.sd()) + " · consensus "
                + Numbers.twoDecimals(cell.consensus().value())
                + (cell.dontKnow() > 0 ? " · " + cell.dontKnow() + " don't know" : ""));
        html.close("figcaption");
        html.close("figure");
    }

    private static void bars(HtmlWriter html, int[] histogram, int scaleMin) {
        int most = 1;
        for (int count : histogram) {
            most = Math.max(most, count);
        }
        double slot = WIDTH / histogram.length;
        double width = slot * 0.7;
        html.shape(
                "line", "class", "axis", "x1", "0", "y1", SvgShapes.num(BASE), "x2", "240", "y2", SvgShapes.num(BASE));
        for (int i = 0; i < histogram.length; i++) {
            double height = TALLEST * histogram[i] / most;
            double x = i * slot + (slot - width) / 2;
            double centre = i * slot + slot / 2;
            html.shape(
                    "rect",
                    "class",
                    "bar",
                    "x",
                    SvgShapes.num(x),
                    "y",
                    SvgShapes.num(BASE - height),
                    "width",
                    SvgShapes.num(width),
                    "height",
                    SvgShapes.num(height),
                    "data-count",
                    Integer.toString(histogram[i]));
            html.element(
                    "text",
                    Integer.toString(histogram[i]),
                    "x",
                    SvgShapes.num(centre),
                    "y",
                    SvgShapes.num(BASE - height - 4),
                    "text-anchor",
                    "middle",
                    "class",
                    "small");
            html.element(
                    "text",
                    Integer.toString(scaleMin + i),
                    "x",
                    SvgShapes.num(centre),
                    "y",
                    SvgShapes.num(BASE + 16),
                    "text-anchor",
                    "middle");
        }
    }

    private static String counts(int[] histogram, int scaleMin, int dontKnow) {
        StringBuilder text = new StringBuilder("Scores: ");
        for (int i = 0; i < histogram.length; i++) {
            text.append(i == 0 ? "" : ", ")
                    .append(scaleMin + i)
                    .append(" given by ")
                    .append(histogram[i]);
        }
        return text.append("; don't know: ").append(dontKnow).append('.').toString();
    }
}
