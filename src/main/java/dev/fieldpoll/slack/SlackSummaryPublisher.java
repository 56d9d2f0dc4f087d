package dev.fieldpoll.slack;

import dev.fieldpoll.report.GroupSentences;
import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.summary.ChannelSummary;
import dev.fieldpoll.summary.ClosingReminder;
import dev.fieldpoll.summary.PollSummary;
import dev.fieldpoll.summary.ReminderPublisher;
import dev.fieldpoll.summary.SummaryPublisher;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers weekly summaries and closing reminders to Slack. A summary is its Block Kit message(s)
 * followed by each poll's charts (the poll's chart, then its opinion-group map when there is one), uploaded to the channel with files.uploadV2. Whatever Slack
 * refuses (ok=false, rate limited, unreachable) is thrown, so the job's backoff retries it; a
 * retry skips the parts already posted.
 */
public final class SlackSummaryPublisher implements SummaryPublisher, ReminderPublisher {

    /** Slack's limit on a file's alt text. */
    static final int ALT_TEXT = 1000;

    private static final Logger log = LoggerFactory.getLogger(SlackSummaryPublisher.class);

    private final SlackWeb web;
    private final SummaryBlocks summaries = new SummaryBlocks();
    private final ReminderBlocks reminders;
    private final Clock clock;
    private final DeliveredParts delivered;

    SlackSummaryPublisher(SlackWeb web, ZoneId zone, Clock clock) {
        this.web = web;
        this.reminders = new ReminderBlocks(zone);
        this.clock = clock;
        this.delivered = new DeliveredParts(clock);
    }

    @Override
    public void publish(ChannelSummary summary) {
        String channel = summary.channelId();
        // one key per channel and period: a summary rebuilt for the period after a failure resumes as well
        String key = summary.workspace().id() + "/" + channel + "/" + summary.period();
        List<SlackMessage> messages = summaries.render(summary);
        for (int i = 0; i < messages.size(); i++) {
            SlackMessage message = messages.get(i);
            once(
                    key,
                    "message " + (i + 1),
                    () -> require("chat.postMessage", channel, web.postMessage(channel, message)));
        }
        int charts = 0;
        for (PollSummary poll : summary.polls()) {
            for (PollSummary.Chart chart : poll.charts()) {
                once(
                        key,
                        "chart " + chart.fileName(),
                        () -> require(
                                "files.uploadV2", channel, web.uploadFile(channel, chartFile(summary, poll, chart))));
                charts++;
            }
        }
        delivered.forget(key);
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
        require("chat.postMessage", channel, web.postMessage(channel, reminders.render(reminder, clock.instant())));
        log.info(
                "Slack: posted the closing reminder of poll {} to channel {}",
                reminder.poll().id(),
                channel);
    }

    private void once(String summary, String part, Runnable post) {
        if (delivered.has(summary, part)) {
            log.debug("Slack: {} of summary {} was posted before the retry; skipping it", part, summary);
            return;
        }
        post.run();
        delivered.add(summary, part);
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
