package dev.fieldpoll.cli;

import dev.fieldpoll.store.CheckReport;
import dev.fieldpoll.store.CheckReport.Section;
import java.util.Locale;

/** A check report as a few aligned lines, for check and backup; long lists of problems are cut short. */
final class CheckReportText {

    private static final String PROBLEM_INDENT = " ".repeat(18);
    private static final int PROBLEMS_SHOWN = 10;

    private CheckReportText() {}

    static String of(CheckReport report) {
        StringBuilder text = new StringBuilder("Database " + report.database() + System.lineSeparator());
        for (Section section : report.sections()) {
            text.append(String.format(Locale.ROOT, "  %-14s  %s%n", section.name(), section.summary()));
            section.problems().stream()
                    .limit(PROBLEMS_SHOWN)
                    .forEach(problem ->
                            text.append(PROBLEM_INDENT).append(problem).append(System.lineSeparator()));
            if (section.problems().size() > PROBLEMS_SHOWN) {
                text.append(PROBLEM_INDENT)
                        .append("… and ")
                        .append(section.problems().size() - PROBLEMS_SHOWN)
                        .append(" more")
                        .append(System.lineSeparator());
            }
        }
        text.append(
                report.healthy()
                        ? "Healthy."
                        : "Problems found: "
                                + String.join(
                                        ", ",
                                        report.sections().stream()
                                                .filter(section -> !section.healthy())
                                                .map(Section::name)
                                                .toList())
                                + ".");
        return text.append(System.lineSeparator()).toString();
    }
}
