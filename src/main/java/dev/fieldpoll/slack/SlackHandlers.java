package dev.fieldpoll.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import dev.fieldpoll.bot.ActionId;
import dev.fieldpoll.bot.ActionIds;
import dev.fieldpoll.bot.BotCommand;
import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.CommandParser;
import dev.fieldpoll.bot.ParseResult;
import dev.fieldpoll.bot.PollBot;
import dev.fieldpoll.poll.PollRef;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three kinds of Slack request fieldpoll answers — the /poll command, button presses and ballot
 * submissions — translated into bot commands and back. Commands and buttons are acknowledged at
 * once and handled afterwards on the work executor; a ballot submission is answered in its ack
 * (that is how Slack shows inline errors), within a time budget well inside Slack's 3 seconds.
 * Every handler catches at its edge: the member gets a friendly line, the log gets the details.
 */
final class SlackHandlers {

    private static final Logger log = LoggerFactory.getLogger(SlackHandlers.class);

    static final String BUSY = "I'm busy right now, so nothing changed. Please try again in a moment.";
    static final String NOT_MINE = "That button is not one of mine or is out of date, so nothing changed. "
            + "Use the buttons on the latest poll message, or `/poll help`.";
    static final String UNKNOWN_SENDER =
            "I can't tell which workspace, channel or member this came from, " + "so nothing changed.";
    /** How long a ballot submission may take before the modal says "saving" and is updated later. */
    static final long SUBMIT_BUDGET_MILLIS = 2_000;

    private final PollBot bot;
    private final CommandParser parser;
    private final SlackCaller callers;
    private final Replies replies;
    private final BallotModal modal;
    private final SlackWeb web;
    private final ExecutorService work;

    SlackHandlers(
            PollBot bot,
            CommandParser parser,
            SlackCaller callers,
            Replies replies,
            BallotModal modal,
            SlackWeb web,
            ExecutorService work) {
        this.bot = bot;
        this.parser = parser;
        this.callers = callers;
        this.replies = replies;
        this.modal = modal;
        this.web = web;
        this.work = work;
    }

    // ---- /poll ----

    Response onCommand(SlashCommandPayload payload, SlashCommandContext ctx) {
        try {
            Origin origin = new Origin(
                    payload.getTeamId(),
                    payload.getChannelId(),
                    payload.getUserId(),
                    payload.getUserName(),
                    payload.getResponseUrl(),
                    payload.getTriggerId());
            String text = payload.getText() == null ? "" : Mrkdwn.unescape(payload.getText());
            return later(origin, () -> command(origin, text)) ? ctx.ack() : ctx.ack(BUSY);
        } catch (RuntimeException bug) {
            log.error("The /poll command from team {} could not be handled", payload.getTeamId(), bug);
            return ctx.ack(ReplyMessages.SOMETHING_WENT_WRONG);
        }
    }

    private void command(Origin origin, String text) {
        ParseResult parsed = parser.parse(text);
        if (parsed instanceof ParseResult.Invalid invalid) {
            replies.tell(origin, ReplyMessages.problem(invalid.message()));
            return;
        }
        handle(origin, ((ParseResult.Parsed) parsed).command());
    }

    private void handle(Origin origin, BotCommand command) {
        Optional<Caller> caller = callers.of(origin);
        if (caller.isEmpty()) {
            replies.tell(origin, ReplyMessages.problem(UNKNOWN_SENDER));
            return;
        }
        replies.deliver(origin, bot.handle(caller.get(), command));
    }

    // ---- buttons ----

    Response onAction(BlockActionPayload payload, ActionContext ctx) {
        try {
            String channel = payload.getChannel() != null
                    ? payload.getChannel().getId()
                    : payload.getContainer() != null ? payload.getContainer().getChannelId() : null;
            Origin origin = new Origin(
                    teamOf(payload),
                    channel,
                    payload.getUser() == null ? null : payload.getUser().getId(),
                    payload.getUser() == null ? null : payload.getUser().getUsername(),
                    payload.getResponseUrl(),
                    payload.getTriggerId());
            String actionId =
                    payload.getActions() == null || payload.getActions().isEmpty()
                            ? null
                            : payload.getActions().get(0).getActionId();
            if (!later(origin, () -> action(origin, actionId))) {
                log.warn("Dropped a button press from team {}: the work queue is full", origin.teamId());
            }
        } catch (RuntimeException bug) {
            log.error("A button press from team {} could not be handled", teamOf(payload), bug);
            Origin replyOnly = new Origin(null, null, null, null, payload.getResponseUrl(), null);
            later(replyOnly, () -> replies.tell(replyOnly, ReplyMessages.problem(ReplyMessages.SOMETHING_WENT_WRONG)));
        }
        return ctx.ack();
    }

    private void action(Origin origin, String rawId) {
        Optional<ActionId> decoded = ActionIds.decode(rawId);
        if (decoded.isEmpty()) {
            log.info("Refused an undecodable action id from team {} user {}", origin.teamId(), origin.userId());
            replies.tell(origin, ReplyMessages.problem(NOT_MINE));
            return;
        }
        ActionId id = decoded.get();
        PollRef poll = new PollRef.ById(id.pollId());
        switch (id.action()) {
            case VOTE:
                handle(origin, new BotCommand.OpenBallot(poll));
                return;
            case RESULTS:
                handle(origin, new BotCommand.Results(poll, false));
                return;
            case MINE:
                handle(origin, new BotCommand.Mine(poll));
                return;
            default:
                // PAGE, ANSWER, DONE and SUBMIT are never buttons in Slack (the modal is one form).
                replies.tell(origin, ReplyMessages.problem(NOT_MINE));
        }
    }

    private static String teamOf(BlockActionPayload payload) {
        if (payload.getTeam() != null && payload.getTeam().getId() != null) {
            return payload.getTeam().getId();
        }
        return payload.getUser() == null ? null : payload.getUser().getTeamId();
    }

    // ---- ballot submissions ----

    /** How a ballot submission ends: the modal closes, shows another view, or shows errors beside inputs. */
    private sealed interface Outcome {}

    private record Close(Runnable afterwards) implements Outcome {}

    private record Show(View view) implements Outcome {}

    private record Errors(Map<String, String> errors) implements Outcome {}

    Response onSubmission(ViewSubmissionPayload payload, ViewSubmissionContext ctx) {
        try {
            BallotSubmission submission = BallotSubmission.read(payload.getView());
            if (submission instanceof BallotSubmission.Refused refused) {
                log.info("Refused a ballot submission from team {}: its ids did not decode", teamOf(payload));
                return ctx.ackWithUpdate(modal.problem(refused.message()));
            }
            BallotSubmission.Answers answers = (BallotSubmission.Answers) submission;
            Origin origin = new Origin(
                    teamOf(payload),
                    null,
                    payload.getUser() == null ? null : payload.getUser().getId(),
                    payload.getUser() == null ? null : payload.getUser().getUsername(),
                    null,
                    null);
            CompletableFuture<Outcome> outcome = CompletableFuture.supplyAsync(() -> submit(origin, answers), work);
            try {
                return respond(ctx, outcome.get(SUBMIT_BUDGET_MILLIS, TimeUnit.MILLISECONDS));
            } catch (TimeoutException slow) {
                String viewId = payload.getView().getId();
                outcome.whenComplete((late, failure) -> finishLate(viewId, late, failure));
                return ctx.ackWithUpdate(
                        modal.notice("Saving", "Saving your ballot… this is taking longer than usual."));
            }
        } catch (RejectedExecutionException busy) {
            return ctx.ackWithUpdate(modal.problem(BUSY));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return ctx.ackWithUpdate(modal.problem(ReplyMessages.SOMETHING_WENT_WRONG));
        } catch (ExecutionException | RuntimeException bug) {
            log.error("A ballot submission from team {} could not be handled", teamOf(payload), bug);
            return ctx.ackWithUpdate(modal.problem(ReplyMessages.SOMETHING_WENT_WRONG));
        }
    }

    /** Saves one page of answers in one call (all or nothing) and decides how the modal answers. */
    private Outcome submit(Origin origin, BallotSubmission.Answers answers) {
        // A submission names no channel: the ballot's metadata names the one it was opened in.
        Optional<Caller> caller = callers.of(origin.withChannel(answers.channelId()));
        if (caller.isEmpty()) {
            return new Show(modal.problem(UNKNOWN_SENDER));
        }
        if (answers.answers().isEmpty()) {
            // Nothing chosen on this page: move on through a paged ballot; a one-page ballot goes to the bot.
            BotReply ballot = bot.handle(caller.get(), new BotCommand.OpenBallot(new PollRef.ById(answers.pollId())));
            if (!(ballot instanceof BotReply.BallotView view)) {
                return new Show(modal.problem(
                        ballot instanceof BotReply.Problem problem
                                ? problem.message()
                                : ReplyMessages.SOMETHING_WENT_WRONG));
            }
            int pages = BallotModal.pageCount(view.poll().definition());
            if (answers.page() < pages) {
                return new Show(modal.render(view.poll(), view.ballot(), answers.page() + 1));
            }
            if (pages > 1) {
                return new Close(() -> {});
            }
        }
        BotReply reply = bot.handle(caller.get(), new BotCommand.SetAnswers(answers.pollId(), answers.answers()));
        if (reply instanceof BotReply.VoteSaved saved) {
            if (answers.page() < BallotModal.pageCount(saved.poll().definition())) {
                replies.refreshSoon(saved.poll().id());
                return new Show(modal.render(saved.poll(), saved.ballot(), answers.page() + 1));
            }
            Origin inChannel = origin.withChannel(saved.poll().channelId());
            return new Close(() -> later(inChannel, () -> replies.deliver(inChannel, saved)));
        }
        if (reply instanceof BotReply.InvalidAnswer invalid) {
            return new Errors(Map.of(BallotModal.blockId(answers.pollId(), invalid.cell()), invalid.message()));
        }
        if (reply instanceof BotReply.Problem problem) {
            return new Show(modal.problem(problem.message()));
        }
        return new Show(modal.problem(ReplyMessages.SOMETHING_WENT_WRONG));
    }

    private static Response respond(ViewSubmissionContext ctx, Outcome outcome) {
        if (outcome instanceof Close close) {
            close.afterwards().run();
            return ctx.ack();
        }
        if (outcome instanceof Errors errors) {
            return ctx.ackWithErrors(errors.errors());
        }
        return ctx.ackWithUpdate(((Show) outcome).view());
    }

    /** After a slow save the modal said "saving": replace that with what happened. */
    private void finishLate(String viewId, Outcome late, Throwable failure) {
        try {
            if (failure != null || late == null) {
                log.error("A slow ballot submission failed", failure);
                web.updateView(viewId, modal.problem(ReplyMessages.SOMETHING_WENT_WRONG));
            } else if (late instanceof Close close) {
                close.afterwards().run();
                web.updateView(viewId, modal.notice("Saved", "Your ballot is saved. You can close this."));
            } else if (late instanceof Errors errors) {
                web.updateView(
                        viewId, modal.problem(String.join(" ", errors.errors().values())));
            } else {
                web.updateView(viewId, ((Show) late).view());
            }
        } catch (RuntimeException bug) {
            log.error("Could not update a ballot after a slow save", bug);
        }
    }

    private static String teamOf(ViewSubmissionPayload payload) {
        if (payload.getTeam() != null && payload.getTeam().getId() != null) {
            return payload.getTeam().getId();
        }
        return payload.getUser() == null ? null : payload.getUser().getTeamId();
    }

    // ---- the work executor ----

    /** Runs the task after the ack; false when the queue is full (the caller says "busy"). */
    private boolean later(Origin origin, Runnable task) {
        try {
            work.execute(() -> guarded(origin, task));
            return true;
        } catch (RejectedExecutionException busy) {
            return false;
        }
    }

    private void guarded(Origin origin, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException bug) {
            log.error("Handling a Slack request from team {} user {} failed", origin.teamId(), origin.userId(), bug);
            try {
                replies.tell(origin, ReplyMessages.problem(ReplyMessages.SOMETHING_WENT_WRONG));
            } catch (RuntimeException alsoFailed) {
                log.warn("Could not tell user {} about the failure: {}", origin.userId(), alsoFailed.toString());
            }
        }
    }
}
