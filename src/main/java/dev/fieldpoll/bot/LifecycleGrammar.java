package dev.fieldpoll.bot;

import dev.fieldpoll.bot.CommandParser.SyntaxException;
import dev.fieldpoll.poll.PollRef;
import dev.fieldpoll.poll.ResultsVisibility;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The life of a poll after it is posted (issue 14): {@code edit [poll] add:"A; B" remove:"C"
 * rename:"C => New" title:"…" closes:… results:…}, {@code reopen [poll] [closes:…]}, {@code delete
 * [poll] [confirm]}, {@code forget [poll|all] [confirm]}, {@code export [poll] [csv|json]} and
 * {@code remind [poll]}. Its readers are public so the platforms' typed options follow the same rules.
 */
public final class LifecycleGrammar {

    /** The name:value options of each verb here. */
    static final Map<String, List<String>> OPTIONS = Map.of(
            "edit", List.of("poll", "add", "remove", "rename", "title", "closes", "results"),
            "reopen", List.of("poll", "closes"),
            "delete", List.of("poll"),
            "forget", List.of("poll"),
            "export", List.of("poll"),
            "remind", List.of("poll"));

    private static final String RENAME_ARROW = "=>";

    /** The inputs of the Edit button's form, named as the typed options (Slack adds "results"). */
    public static final List<String> FORM_INPUTS = List.of("title", "add", "remove", "rename", "closes", "results");

    private LifecycleGrammar() {}

    /**
     * A platform's typed options for {@code verb}: {@code options} by name as in the typed grammar,
     * {@code words} the bare words it would have had (a poll, confirm, all, csv or json).
     */
    public static ParseResult read(String verb, List<String> words, Map<String, String> options) {
        try {
            return new ParseResult.Parsed(parse(verb, words, options));
        } catch (SyntaxException unreadable) {
            return new ParseResult.Invalid(unreadable.getMessage());
        }
    }

    /**
     * An edit form's submission as the typed edit it stands for: {@code inputs} by the names of
     * {@link #FORM_INPUTS}, blank ones left out, the lists (add, remove, rename) one item per line.
     */
    public static ParseResult formEdit(long pollId, Map<String, String> inputs) {
        Map<String, String> options = new HashMap<>();
        options.put("poll", "#" + pollId);
        for (String name : FORM_INPUTS) {
            String value = inputs.get(name);
            if (value != null && !value.isBlank()) {
                options.put(
                        name,
                        name.equals("title") ? value.strip() : value.strip().replace('\n', ';'));
            }
        }
        return read("edit", List.of(), options);
    }

    /** What a confirmation's button confirms: the delete or forget it asked about. */
    public static Optional<BotCommand> confirmed(ActionId id) {
        PollRef poll = new PollRef.ById(id.pollId());
        return switch (id.action()) {
            case DELETE -> Optional.of(new BotCommand.Delete(poll, true));
            case FORGET ->
                Optional.of(
                        id.arguments().get(0).equals("all")
                                ? new BotCommand.Forget(PollRef.CHANNEL_DEFAULT, true, true)
                                : new BotCommand.Forget(poll, false, true));
            default -> Optional.empty();
        };
    }

    static BotCommand parse(String verb, List<String> words, Map<String, String> options) throws SyntaxException {
        List<String> rest = new ArrayList<>(words);
        return switch (verb) {
            case "edit" -> edit(pollRef(rest, options), options);
            case "reopen" -> new BotCommand.Reopen(pollRef(rest, options), closes(options));
            case "delete" -> {
                boolean confirmed = lastWord(rest, "confirm");
                yield new BotCommand.Delete(pollRef(rest, options), confirmed);
            }
            case "forget" -> {
                boolean confirmed = lastWord(rest, "confirm");
                boolean all = rest.size() == 1 && rest.get(0).equalsIgnoreCase("all") && !options.containsKey("poll");
                yield new BotCommand.Forget(all ? PollRef.CHANNEL_DEFAULT : pollRef(rest, options), all, confirmed);
            }
            case "export" -> {
                BotCommand.ExportFormat format =
                        lastWord(rest, "json") ? BotCommand.ExportFormat.JSON : BotCommand.ExportFormat.CSV;
                lastWord(rest, "csv");
                yield new BotCommand.Export(pollRef(rest, options), format);
            }
            case "remind" -> new BotCommand.Remind(pollRef(rest, options));
            default -> throw new SyntaxException("I don't know `/poll " + verb + "`. Try `/poll help`.");
        };
    }

    private static BotCommand edit(PollRef poll, Map<String, String> options) throws SyntaxException {
        Optional<ResultsVisibility> results = Optional.empty();
        if (options.containsKey("results")) {
            results = Optional.of(ResultsVisibility.fromKeyword(options.get("results"))
                    .orElseThrow(() -> new SyntaxException("results: takes after-vote, live or after-close.")));
        }
        return new BotCommand.Edit(
                poll,
                CommandParser.list(options.get("add")),
                CommandParser.list(options.get("remove")),
                renames(options.get("rename")),
                Optional.ofNullable(options.get("title")).filter(title -> !title.isBlank()),
                closes(options),
                results);
    }

    /** "Old => New; Other => Another" (or one per line, from a form); each needs both names. */
    public static List<BotCommand.Rename> renames(String text) throws SyntaxException {
        List<BotCommand.Rename> renames = new ArrayList<>();
        if (text == null) {
            return renames;
        }
        for (String item : CommandParser.list(text.replace('\n', ';'))) {
            int arrow = item.indexOf(RENAME_ARROW);
            String from = arrow < 0 ? "" : item.substring(0, arrow).strip();
            String to = arrow < 0
                    ? ""
                    : item.substring(arrow + RENAME_ARROW.length()).strip();
            if (from.isEmpty() || to.isEmpty()) {
                throw new SyntaxException(
                        "Write each rename as old => new, like rename:\"Evals => Evaluations\". Nothing was changed.");
            }
            renames.add(new BotCommand.Rename(from, to));
        }
        return renames;
    }

    private static Optional<ClosesAt> closes(Map<String, String> options) throws SyntaxException {
        return options.containsKey("closes")
                ? Optional.of(CommandParser.closes(options.get("closes")))
                : Optional.empty();
    }

    /** Removes {@code word} when it ends what was typed (unquoted words only reach here as typed). */
    private static boolean lastWord(List<String> words, String word) {
        if (!words.isEmpty() && words.get(words.size() - 1).equalsIgnoreCase(word)) {
            words.remove(words.size() - 1);
            return true;
        }
        return false;
    }

    private static PollRef pollRef(List<String> words, Map<String, String> options) {
        return PollRef.parse(options.containsKey("poll") ? options.get("poll") : String.join(" ", words));
    }
}
