package dev.fieldpoll.slack;

import com.slack.api.app_backend.interactive_components.payload.GlobalShortcutPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.GlobalShortcutContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.fieldpoll.bot.ActionId;
import dev.fieldpoll.bot.ActionIds;
import dev.fieldpoll.bot.BotCommand;
import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.CommandParser;
import dev.fieldpoll.bot.CreateForm;
import dev.fieldpoll.bot.ParseResult;
import dev.fieldpoll.bot.PollBot;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The create form on Slack: {@code /poll new} and the global shortcut "Create a poll" open it
 * (views.open with the request's trigger id), and its view_submission becomes the same create
 * command as {@code /poll create}. A refusal is shown beside the input it is about
 * ({@code response_action: errors}); a created poll closes the form and its message is posted in
 * the channel. The channel comes from the command (named in the view's metadata) or, from the
 * shortcut, from the member's pick, which is checked first: an ephemeral note there must reach the
 * member through this workspace's token, so the bot is in the channel, the channel is in this
 * workspace and the member is in it. Thread-safe: it keeps no state of its own.
 */
final class SlackCreateFormHandlers {

    private static final Logger log = LoggerFactory.getLogger(SlackCreateFormHandlers.class);

    /** The callback id of the global shortcut, as config/slack-manifest.yml names it. */
    static final String SHORTCUT = "fieldpoll_create_poll";

    static final String PICK_CHANNEL = "Pick the channel to post the poll in.";
    private static final Pattern CHANNEL = Pattern.compile("[A-Z0-9]{1,64}");

    private final PollBot bot;
    private final CommandParser parser;
    private final SlackCaller callers;
    private final SlackReplyDelivery replies;
    private final SlackCreateFormRenderer renderer;
    private final BallotModalRenderer notices;
    private final SlackWeb web;
    private final SlackAcks acks;

    SlackCreateFormHandlers(
            PollBot bot,
            CommandParser parser,
            SlackCaller callers,
            SlackReplyDelivery replies,
            SlackCreateFormRenderer renderer,
            BallotModalRenderer notices,
            SlackWeb web,
            SlackAcks acks) {
        this.bot = bot;
        this.parser = parser;
        this.callers = callers;
        this.replies = replies;
        this.renderer = renderer;
        this.notices = notices;
        this.web = web;
        this.acks = acks;
    }

    // ---- opening ----

    /** {@code /poll new} in a channel: the form naming that channel; what to tell the member if it did not open. */
    Optional<SlackMessage> open(Origin origin) {
        SlackWeb.Result opened = web.openView(
                origin.teamId(), origin.triggerId(), renderer.render(Optional.of(origin.channelId()), bot.templates()));
        if (opened.ok()) {
            return Optional.empty();
        }
        log.warn("The create form did not open for team {}: {}", origin.teamId(), opened.error());
        return Optional.of(SlackReplyRenderer.problem("Slack did not open the form in time (" + opened.error()
                + "). Try `/poll new` again, or type `/poll create` with options."));
    }

    /** The global shortcut: the form asking where to post; acked once views.open answered. */
    Response onShortcut(GlobalShortcutPayload payload, GlobalShortcutContext ctx) {
        String team = payload.getTeam() == null ? null : payload.getTeam().getId();
        return acks.answer(new SlackAcks.Work<Boolean>() {
            @Override
            public CompletionStage<Boolean> run() {
                SlackWeb.Result opened =
                        web.openView(team, payload.getTriggerId(), renderer.render(Optional.empty(), bot.templates()));
                if (!opened.ok()) {
                    log.warn("The create form did not open from the shortcut for team {}: {}", team, opened.error());
                }
                return CompletableFuture.completedFuture(opened.ok());
            }

            @Override
            public Response ack(Boolean opened) {
                return ctx.ack();
            }

            @Override
            public Response slow() {
                return ctx.ack();
            }

            @Override
            public void late(Boolean opened) {
                // a shortcut has nowhere to answer: the form opened, or the log says why not
            }

            @Override
            public Boolean bug(Throwable bug) {
                log.error("The create shortcut from team {} could not be handled", team, bug);
                return false;
            }

            @Override
            public Response refused(String why) {
                log.warn("Refused the create shortcut from team {}: {}", team, why);
                return ctx.ack();
            }
        });
    }

    // ---- submitting ----

    /** Whether a submitted view is the create form (else it is a ballot). */
    static boolean isCreateForm(View view) {
        return view != null && SlackCreateFormRenderer.CALLBACK_ID.equals(view.getCallbackId());
    }

    Response onSubmission(ViewSubmissionPayload payload, ViewSubmissionContext ctx) {
        View view = payload.getView();
        Map<String, Map<String, ViewState.Value>> values =
                view.getState() == null || view.getState().getValues() == null
                        ? Map.of()
                        : view.getState().getValues();
        Optional<ActionIds.InChannel> named = ActionIds.decodeInChannel(view.getPrivateMetadata())
                .filter(inChannel -> inChannel.id().action() == ActionId.Action.CREATE_FORM);
        Optional<String> channel = named.map(ActionIds.InChannel::channelId)
                .or(() -> value(values, SlackCreateFormRenderer.CHANNEL_BLOCK))
                .filter(id -> CHANNEL.matcher(id).matches());
        if (channel.isEmpty()) {
            return ctx.ackWithErrors(Map.of(
                    named.isPresent() || !values.containsKey(SlackCreateFormRenderer.CHANNEL_BLOCK)
                            ? CreateForm.Input.TITLE.id()
                            : SlackCreateFormRenderer.CHANNEL_BLOCK,
                    PICK_CHANNEL));
        }
        Origin origin = new Origin(
                SlackHandlers.teamOf(payload),
                channel.get(),
                payload.getUser() == null ? null : payload.getUser().getId(),
                null,
                null);
        CreateForm form = new CreateForm(
                value(values, CreateForm.Input.TITLE.id()).orElse(""),
                value(values, CreateForm.Input.FIELDS.id()).orElse(""),
                value(values, CreateForm.Input.FACTORS.id()).orElse(""),
                value(values, CreateForm.Input.OPTIONS.id()).orElse(""),
                value(values, CreateForm.Input.TEMPLATE.id()).orElse(""));
        String viewId = view.getId();
        boolean picked = named.isEmpty();
        return acks.answer(new SlackAcks.Work<Outcome>() {
            @Override
            public CompletionStage<Outcome> run() {
                return submit(origin, form, picked);
            }

            @Override
            public Response ack(Outcome outcome) {
                return outcome.errors().isEmpty() ? closed(outcome) : ctx.ackWithErrors(outcome.errors());
            }

            private Response closed(Outcome outcome) {
                acks.afterwards(() -> post(origin, outcome.created()));
                return ctx.ack();
            }

            @Override
            public Response slow() {
                return ctx.ackWithUpdate(
                        notices.notice("New poll", "Creating your poll… this is taking longer than usual."));
            }

            @Override
            public void late(Outcome outcome) {
                if (outcome.errors().isEmpty()) {
                    post(origin, outcome.created());
                    web.updateView(origin.teamId(), viewId, notices.notice("New poll", "Your poll is created."));
                } else {
                    web.updateView(
                            origin.teamId(),
                            viewId,
                            notices.problem(String.join(" ", outcome.errors().values())));
                }
            }

            @Override
            public Outcome bug(Throwable bug) {
                log.error("A create form from team {} could not be handled", origin.teamId(), bug);
                return Outcome.refused(CreateForm.Input.TITLE.id(), SlackReplyRenderer.SOMETHING_WENT_WRONG);
            }

            @Override
            public Response refused(String why) {
                return ctx.ackWithErrors(Map.of(CreateForm.Input.TITLE.id(), why));
            }
        });
    }

    /** The form's end: the poll created (its reply to deliver), or errors by block id. */
    private record Outcome(BotReply created, Map<String, String> errors) {
        static Outcome refused(String block, String message) {
            return new Outcome(null, Map.of(block, message));
        }

        /** A refusal shown beside the input of {@code form} the sentence is about. */
        static Outcome refused(CreateForm form, String message) {
            return refused(form.inputOf(message).id(), message);
        }
    }

    private CompletionStage<Outcome> submit(Origin origin, CreateForm form, boolean picked) {
        Optional<Caller> caller = callers.of(origin);
        if (caller.isEmpty()) {
            return done(Outcome.refused(CreateForm.Input.TITLE.id(), SlackHandlers.UNKNOWN_SENDER));
        }
        ParseResult parsed = form.command(parser);
        if (parsed instanceof ParseResult.Invalid invalid) {
            return done(Outcome.refused(form, invalid.message()));
        }
        if (picked) {
            Optional<String> unreachable = whyNotPostable(origin);
            if (unreachable.isPresent()) {
                return done(Outcome.refused(SlackCreateFormRenderer.CHANNEL_BLOCK, unreachable.get()));
            }
        }
        BotCommand command = ((ParseResult.Parsed) parsed).command();
        return bot.handle(caller.get(), command).thenApply(reply -> {
            if (reply instanceof BotReply.PollPosted) {
                return new Outcome(reply, Map.of());
            }
            if (reply instanceof BotReply.Problem problem) {
                return Outcome.refused(form, problem.message());
            }
            log.error("A create form got a {} reply", reply.getClass().getSimpleName());
            return Outcome.refused(CreateForm.Input.TITLE.id(), SlackReplyRenderer.SOMETHING_WENT_WRONG);
        });
    }

    /**
     * Whether the poll may go in the channel the member picked: a note to them there, sent with this
     * workspace's token, reaches them only if the bot and they are in a channel of this workspace.
     */
    private Optional<String> whyNotPostable(Origin origin) {
        SlackWeb.Result noted = web.postEphemeral(
                origin.teamId(),
                origin.channelId(),
                origin.userId(),
                SlackMessage.text("Your new poll goes in this channel."));
        if (noted.ok()) {
            return Optional.empty();
        }
        log.info("The create form's channel is not usable for team {}: {}", origin.teamId(), noted.error());
        return Optional.of(
                switch (noted.error() == null ? "" : noted.error()) {
                    case "not_in_channel" ->
                        "I'm not in that channel. Invite me there with /invite @fieldpoll, " + "or pick another.";
                    case "user_not_in_channel" -> "You are not in that channel. Pick one you are in.";
                    case "channel_not_found" -> "I can't reach that channel from this workspace. Pick another.";
                    default -> "Slack did not let me post there (" + noted.error() + "). Pick another channel.";
                });
    }

    /** The poll message in the channel; the creator hears only if it could not be posted. */
    private void post(Origin origin, BotReply created) {
        replies.deliver(origin, created).thenAccept(shown -> shown.ifPresent(message -> replies.tell(origin, message)));
    }

    /** A typed value or the chosen option or conversation of the input block {@code id}; never trusted beyond that. */
    private static Optional<String> value(Map<String, Map<String, ViewState.Value>> values, String id) {
        Map<String, ViewState.Value> block = values.get(id);
        ViewState.Value value = block == null ? null : block.get(id);
        if (value == null) {
            return Optional.empty();
        }
        if (value.getSelectedOption() != null) {
            return Optional.ofNullable(value.getSelectedOption().getValue());
        }
        if (value.getSelectedConversation() != null) {
            return Optional.of(value.getSelectedConversation());
        }
        return Optional.ofNullable(value.getValue());
    }

    private static <T> CompletionStage<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }
}
