package dev.fieldpoll.slack;

import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.bot.PollBot;
import dev.fieldpoll.poll.Poll;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a bot reply in Slack, one method per reply (a visitor of {@link BotReply}): the poll
 * message in the channel, a ballot modal, results for the whole channel; and says what the member
 * is shown, ephemerally (in the ack of a command, else {@link #tell}). Its Web API calls block, so
 * it runs on the Slack work pool. Thread-safe: it keeps no state.
 */
final class SlackReplyDelivery {

    private static final Logger log = LoggerFactory.getLogger(SlackReplyDelivery.class);

    private final PollBot bot;
    private final SlackWeb web;
    private final SlackPollMessagePublisher pollMessages;
    private final BallotModalRenderer modal;
    private final SlackResultsRenderer results;
    private final SlackReplyRenderer texts;
    private final SlackEditModalRenderer editModal = new SlackEditModalRenderer();

    SlackReplyDelivery(
            PollBot bot,
            SlackWeb web,
            SlackPollMessagePublisher pollMessages,
            BallotModalRenderer modal,
            SlackResultsRenderer results,
            SlackReplyRenderer texts) {
        this.bot = bot;
        this.web = web;
        this.pollMessages = pollMessages;
        this.modal = modal;
        this.results = results;
        this.texts = texts;
    }

    /**
     * Does what the reply needs in Slack; completes with what the member is to be shown, if anything.
     * Only a new poll waits for a commit (its message's ts), without a thread.
     */
    CompletionStage<Optional<SlackMessage>> deliver(Origin origin, BotReply reply) {
        if (reply instanceof BotReply.PollPosted posted) {
            return postPoll(posted);
        }
        return CompletableFuture.completedFuture(shown(origin, reply));
    }

    private Optional<SlackMessage> shown(Origin origin, BotReply reply) {
        return reply.accept(new BotReply.Visitor<>() {
            @Override
            public Optional<SlackMessage> pollPosted(BotReply.PollPosted posted) {
                return Optional.of(texts.render(posted));
            }

            @Override
            public Optional<SlackMessage> ballotView(BotReply.BallotView ballot) {
                return openBallot(origin, ballot);
            }

            @Override
            public Optional<SlackMessage> resultsView(BotReply.ResultsView view) {
                return SlackReplyDelivery.this.results(origin, view);
            }

            @Override
            public Optional<SlackMessage> voteSaved(BotReply.VoteSaved saved) {
                return shown(saved);
            }

            @Override
            public Optional<SlackMessage> myBallot(BotReply.MyBallot mine) {
                return shown(mine);
            }

            @Override
            public Optional<SlackMessage> pollList(BotReply.PollList list) {
                return shown(list);
            }

            @Override
            public Optional<SlackMessage> pollClosed(BotReply.PollClosed closed) {
                return shown(closed);
            }

            @Override
            public Optional<SlackMessage> help(BotReply.Help help) {
                return shown(help);
            }

            @Override
            public Optional<SlackMessage> notice(BotReply.Notice notice) {
                return shown(notice);
            }

            @Override
            public Optional<SlackMessage> invalidAnswer(BotReply.InvalidAnswer invalid) {
                return shown(invalid);
            }

            @Override
            public Optional<SlackMessage> problem(BotReply.Problem problem) {
                return shown(problem);
            }

            @Override
            public Optional<SlackMessage> confirm(BotReply.Confirm confirm) {
                return shown(confirm);
            }

            @Override
            public Optional<SlackMessage> editForm(BotReply.EditForm form) {
                return openEditForm(origin, form);
            }

            @Override
            public Optional<SlackMessage> exportFile(BotReply.ExportFile file) {
                return sendPrivately(origin, file);
            }
        });
    }

    /** The file goes into the member's direct message with the app, where only they see it. */
    private Optional<SlackMessage> sendPrivately(Origin origin, BotReply.ExportFile file) {
        SlackWeb.Result direct = web.openDirectMessage(origin.teamId(), origin.userId());
        SlackWeb.Result uploaded = direct.ok()
                ? web.uploadFile(
                        origin.teamId(),
                        direct.value(),
                        new SlackFile(file.name(), file.name(), file.message(), file.content()))
                : direct;
        if (!uploaded.ok()) {
            log.warn(
                    "Could not send the export of poll {} to its admin: {}",
                    file.poll().id(),
                    uploaded.error());
            return Optional.of(SlackReplyRenderer.problem("I couldn't send you the file in a direct message. "
                    + "Ask whoever installed fieldpoll to allow it to message you (scope im:write)."));
        }
        return Optional.of(
                SlackMessage.text(Mrkdwn.escape(file.message()) + " It is in your direct messages with fieldpoll."));
    }

    private Optional<SlackMessage> shown(BotReply reply) {
        return Optional.of(texts.render(reply));
    }

    /** The poll message first; the creator hears nothing more unless it could not be posted. */
    private CompletionStage<Optional<SlackMessage>> postPoll(BotReply.PollPosted posted) {
        Poll poll = posted.poll();
        String ts;
        try {
            ts = pollMessages.post(posted.message());
        } catch (SlackDeliveryException refused) {
            log.warn("Could not post the message of poll {} in channel {}", poll.id(), poll.channelId(), refused);
            return CompletableFuture.completedFuture(
                    Optional.of(SlackReplyRenderer.problem(notPosted(poll, refused.error()))));
        }
        return bot.messagePosted(poll, ts).handle((recorded, notRecorded) -> {
            if (notRecorded != null) {
                log.error("The message of poll {} is posted but could not be remembered", poll.id(), notRecorded);
            }
            return Optional.empty();
        });
    }

    private Optional<SlackMessage> results(Origin origin, BotReply.ResultsView view) {
        SlackMessage message = new SlackMessage(
                results.fallbackText(view.report()), results.render(view.report(), view.page(), view.rounds()));
        if (!view.postPublicly()) {
            if (!view.notice().isEmpty()) {
                tell(origin, SlackMessage.text(Mrkdwn.escape(view.notice())));
            }
            return Optional.of(message);
        }
        SlackWeb.Result posted =
                web.postMessage(view.poll().workspace().id(), view.poll().channelId(), message);
        if (posted.ok()) {
            return Optional.empty();
        }
        tell(
                origin,
                SlackReplyRenderer.problem("Slack did not let me post the results in the channel (" + posted.error()
                        + "). Here they are just for you."));
        return Optional.of(message);
    }

    private Optional<SlackMessage> openBallot(Origin origin, BotReply.BallotView ballot) {
        if (origin.triggerId() == null || origin.triggerId().isBlank()) {
            return Optional.of(SlackReplyRenderer.problem("Press Vote on the poll message to open your ballot."));
        }
        SlackWeb.Result opened = web.openView(
                origin.teamId(), origin.triggerId(), modal.render(ballot.poll(), ballot.ballot(), 1, ballot.rounds()));
        if (opened.ok()) {
            return Optional.empty();
        }
        return Optional.of(SlackReplyRenderer.problem("Slack did not open your ballot in time (" + opened.error()
                + "). Press Vote again, or score one field directly: `/poll vote <field> <factor>=<score>`."));
    }

    private Optional<SlackMessage> openEditForm(Origin origin, BotReply.EditForm form) {
        if (origin.triggerId() == null || origin.triggerId().isBlank()) {
            return Optional.of(SlackMessage.text(form.typed()));
        }
        SlackWeb.Result opened = web.openView(origin.teamId(), origin.triggerId(), editModal.render(form.poll()));
        if (opened.ok()) {
            return Optional.empty();
        }
        return Optional.of(SlackReplyRenderer.problem(
                "Slack did not open the form in time (" + opened.error() + "). Press Edit again. " + form.typed()));
    }

    /** An ephemeral message to the member who acted: through the response_url, else chat.postEphemeral. */
    void tell(Origin origin, SlackMessage message) {
        if (origin.responseUrl() != null
                && !origin.responseUrl().isBlank()
                && web.respond(origin.responseUrl(), message).ok()) {
            return;
        }
        if (origin.channelId() != null && origin.userId() != null) {
            web.postEphemeral(origin.teamId(), origin.channelId(), origin.userId(), message);
            return;
        }
        log.warn(
                "No way to answer user {} of team {}: no response_url and no channel",
                origin.userId(),
                origin.teamId());
    }

    private static String notPosted(Poll poll, String error) {
        String saved = "Poll #" + poll.id() + " \"" + poll.title() + "\" is saved, but ";
        if ("not_in_channel".equals(error) || "channel_not_found".equals(error)) {
            return saved + "I can't post in this channel yet. Add me with `/invite @fieldpoll`: the poll message "
                    + "appears with the next vote. Meanwhile `/poll vote` opens your ballot here.";
        }
        return saved + "Slack refused the poll message (" + error + "). I'll try again with the next vote.";
    }
}
