package dev.fieldpoll.web;

import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.report.PollReport.Highlight;
import dev.fieldpoll.report.Sentences;

/** "Where we split": the cells with the most disagreement, in the same sentences as the chat. */
final class SplitsRenderer implements SectionRenderer {

    @Override
    public void render(ResultsPage page, HtmlWriter html) {
        PollReport report = page.report();
        if (report.ranking().isEmpty()) {
            return;
        }
        html.section("splits", "Where we split");
        if (report.highlights().isEmpty()) {
            html.element("p", Sentences.noSplits(report));
        } else {
            html.open("ul", "class", "splits");
            for (Highlight highlight : report.highlights()) {
                html.element("li", Sentences.highlight(highlight));
            }
            html.close("ul");
        }
        html.close("section");
    }
}
