package dev.fieldpoll.discord;

import dev.fieldpoll.bot.ActionId;
import dev.fieldpoll.bot.ActionIds;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.LifecycleGrammar;
import dev.fieldpoll.bot.ParseResult;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;

/**
 * Submitted forms: the Edit button's modal, read like a typed {@code /poll edit} of the poll its id
 * names and answered with the same ephemeral lines. The id and every value are the member's to
 * forge; PollBot checks the poll, the channel and the member's right to edit it again. Thread-safe:
 * it keeps no state.
 */
final class ModalListener extends ListenerAdapter {

    private final DiscordAdapter adapter;
    private final InteractionEdge edge;

    ModalListener(DiscordAdapter adapter, InteractionEdge edge) {
        this.adapter = adapter;
        this.edge = edge;
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        if (ActionIds.decode(event.getModalId())
                .filter(decoded -> decoded.action() == ActionId.Action.CREATE_FORM)
                .isPresent()) {
            return; // the create form is CreateFormListener's; every other modal is answered here, once
        }
        edge.handle(
                event,
                "form " + DiscordText.loggable(event.getModalId()),
                InteractionAnswer.Mode.REPLY,
                answer -> submit(event, answer));
    }

    private CompletionStage<Void> submit(ModalInteractionEvent event, InteractionAnswer answer) {
        Optional<ActionId> id =
                ActionIds.decode(event.getModalId()).filter(decoded -> decoded.action() == ActionId.Action.EDIT);
        if (id.isEmpty()) {
            answer.tell(ReplyRenderer.problem(ComponentListener.UNKNOWN));
            return ReplyDelivery.done();
        }
        Optional<Caller> caller = adapter.caller(event);
        if (caller.isEmpty()) {
            answer.tell(ReplyRenderer.problem(DiscordAdapter.GUILDS_ONLY));
            return ReplyDelivery.done();
        }
        Map<String, String> inputs = new HashMap<>();
        for (ModalMapping value : event.getValues()) {
            inputs.put(value.getCustomId(), value.getAsString());
        }
        ParseResult parsed = LifecycleGrammar.formEdit(id.get().pollId(), inputs);
        if (parsed instanceof ParseResult.Invalid invalid) {
            answer.tell(ReplyRenderer.problem(invalid.message()));
            return ReplyDelivery.done();
        }
        return adapter.handle(caller.get(), ((ParseResult.Parsed) parsed).command())
                .thenCompose(reply -> reply.accept(new ReplyDelivery(adapter, answer, event.getMessageChannel())));
    }
}
