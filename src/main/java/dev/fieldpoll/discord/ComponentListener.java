package dev.fieldpoll.discord;

import dev.fieldpoll.bot.ActionId;
import dev.fieldpoll.bot.ActionId.Action;
import dev.fieldpoll.bot.ActionIds;
import dev.fieldpoll.bot.BotCommand;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.LifecycleGrammar;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.PollRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.GenericComponentInteractionCreateEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/**
 * Buttons and selects: the poll message's Vote, Results, My votes and Edit, and the ballot's selects,
 * Back, Next and Done. Every id is decoded by the one codec and checked again by PollBot; an id
 * that is forged, stale, or used where it does not belong gets an ephemeral refusal. A choice on the
 * ballot is answered by the ballot itself, redrawn once the vote is committed. Thread-safe: it keeps
 * no state.
 */
final class ComponentListener extends ListenerAdapter {

    static final String UNKNOWN =
            "I don't recognise that button. Open the poll again from its message or with `/poll vote`.";

    /** Actions of buttons; ANSWER only comes from a select, SUBMIT only from Slack's modals. */
    private static final Set<Action> BUTTON_ACTIONS = Set.of(
            Action.VOTE,
            Action.RESULTS,
            Action.MINE,
            Action.PAGE,
            Action.DONE,
            Action.DELETE,
            Action.FORGET,
            Action.KEEP,
            Action.EDIT);
    /** Actions that edit the member's own ephemeral ballot, never a message others see. */
    private static final Set<Action> BALLOT_ACTIONS = Set.of(Action.PAGE, Action.DONE, Action.ANSWER, Action.KEEP);

    private final DiscordAdapter adapter;
    private final InteractionEdge edge;

    ComponentListener(DiscordAdapter adapter, InteractionEdge edge) {
        this.adapter = adapter;
        this.edge = edge;
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        handle(event, "button", BUTTON_ACTIONS, List.of());
    }

    @Override
    public void onStringSelectInteraction(StringSelectInteractionEvent event) {
        handle(event, "select", Set.of(Action.ANSWER), event.getValues());
    }

    /**
     * Ballot actions answer on the message clicked, and only ever on the member's own ephemeral
     * ballot; an id that is forged, stale, or used where it does not belong is refused in a reply.
     */
    private void handle(
            GenericComponentInteractionCreateEvent event, String kind, Set<Action> allowed, List<String> values) {
        Optional<ActionId> decoded =
                ActionIds.decode(event.getComponentId()).filter(id -> allowed.contains(id.action()));
        boolean onBallot = decoded.isPresent()
                && BALLOT_ACTIONS.contains(decoded.get().action())
                && isEphemeral(event.getMessage());
        InteractionAnswer.Mode mode = !onBallot
                ? InteractionAnswer.Mode.REPLY
                : decoded.get().action() == Action.ANSWER
                        ? InteractionAnswer.Mode.VOTE_ON_BALLOT
                        : InteractionAnswer.Mode.BALLOT;
        edge.handle(
                event,
                kind + " " + DiscordText.loggable(event.getComponentId()),
                mode,
                answer -> handle(
                        event,
                        answer,
                        decoded.filter(id -> onBallot || !BALLOT_ACTIONS.contains(id.action())),
                        values));
    }

    private CompletionStage<Void> handle(
            GenericComponentInteractionCreateEvent event,
            InteractionAnswer answer,
            Optional<ActionId> decoded,
            List<String> values) {
        if (decoded.isEmpty()) {
            answer.tell(ReplyRenderer.problem(UNKNOWN));
            return ReplyDelivery.done();
        }
        Optional<Caller> caller = adapter.caller(event);
        if (caller.isEmpty()) {
            answer.tell(ReplyRenderer.problem(DiscordAdapter.GUILDS_ONLY));
            return ReplyDelivery.done();
        }
        ActionId id = decoded.get();
        PollRef poll = new PollRef.ById(id.pollId());
        switch (id.action()) {
            case VOTE:
                return ask(caller.get(), new BotCommand.OpenBallot(poll), replying(event, answer));
            case RESULTS:
                return ask(caller.get(), new BotCommand.Results(poll, false), replying(event, answer));
            case MINE:
                return ask(caller.get(), new BotCommand.Mine(poll), replying(event, answer));
            case PAGE:
                return ask(
                        caller.get(),
                        new BotCommand.OpenBallot(poll),
                        new BallotDelivery(adapter, answer, page(id), Optional.empty()));
            case DONE:
                return ask(
                        caller.get(),
                        new BotCommand.Mine(poll),
                        new BallotDelivery(adapter, answer, 0, Optional.empty()));
            case ANSWER:
                return answer(caller.get(), id, values, answer);
            case DELETE:
            case FORGET:
                return ask(caller.get(), LifecycleGrammar.confirmed(id).orElseThrow(), replying(event, answer));
            case EDIT:
                return ask(caller.get(), new BotCommand.OpenEditForm(poll), replying(event, answer));
            case KEEP:
                return ask(
                        caller.get(),
                        new BotCommand.KeepAnswers(poll),
                        new BallotDelivery(adapter, answer, 0, Optional.empty()));
            default:
                // SUBMIT only comes from Slack's modals, and the set of allowed actions left it out
                answer.tell(ReplyRenderer.problem(UNKNOWN));
                return ReplyDelivery.done();
        }
    }

    private ReplyDelivery replying(GenericComponentInteractionCreateEvent event, InteractionAnswer answer) {
        return new ReplyDelivery(adapter, answer, event.getChannel());
    }

    private CompletionStage<Void> ask(Caller caller, BotCommand command, ReplyDelivery delivery) {
        return adapter.handle(caller, command).thenCompose(reply -> reply.accept(delivery));
    }

    /** The page a PAGE id names; -1 (no page) for anything but a small number. */
    private static int page(ActionId id) {
        String page = id.arguments().get(0);
        return page.matches("\\d{1,4}") ? Integer.parseInt(page) : -1;
    }

    private CompletionStage<Void> answer(Caller caller, ActionId id, List<String> values, InteractionAnswer answer) {
        if (values.size() > 1) {
            answer.tell(ReplyRenderer.problem("Pick one answer per field and factor."));
            return ReplyDelivery.done();
        }
        CellKey cell = new CellKey(id.arguments().get(0), id.arguments().get(1));
        // Nothing selected: the member took their choice back.
        String value = values.isEmpty() ? "clear" : values.get(0);
        return ask(
                caller,
                new BotCommand.SetAnswers(id.pollId(), Map.of(cell, value)),
                new BallotDelivery(adapter, answer, 0, Optional.of(cell)));
    }

    private static boolean isEphemeral(Message message) {
        return message != null && message.isEphemeral();
    }
}
