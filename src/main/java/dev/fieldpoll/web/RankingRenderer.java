package dev.fieldpoll.web;

import dev.fieldpoll.report.Numbers;
import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.report.PollReport.RankingEntry;
import dev.fieldpoll.report.PollReport.UnrankedField;
import dev.fieldpoll.report.Sentences;
import dev.fieldpoll.web.HtmlWriter.Column;
import java.util.List;

/** The ranking as a real table, each field's 90% rank range written out and drawn as an interval. */
final class RankingRenderer implements SectionRenderer {

    private static final double WIDTH = 144;
    private static final double EDGE = 8;

    @Override
    public void render(ResultsPage page, HtmlWriter html) {
        List<RankingEntry> ranking = page.report().ranking();
        if (ranking.isEmpty()) {
            return;
        }
        html.section("ranking", "Ranking");
        html.table(
                "ranking",
                "Higher score = " + page.report().poll().higher()
                        + "; the higher score ranks first, and each score has its 90% interval. Rank range: the "
                        + "ranks the field takes in 90% of 1,000 resamples of whole ballots; ≈ marks neighbours "
                        + "that swap places often. Tier 1 fields are beaten on every factor by no other field.",
                new Column("Rank", "num"),
                new Column("Field", null),
                new Column("Score", "num"),
                new Column("Rank range", null),
                new Column("Tier", "num hide-narrow"));
        for (RankingEntry entry : ranking) {
            row(html, entry, ranking.size());
        }
        html.endTable();
        notes(page.report(), html);
        html.close("section");
    }

    /** Fields not ranked yet (too few scores) and fields the voter adjustment moved, in the chat's sentences. */
    private static void notes(PollReport report, HtmlWriter html) {
        String adjusted = Sentences.adjusted(report);
        if (!adjusted.isEmpty()) {
            html.element("p", adjusted, "class", "meta");
        }
        if (report.notRanked().isEmpty()) {
            return;
        }
        html.element("p", "Not ranked yet:", "id", "not-ranked");
        html.open("ul", "aria-labelledby", "not-ranked");
        for (UnrankedField field : report.notRanked()) {
            html.element("li", Sentences.notRanked(field, report.minVoters()));
        }
        html.close("ul");
    }

    private static void row(HtmlWriter html, RankingEntry entry, int fields) {
        html.open("tr", "data-field", entry.field());
        html.element("td", Integer.toString(entry.rank()), "class", "num");
        html.open("td", "class", "field").element("span", entry.name(), "class", "name");
        if (entry.tieWithNext()) {
            html.element("span", "≈ tied with next", "class", "tie");
        }
        if (entry.notableDontKnow()) {
            html.element("span", Sentences.dontKnow(entry.dontKnowShare()).strip(), "class", "tie");
        }
        html.close("td");
        html.open("td", "class", "num")
                .text(Numbers.twoDecimals(entry.score()))
                .element("span", "90%: " + Sentences.scoreInterval(entry), "class", "tie")
                .close("td");
        html.open("td", "class", "range");
        html.element("span", Numbers.rankRange(entry.rankLow(), entry.rankHigh()), "class", "range-text");
        interval(html, entry, fields);
        html.close("td");
        html.element("td", Integer.toString(entry.tier()), "class", "num hide-narrow");
        html.close("tr");
    }

    /** Rank 1 at the left; the bar covers the range, the dot is the rank. The text beside it says the same. */
    private static void interval(HtmlWriter html, RankingEntry entry, int fields) {
        html.open(
                "svg", "viewBox", "0 0 144 16", "aria-hidden", "true", "focusable", "false", "class", "rank-interval");
        html.shape("line", "class", "track", "x1", x(1, fields), "y1", "8", "x2", x(fields, fields), "y2", "8");
        html.shape(
                "line",
                "class",
                "interval",
                "x1",
                x(entry.rankLow(), fields),
                "y1",
                "8",
                "x2",
                x(entry.rankHigh(), fields),
                "y2",
                "8");
        html.shape("circle", "class", "point", "cx", x(entry.rank(), fields), "cy", "8", "r", "3.5");
        html.close("svg");
    }

    private static String x(int rank, int fields) {
        double step = fields <= 1 ? 0 : (WIDTH - 2 * EDGE) / (fields - 1);
        return SvgShapes.num(fields <= 1 ? WIDTH / 2 : EDGE + (rank - 1) * step);
    }
}
