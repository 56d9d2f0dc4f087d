package dev.fieldpoll.slack;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import dev.fieldpoll.bot.ActionId;
import dev.fieldpoll.bot.ActionIds;
import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.LifecycleGrammar;
import dev.fieldpoll.bot.ParseResult;
import dev.fieldpoll.bot.PollBot;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submissions of the Edit button's form: read like a typed {@code /poll edit} of the poll and channel
 * its private_metadata names (both checked again by PollBot, with the member's right to edit), acked
 * after the commit. A change closes the form and tells the member in the channel what changed; a
 * refusal stays in the form, beside the input it is about ({@code response_action: errors}).
 * Thread-safe: it keeps no state of its own.
 */
final class SlackEditHandlers {

    private static final Logger log = LoggerFactory.getLogger(SlackEditHandlers.class);

    private final PollBot bot;
    private final SlackCaller callers;
    private final SlackReplyDelivery replies;
    private final BallotModalRenderer notices;
    private final SlackWeb web;
    private final SlackAcks acks;
    private final SlackReplyRenderer texts = new SlackReplyRenderer();

    SlackEditHandlers(
            PollBot bot,
            SlackCaller callers,
            SlackReplyDelivery replies,
            BallotModalRenderer notices,
            SlackWeb web,
            SlackAcks acks) {
        this.bot = bot;
        this.callers = callers;
        this.replies = replies;
        this.notices = notices;
        this.web = web;
        this.acks = acks;
    }

    /** How a submission ends: errors beside inputs, or the form closed and {@code reply} told in the channel. */
    private record Outcome(Map<String, String> errors, Optional<BotReply> reply) {
        static Outcome error(String block, String message) {
            return new Outcome(Map.of(block, message), Optional.empty());
        }
    }

    Response onSubmission(ViewSubmissionPayload payload, ViewSubmissionContext ctx) {
        View view = payload.getView();
        Optional<ActionIds.InChannel> id = ActionIds.decodeInChannel(view.getPrivateMetadata())
                .filter(found -> found.id().action() == ActionId.Action.EDIT);
        if (id.isEmpty()) {
            log.info("Refused an edit form from team {}: its id did not decode", SlackHandlers.teamOf(payload));
            return ctx.ackWithUpdate(notices.problem(SlackHandlers.NOT_MINE));
        }
        Map<String, String> inputs = SlackEditModalRenderer.values(view);
        Origin origin = new Origin(
                SlackHandlers.teamOf(payload),
                id.get().channelId(),
                payload.getUser() == null ? null : payload.getUser().getId(),
                null,
                null);
        return acks.answer(new SlackAcks.Work<Outcome>() {
            @Override
            public CompletionStage<Outcome> run() {
                return submit(origin, id.get().id().pollId(), inputs);
            }

            @Override
            public Response ack(Outcome outcome) {
                if (!outcome.errors().isEmpty()) {
                    return ctx.ackWithErrors(outcome.errors());
                }
                outcome.reply().ifPresent(reply -> acks.afterwards(() -> replies.tell(origin, texts.render(reply))));
                return ctx.ack();
            }

            @Override
            public Response slow() {
                return ctx.ackWithUpdate(
                        notices.notice("Saving", "Saving your changes… this is taking longer than usual."));
            }

            @Override
            public void late(Outcome outcome) {
                if (!outcome.errors().isEmpty()) {
                    web.updateView(
                            origin.teamId(),
                            view.getId(),
                            notices.problem(String.join(" ", outcome.errors().values())));
                    return;
                }
                outcome.reply().ifPresent(reply -> {
                    web.updateView(
                            origin.teamId(),
                            view.getId(),
                            notices.notice("Saved", texts.render(reply).text()));
                    replies.tell(origin, texts.render(reply));
                });
            }

            @Override
            public Outcome bug(Throwable bug) {
                log.error("An edit form from team {} could not be handled", origin.teamId(), bug);
                return Outcome.error("title", SlackReplyRenderer.SOMETHING_WENT_WRONG);
            }

            @Override
            public Response refused(String why) {
                return ctx.ackWithErrors(Map.of("title", why));
            }
        });
    }

    private CompletionStage<Outcome> submit(Origin origin, long pollId, Map<String, String> inputs) {
        Optional<Caller> caller = callers.of(origin);
        if (caller.isEmpty()) {
            return CompletableFuture.completedFuture(Outcome.error("title", SlackHandlers.UNKNOWN_SENDER));
        }
        ParseResult parsed = LifecycleGrammar.formEdit(pollId, inputs);
        if (parsed instanceof ParseResult.Invalid invalid) {
            return CompletableFuture.completedFuture(
                    Outcome.error(SlackEditModalRenderer.blockOf(invalid.message(), inputs), invalid.message()));
        }
        return bot.handle(caller.get(), ((ParseResult.Parsed) parsed).command())
                .thenApply(reply -> reply instanceof BotReply.Problem problem
                        ? Outcome.error(SlackEditModalRenderer.blockOf(problem.message(), inputs), problem.message())
                        : new Outcome(Map.of(), Optional.of(reply)));
    }
}
