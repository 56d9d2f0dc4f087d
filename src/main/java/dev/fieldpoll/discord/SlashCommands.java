package dev.fieldpoll.discord;

import static dev.fieldpoll.discord.CommandRegistrations.ANNOUNCE;
import static dev.fieldpoll.discord.CommandRegistrations.CLOSE;
import static dev.fieldpoll.discord.CommandRegistrations.CLOSES;
import static dev.fieldpoll.discord.CommandRegistrations.CREATE;
import static dev.fieldpoll.discord.CommandRegistrations.FACTOR;
import static dev.fieldpoll.discord.CommandRegistrations.FACTORS;
import static dev.fieldpoll.discord.CommandRegistrations.FIELD;
import static dev.fieldpoll.discord.CommandRegistrations.FIELDS;
import static dev.fieldpoll.discord.CommandRegistrations.HELP;
import static dev.fieldpoll.discord.CommandRegistrations.KEEP;
import static dev.fieldpoll.discord.CommandRegistrations.LIST;
import static dev.fieldpoll.discord.CommandRegistrations.MINE;
import static dev.fieldpoll.discord.CommandRegistrations.PAGE;
import static dev.fieldpoll.discord.CommandRegistrations.POLL;
import static dev.fieldpoll.discord.CommandRegistrations.PUBLIC;
import static dev.fieldpoll.discord.CommandRegistrations.REMIND;
import static dev.fieldpoll.discord.CommandRegistrations.RERUN;
import static dev.fieldpoll.discord.CommandRegistrations.RESULTS;
import static dev.fieldpoll.discord.CommandRegistrations.SCORE;
import static dev.fieldpoll.discord.CommandRegistrations.SCORE_OPTION;
import static dev.fieldpoll.discord.CommandRegistrations.SUMMARY;
import static dev.fieldpoll.discord.CommandRegistrations.TEMPLATE;
import static dev.fieldpoll.discord.CommandRegistrations.TITLE;
import static dev.fieldpoll.discord.CommandRegistrations.VISIBILITY;
import static dev.fieldpoll.discord.CommandRegistrations.VOTE;
import static dev.fieldpoll.discord.CommandRegistrations.VOTERS;

import dev.fieldpoll.bot.BotCommand;
import dev.fieldpoll.bot.ClosesAt;
import dev.fieldpoll.bot.CommandParser;
import dev.fieldpoll.bot.ParseResult;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollRef;
import dev.fieldpoll.poll.ResultsVisibility;
import java.util.List;
import java.util.Optional;

/**
 * Turns /poll's typed options into the core's commands. Only syntax is read here (lists,
 * durations, keywords, lengths); PollBot decides whether a template, field, score or poll is valid.
 */
final class SlashCommands {

    private static final int TEXT_MAX = 2100;

    private SlashCommands() {}

    /** The typed options of one invocation, by name; absent options are empty. */
    interface Options {
        Optional<String> text(String name);

        Optional<Boolean> flag(String name);
    }

    /** One invocation: {@code group} is null for the plain subcommands, "summary" for the summary ones. */
    static ParseResult command(String group, String subcommand, Options options) {
        try {
            if (group == null && LifecycleSubcommands.VERBS.contains(subcommand)) {
                return LifecycleSubcommands.read(subcommand, options);
            }
            return new ParseResult.Parsed(
                    group == null
                            ? read(subcommand == null ? HELP : subcommand, options)
                            : readInGroup(group, subcommand, options));
        } catch (Unreadable unreadable) {
            return new ParseResult.Invalid(unreadable.getMessage());
        }
    }

    private static BotCommand readInGroup(String group, String subcommand, Options options) throws Unreadable {
        if (!SUMMARY.equals(group)) {
            throw new Unreadable("I don't know `/poll " + cut(group) + "`. Try `/poll help`.");
        }
        return SummarySubcommands.read(subcommand == null ? "" : subcommand, options);
    }

    private static BotCommand read(String subcommand, Options options) throws Unreadable {
        switch (subcommand) {
            case CREATE:
                return create(options);
            case VOTE:
                return new BotCommand.OpenBallot(poll(options));
            case SCORE:
                return new BotCommand.Vote(
                        poll(options),
                        required(options, FIELD),
                        List.of(new BotCommand.FactorScore(
                                required(options, FACTOR), required(options, SCORE_OPTION))));
            case RESULTS:
                return results(options);
            case MINE:
                return new BotCommand.Mine(poll(options));
            case LIST:
                return new BotCommand.ListPolls();
            case CLOSE:
                return new BotCommand.Close(poll(options));
            case RERUN:
                return new BotCommand.Rerun(poll(options), closes(options));
            case KEEP:
                return new BotCommand.KeepAnswers(poll(options));
            case HELP:
                return new BotCommand.Help();
            default:
                throw new Unreadable("I don't know `/poll " + cut(subcommand) + "`. Try `/poll help`.");
        }
    }

    /** {@code page:public} or {@code page:private} shares the results page instead of showing results. */
    private static BotCommand results(Options options) throws Unreadable {
        Optional<String> page = text(options, PAGE);
        if (page.isEmpty()) {
            return new BotCommand.Results(poll(options), options.flag(PUBLIC).orElse(false));
        }
        return switch (page.get()) {
            case "public" -> new BotCommand.SharePage(poll(options), true);
            case "private" -> new BotCommand.SharePage(poll(options), false);
            default -> throw new Unreadable("page takes public or private.");
        };
    }

    /** The closes option, read by the one grammar's reader. */
    private static Optional<ClosesAt> closes(Options options) throws Unreadable {
        Optional<String> closesText = text(options, CLOSES);
        if (closesText.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CommandParser.closes(closesText.get()));
        } catch (CommandParser.SyntaxException unreadable) {
            throw new Unreadable(unreadable.getMessage());
        }
    }

    private static BotCommand create(Options options) throws Unreadable {
        Optional<ClosesAt> closes = closes(options);
        Optional<ResultsVisibility> results = Optional.empty();
        Optional<String> resultsText = text(options, VISIBILITY);
        if (resultsText.isPresent()) {
            results = Optional.of(ResultsVisibility.fromKeyword(resultsText.get())
                    .orElseThrow(() -> new Unreadable("results takes after-vote, live or after-close.")));
        }
        Optional<String> voters = text(options, VOTERS);
        if (voters.isPresent() && !voters.get().matches("\\d{1,20}")) {
            throw new Unreadable("voters must be a role of this server.");
        }
        List<String> title = text(options, TITLE).map(List::of).orElse(List.of());
        return new BotCommand.Create(
                title,
                text(options, TEMPLATE),
                closes,
                results,
                text(options, FIELDS).map(CommandParser::list).orElse(List.of()),
                text(options, FACTORS).map(CommandParser::list).orElse(List.of()),
                voters,
                options.flag(REMIND).orElse(true),
                options.flag(ANNOUNCE).orElse(true),
                false);
    }

    private static PollRef poll(Options options) throws Unreadable {
        return pollRef(text(options, POLL).orElse(null))
                .orElseThrow(() -> new Unreadable("Name a poll by its id or the start of its title (at most "
                        + Poll.MAX_TITLE_LENGTH + " characters)."));
    }

    /** The poll option: an id (autocomplete fills "12"), a title prefix, or blank for the channel's poll. */
    static Optional<PollRef> pollRef(String text) {
        if (text != null && text.strip().length() > Poll.MAX_TITLE_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(PollRef.parse(text));
    }

    static String required(Options options, String name) throws Unreadable {
        return text(options, name).orElseThrow(() -> new Unreadable("`" + name + "` is missing."));
    }

    /** A typed option, stripped; blank counts as absent, over-long text is refused. */
    static Optional<String> text(Options options, String name) throws Unreadable {
        Optional<String> value = options.text(name).map(String::strip).filter(text -> !text.isEmpty());
        if (value.isPresent() && value.get().length() > TEXT_MAX) {
            throw new Unreadable("`" + name + "` is too long (over " + TEXT_MAX + " characters).");
        }
        return value;
    }

    static String cut(String text) {
        return DiscordText.cut(text.replace("`", ""), 32);
    }

    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }
}
