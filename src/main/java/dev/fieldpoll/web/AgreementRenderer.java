package dev.fieldpoll.web;

import dev.fieldpoll.report.Numbers;
import dev.fieldpoll.report.PollReport;

/** How much the voters' scores agree overall, as the report reads it. */
final class AgreementRenderer implements SectionRenderer {

    @Override
    public void render(ResultsPage page, HtmlWriter html) {
        PollReport report = page.report();
        if (report.ranking().isEmpty() || report.agreement() == null) {
            return;
        }
        html.section("agreement", "Agreement");
        html.element(
                "p",
                "Krippendorff's α (ordinal) = "
                        + Numbers.twoDecimals(report.agreement().krippendorffAlphaOrdinal()) + ": "
                        + report.agreement().reading() + ".");
        html.close("section");
    }
}
