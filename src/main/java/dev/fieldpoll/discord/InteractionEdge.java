package dev.fieldpoll.discord;

import java.util.function.Consumer;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every interaction enters the adapter: refused politely while shutting down, counted while
 * in flight, and any bug caught, logged and turned into a friendly ephemeral line.
 */
final class InteractionEdge {

    private static final Logger log = LoggerFactory.getLogger(InteractionEdge.class);

    static final String SORRY = "Something went wrong on my side, and nothing changed. Please try again in a moment.";
    static final String RESTARTING = "fieldpoll is restarting, and nothing changed. Please try again in a minute.";

    private final Gate gate;

    InteractionEdge(Gate gate) {
        this.gate = gate;
    }

    void handle(IReplyCallback interaction, String what, Consumer<Responder> work) {
        Responder responder = new Responder(interaction);
        if (!gate.enter()) {
            responder.sorry(RESTARTING);
            return;
        }
        try {
            work.accept(responder);
        } catch (RuntimeException bug) {
            log.error(
                    "Discord {} failed (interaction {}, guild {}, user {})",
                    what,
                    interaction.getId(),
                    interaction.getGuild() == null
                            ? "-"
                            : interaction.getGuild().getId(),
                    interaction.getUser().getId(),
                    bug);
            responder.sorry(SORRY);
        } finally {
            gate.exit();
        }
    }
}
