package dev.fieldpoll.discord;

import java.util.function.Consumer;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one interaction: acknowledge first (an ephemeral "thinking…" reply, or a silent edit of
 * the ephemeral ballot the member clicked), then show the result. Discord's answer to each call
 * is only logged: a member never sees a stack trace.
 */
final class Responder {

    private static final Logger log = LoggerFactory.getLogger(Responder.class);

    private final IReplyCallback interaction;
    private boolean editsBallot;

    Responder(IReplyCallback interaction) {
        this.interaction = interaction;
    }

    /** Acknowledges with an ephemeral reply to come: only the member sees what follows. */
    void deferReply() {
        interaction.deferReply(true).queue(null, failed("acknowledge"));
    }

    /** Acknowledges a click on the member's own ephemeral message, which the answer then replaces. */
    void deferEdit(IMessageEditCallback component) {
        editsBallot = true;
        component.deferEdit().queue(null, failed("acknowledge"));
    }

    /** Shows a message in place of the deferred reply, or of the ballot clicked. */
    void show(MessageEditData message) {
        interaction.getHook().editOriginal(message).queue(null, failed("answer"));
    }

    /**
     * Tells the member something without losing the ballot they are on: after a ballot click a
     * separate ephemeral message, else the deferred reply itself.
     */
    void tell(MessageEditData message) {
        if (editsBallot) {
            interaction
                    .getHook()
                    .sendMessage(MessageCreateBuilder.fromEditData(message).build())
                    .setEphemeral(true)
                    .queue(null, failed("answer"));
        } else {
            show(message);
        }
    }

    /** The last resort after a bug: a friendly line, however far the interaction got. */
    void sorry(String text) {
        if (interaction.isAcknowledged()) {
            tell(Messages.text(text));
        } else {
            interaction.reply(text).setEphemeral(true).queue(null, failed("answer"));
        }
    }

    private Consumer<Throwable> failed(String what) {
        return error ->
                log.warn("Discord refused to {} interaction {}: {}", what, interaction.getId(), error.toString());
    }
}
