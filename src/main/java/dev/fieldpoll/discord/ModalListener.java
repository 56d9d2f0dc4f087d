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
 * Every submitted form arrives here and is answered once: the create form goes to
 * {@link CreateFormListener}; the Edit button's modal is read like a typed {@code /poll edit} of the
 * poll its id names and answered with the same ephemeral lines; any other id is unknown. The id and every value are the member's to
 * forge; PollBot checks the poll, the channel and the member's right to edit it again. Thread-safe:
 * it keeps no state.
 */
final class ModalListener extends ListenerAdapter {

    private final DiscordAdapter adapter;
    private final InteractionEdge edge;
    private final CreateFormListener createForms;

    ModalListener(DiscordAdapter adapter, InteractionEdge edge, CreateFormListener createForms) {
        this.adapter = adapter;
        this.edge = edge;
        this.createForms = createForms;
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        edge.handle(
                event,
                "form " + DiscordText.loggable(event.getModalId()),
                InteractionAnswer.Mode.REPLY,
                answer -> submit(event, answer));
    }

    private CompletionStage<Void> submit(ModalInteractionEvent event, InteractionAnswer answer) {
        Optional<ActionId> decoded = ActionIds.decode(event.getModalId());
        if (decoded.filter(form -> form.action() == ActionId.Action.CREATE_FORM).isPresent()) {
            return createForms.submit(event, answer);
        }
        Optional<ActionId> id = decoded.filter(form -> form.action() == ActionId.Action.EDIT);
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
