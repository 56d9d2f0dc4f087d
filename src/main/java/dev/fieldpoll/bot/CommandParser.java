package dev.fieldpoll.bot;

import dev.fieldpoll.bot.BotCommand.FactorScore;
import dev.fieldpoll.bot.ParseResult.Invalid;
import dev.fieldpoll.bot.ParseResult.Parsed;
import dev.fieldpoll.poll.Keys;
import dev.fieldpoll.poll.NameMatch;
import dev.fieldpoll.poll.PollRef;
import dev.fieldpoll.poll.ResultsVisibility;
import dev.fieldpoll.poll.Scale;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one grammar of {@code /poll}, shared by the console chat and Slack's command text.
 * It checks syntax only; PollBot checks every value against the poll itself.
 */
public final class CommandParser {

    public static final int MAX_LINE_LENGTH = 2000;
    private static final Pattern SCALE = Pattern.compile("(\\d{1,3})\\s*[-–]\\s*(\\d{1,3})");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,4})([hdw])");
    /** The name:value options each verb takes; any other name: is refused, never read as text. */
    private static final Map<String, List<String>> OPTIONS = Map.of(
            "create", List.of("closes", "results", "fields", "factors", "template", "remind", "announce", "scale"),
            "vote", List.of("poll"),
            "results", List.of("poll"),
            "mine", List.of("poll"),
            "close", List.of("poll"),
            "rerun", List.of("poll", "closes"),
            "keep", List.of("poll"));
    /** What looks like an option: a word of letters, then a colon, outside quotes. (09:00 is a time, not one.) */
    private static final Pattern OPTION_NAME = Pattern.compile("\\p{L}[\\p{L}_-]*");
    /** A date (and time) with a four-digit year; anything else never reaches java.time. */
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(t\\d{2}:\\d{2}(:\\d{2})?)?");

    public ParseResult parse(String line) {
        if (line == null || line.isBlank()) {
            return new Parsed(new BotCommand.Help());
        }
        if (line.length() > MAX_LINE_LENGTH) {
            return new Invalid("That command is too long (over " + MAX_LINE_LENGTH + " characters).");
        }
        List<Tokenizer.Word> tokens;
        try {
            tokens = new ArrayList<>(Tokenizer.split(line.strip()));
        } catch (Tokenizer.UnbalancedQuoteException unbalanced) {
            return new Invalid("A quote is not closed. Put lists in quotes like fields:\"Alpha; Beta\".");
        }
        if (!tokens.isEmpty() && tokens.get(0).text().equalsIgnoreCase("/poll")) {
            tokens.remove(0);
        }
        if (tokens.isEmpty()) {
            return new Parsed(new BotCommand.Help());
        }
        String verb = canonical(tokens.remove(0).text().toLowerCase(Locale.ROOT));
        try {
            return new Parsed(command(verb, tokens));
        } catch (SyntaxException syntax) {
            return new Invalid(syntax.getMessage());
        }
    }

    /**
     * Whether the line is {@code /poll new} alone, which opens the create form where there is one;
     * with arguments it is another spelling of {@code /poll create}.
     */
    public static boolean opensCreateForm(String line) {
        if (line == null || line.length() > MAX_LINE_LENGTH) {
            return false;
        }
        List<String> words = Arrays.asList(line.strip().split("\\s+"));
        if (!words.isEmpty() && words.get(0).equalsIgnoreCase("/poll")) {
            words = words.subList(1, words.size());
        }
        return words.size() == 1 && words.get(0).equalsIgnoreCase("new");
    }

    /** Verbs with another spelling: new = create, result = results. */
    private static String canonical(String verb) {
        return switch (verb) {
            case "new" -> "create";
            case "result" -> "results";
            default -> verb;
        };
    }

    private BotCommand command(String verb, List<Tokenizer.Word> arguments) throws SyntaxException {
        Map<String, String> options = new LinkedHashMap<>();
        List<Tokenizer.Word> typed = new ArrayList<>();
        Optional<Boolean> sharePage = verb.equals("results") ? pageSharing(arguments) : Optional.empty();
        splitOptions(verb, arguments, options, typed);
        List<String> words = typed.stream().map(Tokenizer.Word::text).toList();
        if (sharePage.isPresent()) {
            return new BotCommand.SharePage(pollRef(words, options), sharePage.get());
        }
        switch (verb) {
            case "create":
                return create(typed, options);
            case "vote":
                return vote(words, options);
            case "results":
                return new BotCommand.Results(pollRef(words, options), options.containsKey("public"));
            case "mine":
                return new BotCommand.Mine(pollRef(words, options));
            case "list":
                return new BotCommand.ListPolls();
            case "close":
                return new BotCommand.Close(pollRef(words, options));
            case "rerun":
                return new BotCommand.Rerun(
                        pollRef(words, options),
                        options.containsKey("closes") ? Optional.of(closes(options.get("closes"))) : Optional.empty());
            case "keep":
                return new BotCommand.KeepAnswers(pollRef(words, options));
            case "help":
                return new BotCommand.Help();
            case "summary":
                return SummaryGrammar.parse(words);
            case "edit", "reopen", "delete", "forget", "export", "remind":
                return LifecycleGrammar.parse(verb, words, options);
            default:
                throw new SyntaxException("I don't know `/poll " + Keys.shown(verb) + "`. Try `/poll help`.");
        }
    }

    /**
     * {@code /poll results [poll] public page} makes the results page public, {@code … private page}
     * private again: the two unquoted words end the command. Removes them from the arguments when present.
     */
    private static Optional<Boolean> pageSharing(List<Tokenizer.Word> arguments) {
        int size = arguments.size();
        if (size < 2
                || arguments.get(size - 1).quoted()
                || arguments.get(size - 2).quoted()
                || !arguments.get(size - 1).text().equalsIgnoreCase("page")) {
            return Optional.empty();
        }
        String which = arguments.get(size - 2).text().toLowerCase(Locale.ROOT);
        if (!which.equals("public") && !which.equals("private")) {
            return Optional.empty();
        }
        arguments.subList(size - 2, size).clear();
        return Optional.of(which.equals("public"));
    }

    private static void splitOptions(
            String verb, List<Tokenizer.Word> arguments, Map<String, String> options, List<Tokenizer.Word> words)
            throws SyntaxException {
        List<String> known = OPTIONS.getOrDefault(verb, LifecycleGrammar.OPTIONS.getOrDefault(verb, List.of()));
        for (Tokenizer.Word argument : arguments) {
            String text = argument.text();
            int colon = text.indexOf(':');
            String name = colon > 0 ? text.substring(0, colon).toLowerCase(Locale.ROOT) : "";
            boolean optionShaped = colon > 0
                    && argument.unquotedAt(colon)
                    && OPTION_NAME.matcher(name).matches();
            if (optionShaped && known.contains(name)) {
                if (options.put(name, text.substring(colon + 1).strip()) != null) {
                    throw new SyntaxException("`" + name + ":` is given twice.");
                }
            } else if (optionShaped) {
                throw new SyntaxException(unknownOption(verb, name, known));
            } else if (verb.equals("results") && !argument.quoted() && text.equalsIgnoreCase("public")) {
                options.put("public", "");
            } else {
                words.add(argument);
            }
        }
    }

    /** A typo in an option must not become part of a title: say what was typed and what it may have meant. */
    private static String unknownOption(String verb, String name, List<String> known) {
        String refusal = "`" + Keys.shown(name) + ":` is not an option of `/poll " + verb + "`";
        if (known.isEmpty()) {
            return refusal + ", which takes none. To use a colon in text, put the text in quotes.";
        }
        List<String> near = near(NameMatch.of(name, known, option -> option, option -> option));
        String options =
                String.join(", ", known.stream().map(option -> option + ":").toList());
        return refusal
                + (near.isEmpty()
                        ? " (it takes " + options + ")."
                        : ". Did you mean "
                                + String.join(
                                        " or ",
                                        near.stream()
                                                .map(option -> "`" + option + ":`")
                                                .toList()) + "?")
                + " Nothing was done. To use a colon in a title, put the title in quotes.";
    }

    private BotCommand create(List<Tokenizer.Word> typed, Map<String, String> options) throws SyntaxException {
        Optional<ClosesAt> closes =
                options.containsKey("closes") ? Optional.of(closes(options.get("closes"))) : Optional.empty();
        Optional<ResultsVisibility> results = Optional.empty();
        if (options.containsKey("results")) {
            results = Optional.of(ResultsVisibility.fromKeyword(options.get("results"))
                    .orElseThrow(() -> new SyntaxException("results: takes after-vote, live or after-close.")));
        }
        boolean remind = onOff(options, "remind", "a closing-soon post a day before the poll closes");
        boolean announce = onOff(options, "announce", "the final results posted in the channel when the poll closes");
        Optional<String> template = Optional.ofNullable(options.get("template"));
        List<String> words = typed.stream().map(Tokenizer.Word::text).toList();
        // One bare word names a template; a title is quoted or has several words.
        boolean adHoc = options.containsKey("fields") || options.containsKey("factors");
        boolean bareWord = template.isEmpty()
                && !adHoc
                && typed.size() == 1
                && !typed.get(0).quoted();
        if (bareWord) {
            template = Optional.of(words.get(0));
            words = List.of();
        }
        return new BotCommand.Create(
                words,
                template,
                closes,
                results,
                list(options.get("fields")),
                list(options.get("factors")),
                Optional.empty(),
                remind,
                announce,
                bareWord,
                options.containsKey("scale") ? Optional.of(scale(options.get("scale"))) : Optional.empty());
    }

    /** An ad-hoc poll's scale: scale:0-10 (whole numbers within 0-100, at least two points). */
    private static Scale scale(String text) throws SyntaxException {
        Matcher range = SCALE.matcher(text.strip());
        try {
            if (range.matches()) {
                return new Scale(Integer.parseInt(range.group(1)), Integer.parseInt(range.group(2)));
            }
        } catch (IllegalArgumentException outOfRange) {
            // said below
        }
        throw new SyntaxException("scale: takes a range like 1-5 or 0-10, within 0-100. Nothing was done.");
    }

    /** An on/off option, on when not given; any other value is refused, with the choice it may have meant. */
    private static boolean onOff(Map<String, String> options, String option, String what) throws SyntaxException {
        String typed = options.getOrDefault(option, "on").strip().toLowerCase(Locale.ROOT);
        if (typed.equals("on") || typed.equals("off")) {
            return typed.equals("on");
        }
        List<String> near = near(NameMatch.of(typed, List.of("on", "off"), value -> value, value -> value));
        throw new SyntaxException(option + ": takes on or off (" + what + ")."
                + (near.isEmpty()
                        ? ""
                        : " Did you mean "
                                + String.join(
                                        " or ",
                                        near.stream()
                                                .map(value -> "`" + option + ":" + value + "`")
                                                .toList())
                                + "?")
                + " Nothing was done.");
    }

    /** The names a match points to: the one found, the ambiguous ones, or the close ones. */
    private static <T> List<T> near(NameMatch<T> match) {
        return match instanceof NameMatch.Found<T> found
                ? List.of(found.item())
                : match instanceof NameMatch.Ambiguous<T> ambiguous
                        ? ambiguous.candidates()
                        : ((NameMatch.Unknown<T>) match).suggestions();
    }

    /** Reads a closes: value; public for platforms whose commands carry it as a typed option. */
    public static ClosesAt closes(String text) throws SyntaxException {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Matcher duration = DURATION.matcher(value);
        if (duration.matches()) {
            long amount = Long.parseLong(duration.group(1));
            Duration length = switch (duration.group(2)) {
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofDays(7 * amount);
            };
            if (length.isZero() || length.compareTo(ClosesAt.LONGEST) > 0) {
                throw new SyntaxException(ClosesAt.OUT_OF_RANGE);
            }
            return new ClosesAt.After(length);
        }
        String unreadable = "I can't read closes:" + Keys.shown(text)
                + ". Use a duration like closes:3d, closes:12h, closes:2w, or a date like closes:2026-12-24.";
        if (!DATE.matcher(value).matches()) {
            throw new SyntaxException(unreadable);
        }
        try {
            if (value.contains("t")) {
                return new ClosesAt.At(LocalDateTime.parse(value.toUpperCase(Locale.ROOT)));
            }
            return new ClosesAt.OnDate(LocalDate.parse(value));
        } catch (DateTimeParseException notADate) {
            throw new SyntaxException(unreadable);
        }
    }

    /** "Alpha; Beta, Gamma" → [Alpha, Beta, Gamma]; semicolons win when present, so names may hold commas. */
    public static List<String> list(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String separator = text.contains(";") ? ";" : ",";
        return Arrays.stream(text.split(Pattern.quote(separator)))
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    private static BotCommand vote(List<String> words, Map<String, String> options) throws SyntaxException {
        PollRef poll = PollRef.parse(options.get("poll"));
        List<String> fieldWords = new ArrayList<>();
        List<FactorScore> scores = new ArrayList<>();
        for (String word : words) {
            int equals = word.indexOf('=');
            if (equals >= 0) {
                String factor = word.substring(0, equals).strip();
                String score = word.substring(equals + 1).strip();
                if (factor.isEmpty() || score.isEmpty()) {
                    throw new SyntaxException(
                            "Write each score as factor=score, like feedback=4 (or feedback=? for don't know).");
                }
                scores.add(new FactorScore(factor, score));
            } else if (!scores.isEmpty()) {
                throw new SyntaxException(
                        "Put the field first, then factor=score pairs: `/poll vote mech interp feedback=4 incentive=5`.");
            } else {
                fieldWords.add(word);
            }
        }
        if (fieldWords.isEmpty() && scores.isEmpty()) {
            return new BotCommand.OpenBallot(poll);
        }
        if (fieldWords.isEmpty() || scores.isEmpty()) {
            throw new SyntaxException(
                    "Name a field and give factor=score, like `/poll vote evals feedback=2 incentive=4`, "
                            + "or type `/poll vote` alone for the ballot.");
        }
        return new BotCommand.Vote(poll, String.join(" ", fieldWords), scores);
    }

    private static PollRef pollRef(List<String> words, Map<String, String> options) {
        String text = options.containsKey("poll") ? options.get("poll") : String.join(" ", words);
        return PollRef.parse(text);
    }

    /** What a member typed cannot be read; the message says what to type instead. */
    public static final class SyntaxException extends Exception {
        SyntaxException(String message) {
            super(message, null, false, false);
        }
    }
}
