package dev.fieldpoll.cli;

import dev.fieldpoll.report.JsonReportRenderer;
import dev.fieldpoll.report.MarkdownReportRenderer;
import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.report.TextReportRenderer;

/** How the CLI prints a report. */
public enum ReportFormat {
    TEXT,
    JSON,
    MARKDOWN;

    String render(PollReport report) {
        return switch (this) {
            case TEXT -> new TextReportRenderer().render(report);
            case JSON -> new JsonReportRenderer().render(report);
            case MARKDOWN -> new MarkdownReportRenderer().render(report);
        };
    }
}
