package dev.fieldpoll.discord;

import static dev.fieldpoll.discord.CommandRegistrations.FACTOR;
import static dev.fieldpoll.discord.CommandRegistrations.FIELD;
import static dev.fieldpoll.discord.CommandRegistrations.POLL;
import static dev.fieldpoll.discord.CommandRegistrations.TEMPLATE;
import static dev.fieldpoll.discord.CommandRegistrations.ZONE;

import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.poll.Outcomes;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollRef;
import dev.fieldpoll.poll.PollStatus;
import dev.fieldpoll.poll.Template;
import java.util.ArrayList;
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
 * the poll being scored, and time zones for a summary schedule. Read-only; an answer must come
 * within 3 seconds and cannot be deferred, so on any trouble the member simply gets no suggestions.
 */
final class AutocompleteListener extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(AutocompleteListener.class);
    static final int MAX_CHOICES = 25;
    private static final int CHOICE_NAME_MAX = 100;

    private final DiscordAdapter adapter;

    AutocompleteListener(DiscordAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        if (!CommandRegistrations.COMMAND.equals(event.getName())) {
            return;
        }
        List<Command.Choice> choices;
        try {
            choices = choices(event);
        } catch (RuntimeException bug) {
            log.error(
                    "Discord autocomplete failed (interaction {}, option {})",
                    event.getId(),
                    DiscordText.loggable(event.getFocusedOption().getName()),
                    bug);
            choices = List.of();
        }
        event.replyChoices(choices)
                .queue(
                        null,
                        error -> log.warn(
                                "Discord refused suggestions for interaction {}: {}", event.getId(), error.toString()));
    }

    private List<Command.Choice> choices(CommandAutoCompleteInteractionEvent event) {
        Optional<Caller> caller = adapter.caller(event);
        if (caller.isEmpty()) {
            return List.of();
        }
        String typed = event.getFocusedOption().getValue().strip().toLowerCase(Locale.ROOT);
        switch (event.getFocusedOption().getName()) {
            case TEMPLATE:
                return templates(typed);
            case ZONE:
                return ZoneSuggestions.matching(typed);
            case POLL:
                return polls(caller.get(), typed);
            case FIELD:
                return poll(event, caller.get())
                        .map(poll -> matching(
                                typed,
                                poll.definition().fields().stream()
                                        .map(field -> new Command.Choice(cut(field.name()), field.key()))
                                        .toList()))
                        .orElse(List.of());
            case FACTOR:
                return poll(event, caller.get())
                        .map(poll -> matching(
                                typed,
                                poll.definition().factors().stream()
                                        .map(factor -> new Command.Choice(cut(factor.name()), factor.key()))
                                        .toList()))
                        .orElse(List.of());
            default:
                return List.of();
        }
    }

    private List<Command.Choice> templates(String typed) {
        List<Command.Choice> all = new ArrayList<>();
        for (Template template : adapter.polls.templates().all()) {
            all.add(new Command.Choice(cut(template.title() + " (" + template.key() + ")"), template.key()));
        }
        return matching(typed, all);
    }

    private List<Command.Choice> polls(Caller caller, String typed) {
        List<Command.Choice> all = new ArrayList<>();
        for (Outcomes.Listing listing : adapter.polls.list(caller.member()).polls()) {
            Poll poll = listing.poll();
            String status = listing.status() == PollStatus.OPEN ? "open" : "closed";
            all.add(new Command.Choice(
                    cut("#" + poll.id() + " " + poll.title() + " (" + status + ")"), Long.toString(poll.id())));
        }
        return matching(typed, all);
    }

    /** The poll the member named in the poll option, else the channel's default poll. */
    private Optional<Poll> poll(CommandAutoCompleteInteractionEvent event, Caller caller) {
        OptionMapping option = event.getOption(POLL);
        Optional<PollRef> ref = SlashCommands.pollRef(option == null ? null : option.getAsString());
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        Outcomes.Lookup lookup = adapter.polls.find(caller.member(), ref.get());
        return lookup instanceof Outcomes.Found found ? Optional.of(found.poll()) : Optional.empty();
    }

    private static List<Command.Choice> matching(String typed, List<Command.Choice> choices) {
        return choices.stream()
                .filter(choice -> typed.isEmpty()
                        || choice.getName().toLowerCase(Locale.ROOT).contains(typed)
                        || choice.getAsString().contains(typed))
                .limit(MAX_CHOICES)
                .toList();
    }

    private static String cut(String text) {
        return DiscordText.cut(text, CHOICE_NAME_MAX);
    }
}
