package dev.fieldpoll.slack;

import dev.fieldpoll.report.GroupSentences;
import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.summary.ChannelSummary;
import dev.fieldpoll.summary.ClosingReminder;
import dev.fieldpoll.summary.PollSummary;
import dev.fieldpoll.summary.ReminderPublisher;
import dev.fieldpoll.summary.SummaryParts;
import dev.fieldpoll.summary.SummaryPublisher;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers weekly summaries and closing reminders to Slack. A summary is its Block Kit message(s)
 * followed by each poll's charts (the poll's chart, then its opinion-group map when there is one),
 * uploaded to the channel with files.uploadV2. Whatever Slack refuses (ok=false, rate limited,
 * unreachable) is thrown, so the job's backoff retries it; each part goes through the core's resume
 * record, so a retry skips the parts already posted. Thread-safe: it keeps no state of its own.
 */
final class SlackSummaryPublisher implements SummaryPublisher, ReminderPublisher {

    /** Slack's limit on a file's alt text. */
    static final int ALT_TEXT = 1000;

    private static final Logger log = LoggerFactory.getLogger(SlackSummaryPublisher.class);

    private final SlackWeb web;
    private final SlackSummaryRenderer summaries = new SlackSummaryRenderer();
    private final SlackReminderRenderer reminders;
    private final Clock clock;

    SlackSummaryPublisher(SlackWeb web, ZoneId zone, Clock clock) {
        this.web = web;
        this.reminders = new SlackReminderRenderer(zone);
        this.clock = clock;
    }

    @Override
    public void publish(ChannelSummary summary, SummaryParts parts) {
        String channel = summary.channelId();
        String team = summary.workspace().id();
        if (!web.serves(team)) {
            return; // uninstalled: skipped, and SlackTeamClients logged it once
        }
        List<SlackMessage> messages = summaries.render(summary);
        for (int i = 0; i < messages.size(); i++) {
            SlackMessage message = messages.get(i);
            parts.once(
                    "message " + (i + 1),
                    () -> require("chat.postMessage", channel, web.postMessage(team, channel, message)));
        }
        int charts = 0;
        for (PollSummary poll : summary.polls()) {
            for (PollSummary.Chart chart : poll.charts()) {
                parts.once(
                        "chart " + chart.fileName(),
                        () -> require(
                                "files.uploadV2",
                                channel,
                                web.uploadFile(team, channel, chartFile(summary, poll, chart))));
                charts++;
            }
        }
        log.info(
                "Slack: posted the summary of {} to channel {} ({} messages, {} charts)",
                summary.period(),
                channel,
                messages.size(),
                charts);
    }

    @Override
    public void remind(ClosingReminder reminder) {
        String channel = reminder.poll().channelId();
        String team = reminder.poll().workspace().id();
        if (!web.serves(team)) {
            return; // uninstalled: skipped, and SlackTeamClients logged it once
        }
        require(
                "chat.postMessage",
                channel,
                web.postMessage(team, channel, reminders.render(reminder, clock.instant())));
        log.info(
                "Slack: posted the closing reminder of poll {} to channel {}",
                reminder.poll().id(),
                channel);
    }

    private static void require(String method, String channel, SlackWeb.Result result) {
        if (!result.ok()) {
            throw new SlackDeliveryException(method, channel, result.error());
        }
    }

    private static SlackFile chartFile(ChannelSummary summary, PollSummary poll, PollSummary.Chart chart) {
        PollReport report = poll.report();
        boolean groups = chart == poll.groupChart();
        String title = (groups ? "Opinion groups of poll #" : "Poll #")
                + report.poll().id() + " " + report.poll().title() + ", " + summary.period();
        String altText;
        if (groups) {
            altText = "Opinion groups in " + report.poll().title() + ". "
                    + GroupSentences.mapDescription(report.opinionGroups());
        } else if (report.factors().size() == 2) {
            altText = "Chart of " + report.poll().title() + ": each field placed at its mean "
                    + report.factors().get(0).name() + " (across) and "
                    + report.factors().get(1).name() + " (up), with 90% intervals.";
        } else {
            altText = "Chart of " + report.poll().title() + ": the fields ranked by score, as bars.";
        }
        return new SlackFile(chart.fileName(), title, Mrkdwn.truncate(altText, ALT_TEXT), chart.png());
    }
}
