package dev.fieldpoll.web;

import dev.fieldpoll.report.Numbers;
import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.report.Sentences;

/** How much the voters' scores agree overall, as the report reads it. */
final class AgreementRenderer implements SectionRenderer {

    @Override
    public void render(ResultsPage page, HtmlWriter html) {
        PollReport report = page.report();
        if (report.ranking().isEmpty() || report.agreement() == null) {
            return;
        }
        html.section("agreement", "Agreement");
        String reliability = Sentences.reliability(report);
        if (!reliability.isEmpty()) {
            html.element("p", reliability);
        }
        html.element(
                "p",
                "Krippendorff's α (ordinal, cells as units) = "
                        + Numbers.twoDecimals(report.agreement().krippendorffAlphaOrdinal())
                        + ": how much the cells differ relative to how much voters differ, not whether members share a view.");
        html.close("section");
    }
}
