package dev.fieldpoll.discord;

import dev.fieldpoll.bot.LifecycleGrammar;
import dev.fieldpoll.bot.ParseResult;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.ResultsVisibility;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * /poll edit, reopen, delete, forget, export and remind (issue 14): their typed options, read through
 * the core's one grammar ({@link LifecycleGrammar}) as if typed. PollBot checks every value again.
 */
final class LifecycleSubcommands {

    static final List<String> VERBS = List.of("edit", "reopen", "delete", "forget", "export", "remind");
    private static final String CONFIRM = "confirm";
    private static final String ALL = "all";
    private static final String FORMAT = "format";

    private LifecycleSubcommands() {}

    static List<SubcommandData> definitions() {
        OptionData results =
                new OptionData(OptionType.STRING, CommandRegistrations.VISIBILITY, "When members see results");
        for (ResultsVisibility visibility : ResultsVisibility.values()) {
            results.addChoice(visibility.keyword(), visibility.keyword());
        }
        return List.of(
                new SubcommandData("edit", "Change an open poll (its creator or an admin)")
                        .addOptions(
                                poll(),
                                text("add", "Fields to add, separated by ;"),
                                text("remove", "Fields to remove (their answers are kept), separated by ;"),
                                text("rename", "Renames, like: Evals => Evaluations; A => B"),
                                new OptionData(OptionType.STRING, CommandRegistrations.TITLE, "A new title")
                                        .setMaxLength(Poll.MAX_TITLE_LENGTH),
                                closes(),
                                results),
                new SubcommandData("reopen", "Open a closed poll again (its creator or an admin)")
                        .addOptions(poll(), closes()),
                new SubcommandData("delete", "Delete a poll and every answer in it (its creator or an admin)")
                        .addOptions(poll(), new OptionData(OptionType.BOOLEAN, CONFIRM, "Yes, delete it now")),
                new SubcommandData("forget", "Delete your own answers, in one poll or in all")
                        .addOptions(
                                poll(),
                                new OptionData(OptionType.BOOLEAN, ALL, "In every poll of this server"),
                                new OptionData(OptionType.BOOLEAN, CONFIRM, "Yes, delete them now")),
                new SubcommandData("export", "The poll's answers as a file, voters as pseudonyms (admins)")
                        .addOptions(
                                poll(),
                                new OptionData(OptionType.STRING, FORMAT, "csv (default) or json")
                                        .addChoice("csv", "csv")
                                        .addChoice("json", "json")),
                new SubcommandData("remind", "Post the closing reminder now, with participation (admins)")
                        .addOptions(poll()));
    }

    /** The subcommand read through the grammar: named options as options, flags as the words they stand for. */
    static ParseResult read(String verb, SlashCommands.Options typed) throws SlashCommands.Unreadable {
        Map<String, String> options = new LinkedHashMap<>();
        for (String name : List.of(
                CommandRegistrations.POLL,
                "add",
                "remove",
                "rename",
                CommandRegistrations.TITLE,
                CommandRegistrations.CLOSES,
                CommandRegistrations.VISIBILITY)) {
            SlashCommands.text(typed, name).ifPresent(value -> options.put(name, value));
        }
        List<String> words = new ArrayList<>();
        if (typed.flag(ALL).orElse(false)) {
            words.add(ALL);
            options.remove(CommandRegistrations.POLL);
        }
        SlashCommands.text(typed, FORMAT).ifPresent(words::add);
        if (typed.flag(CONFIRM).orElse(false)) {
            words.add(CONFIRM);
        }
        return LifecycleGrammar.read(verb, words, options);
    }

    private static OptionData poll() {
        return new OptionData(
                        OptionType.STRING,
                        CommandRegistrations.POLL,
                        "Which poll (default: this channel's open poll)",
                        false,
                        true)
                .setMaxLength(Poll.MAX_TITLE_LENGTH);
    }

    private static OptionData text(String name, String description) {
        return new OptionData(OptionType.STRING, name, description).setMaxLength(CommandRegistrations.LIST_MAX_LENGTH);
    }

    private static OptionData closes() {
        return new OptionData(
                        OptionType.STRING,
                        CommandRegistrations.CLOSES,
                        "When it closes: 3d, 12h, 2w or a date like 2026-12-24")
                .setMaxLength(32);
    }
}
