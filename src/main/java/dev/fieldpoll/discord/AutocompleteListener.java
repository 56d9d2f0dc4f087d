package dev.fieldpoll.discord;

import static dev.fieldpoll.discord.CommandRegistrations.FACTOR;
import static dev.fieldpoll.discord.CommandRegistrations.FIELD;
import static dev.fieldpoll.discord.CommandRegistrations.POLL;
import static dev.fieldpoll.discord.CommandRegistrations.TEMPLATE;
import static dev.fieldpoll.discord.CommandRegistrations.ZONE;

import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.Suggestion;
import dev.fieldpoll.poll.PollRef;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Suggestions while a member types: templates, this channel's polls, the fields and factors of
 * the poll being scored (all from PollBot, rate limited and gated like every command), and time
 * zones for a summary schedule. An answer must come within 3 seconds and cannot be deferred, so on
 * any trouble (a full queue, a shutdown) the member simply gets no suggestions. Thread-safe: it
 * keeps no state.
 */
final class AutocompleteListener extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(AutocompleteListener.class);
    static final int MAX_CHOICES = 25;
    private static final int CHOICE_NAME_MAX = 100;

    private final DiscordAdapter adapter;
    private final InteractionEdge edge;

    AutocompleteListener(DiscordAdapter adapter, InteractionEdge edge) {
        this.adapter = adapter;
        this.edge = edge;
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        if (!CommandRegistrations.COMMAND.equals(event.getName()) || !InteractionEdge.ownShard(event)) {
            return;
        }
        edge.run(
                "autocomplete of "
                        + DiscordText.loggable(event.getFocusedOption().getName()),
                () -> reply(event, choices(event)),
                () -> reply(event, List.of()));
    }

    private static void reply(CommandAutoCompleteInteractionEvent event, List<Command.Choice> choices) {
        event.replyChoices(choices)
                .queue(null, error -> log.warn("Discord refused suggestions for interaction {}", event.getId(), error));
    }

    private List<Command.Choice> choices(CommandAutoCompleteInteractionEvent event) {
        Optional<Caller> caller = adapter.caller(event);
        if (caller.isEmpty()) {
            return List.of();
        }
        String typed = event.getFocusedOption().getValue().strip().toLowerCase(Locale.ROOT);
        switch (event.getFocusedOption().getName()) {
            case TEMPLATE:
                return suggest(caller.get(), Suggestion.Kind.TEMPLATE, typed, Optional.empty());
            case ZONE:
                return ZoneSuggestions.matching(typed);
            case POLL:
                return suggest(caller.get(), Suggestion.Kind.POLL, typed, Optional.empty());
            case FIELD:
                return suggest(caller.get(), Suggestion.Kind.FIELD, typed, pollNamed(event));
            case FACTOR:
                return suggest(caller.get(), Suggestion.Kind.FACTOR, typed, pollNamed(event));
            default:
                return List.of();
        }
    }

    private List<Command.Choice> suggest(Caller caller, Suggestion.Kind kind, String typed, Optional<PollRef> poll) {
        return adapter.bot.suggest(caller, kind, typed, poll, MAX_CHOICES).stream()
                .map(choice -> new Command.Choice(DiscordText.cut(choice.label(), CHOICE_NAME_MAX), choice.value()))
                .toList();
    }

    /** The poll the member named in the poll option, else the channel's default poll. */
    private static Optional<PollRef> pollNamed(CommandAutoCompleteInteractionEvent event) {
        OptionMapping option = event.getOption(POLL);
        return SlashCommands.pollRef(option == null ? null : option.getAsString());
    }
}
