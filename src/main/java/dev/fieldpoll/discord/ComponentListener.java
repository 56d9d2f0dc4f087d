package dev.fieldpoll.discord;

import dev.fieldpoll.bot.ActionId;
import dev.fieldpoll.bot.ActionId.Action;
import dev.fieldpoll.bot.ActionIds;
import dev.fieldpoll.bot.BotCommand;
import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.PollRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.GenericComponentInteractionCreateEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/**
 * Buttons and selects: the poll message's Vote, Results and My votes, and the ballot's selects,
 * Back, Next and Done. Every id is decoded by the one codec and checked again by PollBot; an id
 * that is forged, stale, or used where it does not belong gets an ephemeral refusal.
 */
final class ComponentListener extends ListenerAdapter {

    static final String UNKNOWN =
            "I don't recognise that button. Open the poll again from its message or with `/poll vote`.";
    static final String NOT_A_PAGE = "That ballot page does not exist. Open your ballot again with `/poll vote`.";

    /** Actions of buttons; ANSWER only comes from a select, SUBMIT only from Slack's modals. */
    private static final Set<Action> BUTTON_ACTIONS =
            Set.of(Action.VOTE, Action.RESULTS, Action.MINE, Action.PAGE, Action.DONE);
    /** Actions that edit the member's own ephemeral ballot, never a message others see. */
    private static final Set<Action> BALLOT_ACTIONS = Set.of(Action.PAGE, Action.DONE, Action.ANSWER);

    private final DiscordAdapter adapter;
    private final InteractionEdge edge;

    ComponentListener(DiscordAdapter adapter, InteractionEdge edge) {
        this.adapter = adapter;
        this.edge = edge;
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        edge.handle(
                event,
                "button " + DiscordText.loggable(event.getComponentId()),
                responder -> handle(event, responder, BUTTON_ACTIONS, List.of()));
    }

    @Override
    public void onStringSelectInteraction(StringSelectInteractionEvent event) {
        edge.handle(
                event,
                "select " + DiscordText.loggable(event.getComponentId()),
                responder -> handle(event, responder, Set.of(Action.ANSWER), event.getValues()));
    }

    private void handle(
            GenericComponentInteractionCreateEvent event,
            Responder responder,
            Set<Action> allowed,
            List<String> values) {
        Optional<ActionId> decoded =
                ActionIds.decode(event.getComponentId()).filter(id -> allowed.contains(id.action()));
        // Ballot actions edit the message clicked: only ever the member's own ephemeral ballot.
        if (decoded.isPresent() && BALLOT_ACTIONS.contains(decoded.get().action()) && isEphemeral(event.getMessage())) {
            responder.deferEdit(event);
        } else {
            responder.deferReply();
            if (decoded.isEmpty() || BALLOT_ACTIONS.contains(decoded.get().action())) {
                responder.show(ReplyRenderer.problem(UNKNOWN));
                return;
            }
        }
        Optional<Caller> caller = adapter.caller(event);
        if (caller.isEmpty()) {
            responder.show(ReplyRenderer.problem(DiscordAdapter.GUILDS_ONLY));
            return;
        }
        ActionId id = decoded.get();
        PollRef poll = new PollRef.ById(id.pollId());
        switch (id.action()) {
            case VOTE:
                ballot(responder, adapter.handle(caller.get(), new BotCommand.OpenBallot(poll)), 0);
                break;
            case RESULTS:
                responder.show(
                        adapter.replies.render(adapter.handle(caller.get(), new BotCommand.Results(poll, false))));
                break;
            case MINE:
                responder.show(adapter.replies.render(adapter.handle(caller.get(), new BotCommand.Mine(poll))));
                break;
            case PAGE:
                ballot(responder, adapter.handle(caller.get(), new BotCommand.OpenBallot(poll)), page(id));
                break;
            case DONE:
                done(responder, adapter.handle(caller.get(), new BotCommand.Mine(poll)));
                break;
            case ANSWER:
                answer(responder, caller.get(), id, values);
                break;
            default:
                responder.tell(ReplyRenderer.problem(UNKNOWN));
        }
    }

    /** The page a PAGE id names; -1 (no page) for anything but a small number. */
    private static int page(ActionId id) {
        String page = id.arguments().get(0);
        return page.matches("\\d{1,4}") ? Integer.parseInt(page) : -1;
    }

    private void ballot(Responder responder, BotReply reply, int page) {
        if (reply instanceof BotReply.BallotView view) {
            if (!new BallotPages(view.poll().definition()).has(page)) {
                responder.tell(ReplyRenderer.problem(NOT_A_PAGE));
                return;
            }
            responder.show(adapter.ballots.page(view.poll(), view.ballot(), page, null));
            return;
        }
        responder.tell(adapter.replies.render(reply));
    }

    private void done(Responder responder, BotReply reply) {
        if (reply instanceof BotReply.MyBallot mine) {
            responder.show(adapter.ballots.recap(mine.poll(), mine.ballot()));
            return;
        }
        responder.tell(adapter.replies.render(reply));
    }

    private void answer(Responder responder, Caller caller, ActionId id, List<String> values) {
        if (values.size() > 1) {
            responder.tell(ReplyRenderer.problem("Pick one answer per field and factor."));
            return;
        }
        CellKey cell = new CellKey(id.arguments().get(0), id.arguments().get(1));
        // Nothing selected: the member took their choice back.
        String value = values.isEmpty() ? "clear" : values.get(0);
        BotReply reply = adapter.handle(caller, new BotCommand.SetAnswers(id.pollId(), Map.of(cell, value)));
        if (reply instanceof BotReply.VoteSaved saved) {
            adapter.votesChanged(saved.poll().id());
            int page = new BallotPages(saved.poll().definition()).pageOf(cell);
            responder.show(adapter.ballots.page(saved.poll(), saved.ballot(), page, ReplyRenderer.savedNote(saved)));
            return;
        }
        responder.tell(adapter.replies.render(reply));
    }

    private static boolean isEphemeral(Message message) {
        return message != null && message.isEphemeral();
    }
}
