package dev.fieldpoll.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
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
import dev.fieldpoll.bot.LifecycleGrammar;
import dev.fieldpoll.bot.ParseResult;
import dev.fieldpoll.bot.PollBot;
import dev.fieldpoll.poll.PollRef;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three kinds of Slack request fieldpoll answers — the /poll command, button presses and ballot
 * submissions — translated into bot commands and back. Each is acknowledged after its work: a
 * command's ack carries the member's answer ("Saved…" once the vote is committed), a button's comes
 * once its action is done (the ballot opened, the answer sent), and a ballot submission's closes
 * the modal, shows the next page or shows errors beside inputs, after the commit. The work runs on
 * the bounded pool of {@link SlackAcks}, never on Bolt's thread, and a commit waits on no thread.
 * Every handler catches at its edge: the member gets a friendly line, the log gets the details.
 * Thread-safe: it keeps no state of its own.
 */
final class SlackHandlers {

    private static final Logger log = LoggerFactory.getLogger(SlackHandlers.class);

    static final String NOT_MINE = "That button is not one of mine or is out of date, so nothing changed. "
            + "Use the buttons on the latest poll message, or `/poll help`.";
    static final String UNKNOWN_SENDER =
            "I can't tell which workspace, channel or member this came from, " + "so nothing changed.";
    static final String STILL_WORKING = "Still working on it… the answer follows here in a moment.";

    private final PollBot bot;
    private final CommandParser parser;
    private final SlackCaller callers;
    private final SlackReplyDelivery replies;
    private final BallotModalRenderer modal;
    private final SlackWeb web;
    private final SlackAcks acks;
    private final SlackCreateFormHandlers forms;

    SlackHandlers(
            PollBot bot,
            CommandParser parser,
            SlackCaller callers,
            SlackReplyDelivery replies,
            BallotModalRenderer modal,
            SlackWeb web,
            SlackAcks acks,
            SlackCreateFormHandlers forms) {
        this.bot = bot;
        this.parser = parser;
        this.callers = callers;
        this.replies = replies;
        this.modal = modal;
        this.web = web;
        this.acks = acks;
        this.forms = forms;
    }

    // ---- /poll: the ack carries the answer ----

    Response onCommand(SlashCommandPayload payload, SlashCommandContext ctx) {
        Origin origin = new Origin(
                payload.getTeamId(),
                payload.getChannelId(),
                payload.getUserId(),
                payload.getResponseUrl(),
                payload.getTriggerId());
        String text = payload.getText() == null ? "" : Mrkdwn.unescape(payload.getText());
        return acks.answer(new SlackAcks.Work<Optional<SlackMessage>>() {
            @Override
            public CompletionStage<Optional<SlackMessage>> run() {
                return command(origin, text);
            }

            @Override
            public Response ack(Optional<SlackMessage> shown) {
                return shown.map(message -> ctx.ack(ephemeral(message))).orElseGet(ctx::ack);
            }

            @Override
            public Response slow() {
                return ctx.ack(ephemeral(SlackMessage.text(STILL_WORKING)));
            }

            @Override
            public void late(Optional<SlackMessage> shown) {
                shown.ifPresent(message -> replies.tell(origin, message));
            }

            @Override
            public Optional<SlackMessage> bug(Throwable bug) {
                log.error("The /poll command from team {} could not be handled", origin.teamId(), bug);
                return Optional.of(SlackReplyRenderer.problem(SlackReplyRenderer.SOMETHING_WENT_WRONG));
            }

            @Override
            public Response refused(String why) {
                return ctx.ack(ephemeral(SlackReplyRenderer.problem(why)));
            }
        });
    }

    private static SlashCommandResponse ephemeral(SlackMessage message) {
        return SlashCommandResponse.builder()
                .responseType("ephemeral")
                .text(message.text())
                .blocks(message.blocks())
                .build();
    }

    private CompletionStage<Optional<SlackMessage>> command(Origin origin, String text) {
        if (CommandParser.opensCreateForm(text)) {
            return done(forms.open(origin));
        }
        ParseResult parsed = parser.parse(text);
        if (parsed instanceof ParseResult.Invalid invalid) {
            return done(Optional.of(SlackReplyRenderer.problem(invalid.message())));
        }
        return ask(origin, ((ParseResult.Parsed) parsed).command());
    }

    /** Asks PollBot as the member; what the reply needs in Slack is done on the work pool. */
    private CompletionStage<Optional<SlackMessage>> ask(Origin origin, BotCommand command) {
        Optional<Caller> caller = callers.of(origin);
        if (caller.isEmpty()) {
            return done(Optional.of(SlackReplyRenderer.problem(UNKNOWN_SENDER)));
        }
        return bot.handle(caller.get(), command).thenComposeAsync(reply -> replies.deliver(origin, reply), acks.pool());
    }

    // ---- buttons: acked once their action is done ----

    Response onAction(BlockActionPayload payload, ActionContext ctx) {
        String channel = payload.getChannel() != null
                ? payload.getChannel().getId()
                : payload.getContainer() != null ? payload.getContainer().getChannelId() : null;
        Origin pressedIn = new Origin(
                teamOf(payload),
                channel,
                payload.getUser() == null ? null : payload.getUser().getId(),
                payload.getResponseUrl(),
                payload.getTriggerId());
        String pressed = payload.getActions() == null || payload.getActions().isEmpty()
                ? null
                : payload.getActions().get(0).getActionId();
        // A press on the App Home tab names no channel: its Vote button's id names the poll's.
        Optional<ActionIds.InChannel> fromHome = channel == null
                ? ActionIds.decodeInChannel(pressed).filter(id -> id.id().action() == ActionId.Action.VOTE)
                : Optional.empty();
        String actionId = fromHome.map(id -> ActionIds.encode(id.id())).orElse(pressed);
        Origin origin =
                fromHome.map(id -> pressedIn.withChannel(id.channelId())).orElse(pressedIn);
        return acks.answer(new SlackAcks.Work<Optional<SlackMessage>>() {
            @Override
            public CompletionStage<Optional<SlackMessage>> run() {
                return action(origin, actionId).thenApply(shown -> {
                    shown.ifPresent(message -> replies.tell(origin, message));
                    return Optional.empty();
                });
            }

            @Override
            public Response ack(Optional<SlackMessage> shown) {
                return ctx.ack();
            }

            @Override
            public Response slow() {
                return ctx.ack();
            }

            @Override
            public void late(Optional<SlackMessage> shown) {
                // the action told the member itself
            }

            @Override
            public Optional<SlackMessage> bug(Throwable bug) {
                log.error("A button press from team {} could not be handled", origin.teamId(), bug);
                replies.tell(origin, SlackReplyRenderer.problem(SlackReplyRenderer.SOMETHING_WENT_WRONG));
                return Optional.empty();
            }

            @Override
            public Response refused(String why) {
                log.warn("Refused a button press from team {}: {}", origin.teamId(), why);
                replies.tell(origin, SlackReplyRenderer.problem(why));
                return ctx.ack();
            }
        });
    }

    private CompletionStage<Optional<SlackMessage>> action(Origin origin, String rawId) {
        Optional<ActionId> decoded = ActionIds.decode(rawId);
        if (decoded.isEmpty()) {
            log.info("Refused an undecodable action id from team {} user {}", origin.teamId(), origin.userId());
            return done(Optional.of(SlackReplyRenderer.problem(NOT_MINE)));
        }
        ActionId id = decoded.get();
        PollRef poll = new PollRef.ById(id.pollId());
        switch (id.action()) {
            case VOTE:
                return ask(origin, new BotCommand.OpenBallot(poll));
            case RESULTS:
                return ask(origin, new BotCommand.Results(poll, false));
            case MINE:
                return ask(origin, new BotCommand.Mine(poll));
            case DELETE:
            case FORGET:
                return ask(origin, LifecycleGrammar.confirmed(id).orElseThrow());
            case EDIT:
                return ask(origin, new BotCommand.OpenEditForm(poll));
            default:
                // PAGE, ANSWER, DONE and SUBMIT are never buttons in Slack (the modal is one form).
                return done(Optional.of(SlackReplyRenderer.problem(NOT_MINE)));
        }
    }

    private static String teamOf(BlockActionPayload payload) {
        if (payload.getTeam() != null && payload.getTeam().getId() != null) {
            return payload.getTeam().getId();
        }
        return payload.getUser() == null ? null : payload.getUser().getTeamId();
    }

    // ---- ballot submissions: acked after the commit ----

    Response onSubmission(ViewSubmissionPayload payload, ViewSubmissionContext ctx) {
        BallotSubmission submission = BallotSubmission.read(payload.getView());
        if (submission instanceof BallotSubmission.Refused refused) {
            log.info("Refused a ballot submission from team {}: its ids did not decode", teamOf(payload));
            return ctx.ackWithUpdate(modal.problem(refused.message()));
        }
        BallotSubmission.Answers answers = (BallotSubmission.Answers) submission;
        // A submission names no channel: the ballot's metadata names the one it was opened in.
        Origin origin = new Origin(
                teamOf(payload),
                answers.channelId(),
                payload.getUser() == null ? null : payload.getUser().getId(),
                null,
                null);
        String viewId = payload.getView().getId();
        return acks.answer(new SlackAcks.Work<SubmissionOutcome>() {
            @Override
            public CompletionStage<SubmissionOutcome> run() {
                return submit(origin, answers);
            }

            @Override
            public Response ack(SubmissionOutcome outcome) {
                return outcome.ack(ctx);
            }

            @Override
            public Response slow() {
                return ctx.ackWithUpdate(
                        modal.notice("Saving", "Saving your ballot… this is taking longer than usual."));
            }

            @Override
            public void late(SubmissionOutcome outcome) {
                outcome.late(origin.teamId(), viewId);
            }

            @Override
            public SubmissionOutcome bug(Throwable bug) {
                log.error("A ballot submission from team {} could not be handled", origin.teamId(), bug);
                return new Show(modal.problem(SlackReplyRenderer.SOMETHING_WENT_WRONG));
            }

            @Override
            public Response refused(String why) {
                return ctx.ackWithUpdate(modal.problem(why));
            }
        });
    }

    /** How a ballot submission ends: the modal closes, shows another view, or shows errors beside inputs. */
    private sealed interface SubmissionOutcome {

        /** The ack that ends the submission this way. */
        Response ack(ViewSubmissionContext ctx);

        /** The same, after a "saving" ack already went: the modal is updated instead. */
        void late(String team, String viewId);
    }

    /** Closes the modal; {@code saved} tells the member in the channel what was saved. */
    private final class Close implements SubmissionOutcome {
        private final Origin origin;
        private final BotReply saved;

        Close(Origin origin, BotReply saved) {
            this.origin = origin;
            this.saved = saved;
        }

        @Override
        public Response ack(ViewSubmissionContext ctx) {
            tellLater();
            return ctx.ack();
        }

        @Override
        public void late(String team, String viewId) {
            tellLater();
            web.updateView(team, viewId, modal.notice("Saved", "Your ballot is saved. You can close this."));
        }

        private void tellLater() {
            if (saved != null) {
                acks.afterwards(() -> replies.deliver(origin, saved)
                        .thenAccept(shown -> shown.ifPresent(message -> replies.tell(origin, message))));
            }
        }
    }

    private final class Show implements SubmissionOutcome {
        private final View view;

        Show(View view) {
            this.view = view;
        }

        @Override
        public Response ack(ViewSubmissionContext ctx) {
            return ctx.ackWithUpdate(view);
        }

        @Override
        public void late(String team, String viewId) {
            web.updateView(team, viewId, view);
        }
    }

    private final class Errors implements SubmissionOutcome {
        private final Map<String, String> errors;

        Errors(Map<String, String> errors) {
            this.errors = Map.copyOf(errors);
        }

        @Override
        public Response ack(ViewSubmissionContext ctx) {
            return ctx.ackWithErrors(errors);
        }

        @Override
        public void late(String team, String viewId) {
            web.updateView(team, viewId, modal.problem(String.join(" ", errors.values())));
        }
    }

    /** Saves one page of answers in one call (all or nothing) and decides how the modal answers. */
    private CompletionStage<SubmissionOutcome> submit(Origin origin, BallotSubmission.Answers answers) {
        Optional<Caller> caller = callers.of(origin);
        if (caller.isEmpty()) {
            return done(new Show(modal.problem(UNKNOWN_SENDER)));
        }
        if (answers.answers().isEmpty()) {
            return skip(caller.get(), origin, answers);
        }
        return bot.handle(caller.get(), new BotCommand.SetAnswers(answers.pollId(), answers.answers()))
                .thenApply(reply -> reply.accept(new SubmittedReply(origin, answers)));
    }

    /** Nothing chosen on this page: a paged ballot moves on; a one-page ballot (or its last page) closes. */
    private CompletionStage<SubmissionOutcome> skip(Caller caller, Origin origin, BallotSubmission.Answers answers) {
        return bot.handle(caller, new BotCommand.OpenBallot(new PollRef.ById(answers.pollId())))
                .thenApply(reply -> reply.accept(new SubmittedReply(origin, answers) {
                    @Override
                    public SubmissionOutcome ballotView(BotReply.BallotView view) {
                        int pages = BallotModalRenderer.pageCount(view.poll().definition());
                        return answers.page() < pages
                                ? new Show(modal.render(view.poll(), view.ballot(), answers.page() + 1, view.rounds()))
                                : new Close(origin, null);
                    }
                }));
    }

    /** How the modal answers each reply: saved (next page, or close), errors beside inputs, or a problem. */
    private class SubmittedReply implements BotReply.Visitor<SubmissionOutcome> {
        private final Origin origin;
        private final BallotSubmission.Answers answers;

        SubmittedReply(Origin origin, BallotSubmission.Answers answers) {
            this.origin = origin;
            this.answers = answers;
        }

        @Override
        public SubmissionOutcome voteSaved(BotReply.VoteSaved saved) {
            if (answers.page() < BallotModalRenderer.pageCount(saved.poll().definition())) {
                return new Show(modal.render(saved.poll(), saved.ballot(), answers.page() + 1));
            }
            return new Close(origin.withChannel(saved.poll().channelId()), saved);
        }

        @Override
        public SubmissionOutcome invalidAnswer(BotReply.InvalidAnswer invalid) {
            return new Errors(Map.of(BallotModalRenderer.blockId(answers.pollId(), invalid.cell()), invalid.message()));
        }

        @Override
        public SubmissionOutcome problem(BotReply.Problem problem) {
            return new Show(modal.problem(problem.message()));
        }

        /** A reply a submission never gets. */
        private SubmissionOutcome unexpected(BotReply reply) {
            log.error("A ballot submission got a {} reply", reply.getClass().getSimpleName());
            return new Show(modal.problem(SlackReplyRenderer.SOMETHING_WENT_WRONG));
        }

        @Override
        public SubmissionOutcome ballotView(BotReply.BallotView ballot) {
            return unexpected(ballot);
        }

        @Override
        public SubmissionOutcome pollPosted(BotReply.PollPosted posted) {
            return unexpected(posted);
        }

        @Override
        public SubmissionOutcome resultsView(BotReply.ResultsView results) {
            return unexpected(results);
        }

        @Override
        public SubmissionOutcome myBallot(BotReply.MyBallot mine) {
            return unexpected(mine);
        }

        @Override
        public SubmissionOutcome pollList(BotReply.PollList list) {
            return unexpected(list);
        }

        @Override
        public SubmissionOutcome pollClosed(BotReply.PollClosed closed) {
            return unexpected(closed);
        }

        @Override
        public SubmissionOutcome help(BotReply.Help help) {
            return unexpected(help);
        }

        @Override
        public SubmissionOutcome notice(BotReply.Notice notice) {
            return unexpected(notice);
        }

        @Override
        public SubmissionOutcome confirm(BotReply.Confirm confirm) {
            return unexpected(confirm);
        }

        @Override
        public SubmissionOutcome exportFile(BotReply.ExportFile file) {
            return unexpected(file);
        }

        @Override
        public SubmissionOutcome editForm(BotReply.EditForm form) {
            return unexpected(form);
        }
    }

    /** The team of a view submission: the payload's team, else the user's. */
    static String teamOf(ViewSubmissionPayload payload) {
        if (payload.getTeam() != null && payload.getTeam().getId() != null) {
            return payload.getTeam().getId();
        }
        return payload.getUser() == null ? null : payload.getUser().getTeamId();
    }

    private static <T> CompletionStage<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }
}
