package dev.fieldpoll.web;

import dev.fieldpoll.report.RoundReport;
import dev.fieldpoll.report.RoundSentences;

/** For a later round of a poll: who answered both rounds, who moved and which way, and each field's change. */
final class RoundsRenderer implements SectionRenderer {

    @Override
    public void render(ResultsPage page, HtmlWriter html) {
        if (page.shown().rounds().isEmpty()) {
            return;
        }
        RoundReport rounds = page.shown().rounds().get();
        html.section("rounds", RoundSentences.heading(rounds));
        RoundSentences.summary(rounds).forEach(line -> html.element("p", line));
        if (!rounds.fields().isEmpty() || !rounds.notCompared().isEmpty()) {
            html.element("h3", RoundSentences.fieldsHeading(rounds));
            html.open("ul");
            RoundSentences.fields(rounds).forEach(line -> html.element("li", line));
            html.close("ul");
        }
        html.close("section");
    }
}
