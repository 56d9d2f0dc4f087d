package dev.fieldpoll.web;

import dev.fieldpoll.report.Numbers;
import dev.fieldpoll.report.PollReport.ReferenceComparison;
import dev.fieldpoll.report.PollReport.ReferenceField;
import dev.fieldpoll.web.HtmlWriter.Column;

/** The community's field scores beside the reference's, with each difference and its 90% interval. */
final class ReferenceTableRenderer implements SectionRenderer {

    @Override
    public void render(ResultsPage page, HtmlWriter html) {
        ReferenceComparison reference = page.report().reference();
        if (reference == null || reference.fields().isEmpty()) {
            return;
        }
        html.section("reference", "Community and reference");
        html.table(
                "reference",
                "Field scores of the community and of the reference. Kendall's τ_b between the two orders = "
                        + Numbers.twoDecimals(reference.kendallTauB())
                        + " (1 = the same order). An interval that excludes 0 is a difference beyond chance.",
                new Column("Field", null),
                new Column("Community", "num"),
                new Column("Reference", "num"),
                new Column("Difference", "num"),
                new Column("90% interval", "num"));
        for (ReferenceField field : reference.fields()) {
            html.open("tr", "data-field", field.field());
            html.element("td", field.name(), "class", "field");
            html.element("td", Numbers.twoDecimals(field.community()), "class", "num");
            html.element("td", Numbers.twoDecimals(field.reference()), "class", "num");
            html.element("td", Numbers.signed(field.difference()), "class", "num");
            html.element("td", Numbers.signed(field.ciLow()) + " to " + Numbers.signed(field.ciHigh()), "class", "num");
            html.close("tr");
        }
        html.endTable().close("section");
    }
}
