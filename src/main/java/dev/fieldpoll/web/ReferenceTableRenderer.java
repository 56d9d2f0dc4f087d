package dev.fieldpoll.web;

import dev.fieldpoll.report.Numbers;
import dev.fieldpoll.report.PollReport.ReferenceComparison;
import dev.fieldpoll.report.PollReport.ReferenceField;

/** The community's field scores beside the reference's, with each difference and its 90% interval. */
final class ReferenceTableRenderer implements SectionRenderer {

    @Override
    public void render(ResultsPage page, HtmlWriter html) {
        ReferenceComparison reference = page.report().reference();
        if (reference == null || reference.fields().isEmpty()) {
            return;
        }
        html.open("section", "aria-labelledby", "reference-heading");
        html.element("h2", "Community and reference", "id", "reference-heading");
        html.open("div", "class", "scroll");
        html.open("table", "id", "reference");
        html.element(
                "caption",
                "Field scores of the community and of the reference. Kendall's τ_b between the two orders = "
                        + Numbers.twoDecimals(reference.kendallTauB())
                        + " (1 = the same order). An interval that excludes 0 is a difference beyond chance.");
        html.open("thead").open("tr");
        html.element("th", "Field", "scope", "col");
        html.element("th", "Community", "scope", "col", "class", "num");
        html.element("th", "Reference", "scope", "col", "class", "num");
        html.element("th", "Difference", "scope", "col", "class", "num");
        html.element("th", "90% interval", "scope", "col", "class", "num");
        html.close("tr").close("thead").open("tbody");
        for (ReferenceField field : reference.fields()) {
            html.open("tr", "data-field", field.field());
            html.element("td", field.name(), "class", "field");
            html.element("td", Numbers.twoDecimals(field.community()), "class", "num");
            html.element("td", Numbers.twoDecimals(field.reference()), "class", "num");
            html.element("td", Numbers.signed(field.difference()), "class", "num");
            html.element("td", Numbers.signed(field.ciLow()) + " to " + Numbers.signed(field.ciHigh()), "class", "num");
            html.close("tr");
        }
        html.close("tbody").close("table").close("div").close("section");
    }
}
