package dev.fieldpoll.slack;

import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.poll.Poll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a bot reply in Slack: the poll message in the channel, a ballot modal, results (to the
 * member, or to the channel when an admin asked), and everything else ephemerally — through the
 * request's response_url when there is one, else chat.postEphemeral.
 */
final class Replies {

    private static final Logger log = LoggerFactory.getLogger(Replies.class);

    private final SlackWeb web;
    private final PollMessages messages;
    private final BallotModal modal;
    private final ResultsBlocks results;
    private final ReplyMessages texts;

    Replies(SlackWeb web, PollMessages messages, BallotModal modal, ResultsBlocks results, ReplyMessages texts) {
        this.web = web;
        this.messages = messages;
        this.modal = modal;
        this.results = results;
        this.texts = texts;
    }

    void deliver(Origin origin, BotReply reply) {
        if (reply instanceof BotReply.PollPosted posted) {
            SlackWeb.Result result = messages.post(posted.poll(), posted.voters());
            if (!result.ok()) {
                tell(origin, ReplyMessages.problem(notPosted(posted.poll(), result.error())));
            }
            return;
        }
        if (reply instanceof BotReply.BallotView ballot) {
            openBallot(origin, ballot);
            return;
        }
        if (reply instanceof BotReply.VoteSaved saved) {
            messages.refreshSoon(saved.poll().id());
            tell(origin, texts.render(saved));
            return;
        }
        if (reply instanceof BotReply.PollClosed closed) {
            messages.refreshSoon(closed.poll().id());
            tell(origin, texts.render(closed));
            return;
        }
        if (reply instanceof BotReply.ResultsView view) {
            SlackMessage message =
                    new SlackMessage(results.fallbackText(view.report()), results.render(view.report(), view.page()));
            if (!view.postPublicly()) {
                if (!view.notice().isEmpty()) {
                    tell(origin, SlackMessage.text(Mrkdwn.escape(view.notice())));
                }
                tell(origin, message);
                return;
            }
            SlackWeb.Result posted = web.postMessage(view.poll().channelId(), message);
            if (!posted.ok()) {
                tell(
                        origin,
                        ReplyMessages.problem("Slack did not let me post the results in the channel (" + posted.error()
                                + "). Here they are just for you."));
                tell(origin, message);
            }
            return;
        }
        tell(origin, texts.render(reply));
    }

    /** An ephemeral message to the member who acted. */
    void tell(Origin origin, SlackMessage message) {
        if (origin.responseUrl() != null
                && !origin.responseUrl().isBlank()
                && web.respond(origin.responseUrl(), message).ok()) {
            return;
        }
        if (origin.channelId() != null && origin.userId() != null) {
            web.postEphemeral(origin.channelId(), origin.userId(), message);
            return;
        }
        log.warn(
                "No way to answer user {} of team {}: no response_url and no channel",
                origin.userId(),
                origin.teamId());
    }

    private void openBallot(Origin origin, BotReply.BallotView ballot) {
        if (origin.triggerId() == null || origin.triggerId().isBlank()) {
            tell(origin, ReplyMessages.problem("Press Vote on the poll message to open your ballot."));
            return;
        }
        SlackWeb.Result opened = web.openView(origin.triggerId(), modal.render(ballot.poll(), ballot.ballot(), 1));
        if (!opened.ok()) {
            tell(
                    origin,
                    ReplyMessages.problem(
                            "Slack did not open your ballot in time (" + opened.error()
                                    + "). Press Vote again, or score one field directly: `/poll vote <field> <factor>=<score>`."));
        }
    }

    private static String notPosted(Poll poll, String error) {
        String saved = "Poll #" + poll.id() + " \"" + poll.title() + "\" is saved, but ";
        if ("not_in_channel".equals(error) || "channel_not_found".equals(error)) {
            return saved + "I can't post in this channel yet. Add me with `/invite @fieldpoll`: the poll message "
                    + "appears with the next vote. Meanwhile `/poll vote` opens your ballot here.";
        }
        return saved + "Slack refused the poll message (" + error + "). I'll try again with the next vote.";
    }

    void refreshSoon(long pollId) {
        messages.refreshSoon(pollId);
    }
}
