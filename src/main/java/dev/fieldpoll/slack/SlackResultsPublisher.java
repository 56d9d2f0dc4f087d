package dev.fieldpoll.slack;

import dev.fieldpoll.summary.PollSummary;
import dev.fieldpoll.summary.ResultsPost;
import dev.fieldpoll.summary.ResultsPublisher;
import dev.fieldpoll.summary.SummaryParts;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a closed poll's results on Slack: a reply in the poll message's thread, also sent to the
 * channel (reply_broadcast), then its charts uploaded in that thread; a poll whose message is gone
 * gets a plain channel message. Whatever Slack refuses is thrown, so the job's backoff retries it;
 * each part goes through the core's resume record. Thread-safe: it keeps no state of its own.
 */
final class SlackResultsPublisher implements ResultsPublisher {

    private static final Logger log = LoggerFactory.getLogger(SlackResultsPublisher.class);

    private final SlackWeb web;
    private final SlackPollSummaryRenderer renderer = new SlackPollSummaryRenderer();

    SlackResultsPublisher(SlackWeb web) {
        this.web = web;
    }

    @Override
    public Optional<String> publish(ResultsPost post, SummaryParts parts) {
        String channel = post.poll().channelId();
        String team = post.poll().workspace().id();
        if (!web.serves(team)) {
            return Optional.empty(); // uninstalled: skipped, and SlackTeamClients logged it once
        }
        String thread = post.pollMessageId().orElse(null);
        SlackMessage message = new SlackMessage(fallbackText(post), renderer.render(post));
        String[] ts = {null};
        parts.once(
                "message",
                () -> ts[0] = require(
                        "chat.postMessage",
                        channel,
                        thread == null
                                ? web.postMessage(team, channel, message)
                                : web.postReply(team, channel, thread, message, true)));
        if (post.hasResults()) {
            for (PollSummary.Chart chart : post.results().charts()) {
                parts.once(
                        "chart " + chart.fileName(),
                        () -> require(
                                "files.uploadV2",
                                channel,
                                web.uploadFile(team, channel, thread, chartFile(post, chart))));
            }
        }
        log.info(
                "Slack: posted the results of poll {} to channel {}",
                post.poll().id(),
                channel);
        if (ts[0] == null) {
            return Optional.empty();
        }
        SlackWeb.Result link = web.permalink(team, channel, ts[0]);
        return link.ok() ? Optional.ofNullable(link.value()) : Optional.empty();
    }

    private static String require(String method, String channel, SlackWeb.Result result) {
        if (!result.ok()) {
            throw new SlackDeliveryException(method, channel, result.error());
        }
        return result.value();
    }

    /** What notifications show: the heading and the winner, or that too few voted. */
    private static String fallbackText(ResultsPost post) {
        if (!post.hasResults()) {
            return post.heading() + ". " + post.tooFew();
        }
        return post.heading() + ". First: "
                + post.results().report().ranking().get(0).name() + ".";
    }

    private static SlackFile chartFile(ResultsPost post, PollSummary.Chart chart) {
        boolean groups = chart == post.results().groupChart();
        String title = (groups ? "Opinion groups of poll #" : "Results of poll #")
                + post.poll().id() + " " + post.poll().title();
        String altText = (groups ? "Opinion groups in " : "Final chart of ")
                + post.poll().title() + ".";
        return new SlackFile(
                chart.fileName(), title, Mrkdwn.truncate(altText, SlackSummaryPublisher.ALT_TEXT), chart.png());
    }
}
