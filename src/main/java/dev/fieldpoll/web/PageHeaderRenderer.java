package dev.fieldpoll.web;

import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.report.Numbers;
import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.report.Sentences;

/** Title, status, participation, and why there is no ranking yet when too few have voted. */
final class PageHeaderRenderer implements SectionRenderer {

    @Override
    public void render(ResultsPage page, HtmlWriter html) {
        PollReport.PollInfo info = page.report().poll();
        Poll poll = page.poll();
        html.open("header");
        html.element("p", "fieldpoll · results of poll #" + info.id(), "class", "kicker");
        html.element("h1", info.title());
        html.open("ul", "class", "facts", "aria-label", "Status and participation");
        html.open("li").text("Status: ").element("strong", info.status());
        html.text(poll.endedAt(page.now())
                .map(ended -> ", closed " + page.when(ended))
                .or(() -> poll.closesAtTime().map(closes -> ", closes " + page.when(closes)))
                .orElse(""));
        html.close("li");
        html.open("li").element("strong", Integer.toString(info.voters()));
        html.text(info.voters() == 1 ? " voter" : " voters").close("li");
        html.open("li").element("strong", Integer.toString(info.completeBallots()));
        html.text(info.completeBallots() == 1 ? " complete ballot" : " complete ballots")
                .close("li");
        html.open("li")
                .text("Results shown ")
                .element("strong", poll.visibility().keyword())
                .close("li");
        html.close("ul");
        html.element(
                "p",
                poll.definition().fields().size() + " fields scored on "
                        + page.report().factors().size()
                        + " factors from " + info.scaleMin() + " to " + info.scaleMax()
                        + " (or don't know). Distributions appear for cells with at least "
                        + Numbers.voters(page.report().minVoters()) + ".",
                "class",
                "meta");
        if (page.report().ranking().isEmpty()) {
            html.element("p", Sentences.notEnoughVotes(page.report()), "id", "not-enough");
        }
        html.close("header");
    }
}
