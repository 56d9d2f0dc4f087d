package dev.fieldpoll.bot;

import dev.fieldpoll.poll.Keys;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a member typed into the create form ({@code /poll new}): a title, fields and factors one per
 * line (a field may carry " — description"), an options line ({@code closes:3d results:live}) and a
 * template key. It becomes the very {@link BotCommand.Create} that {@code /poll create} gives: the
 * options line is read by the one parser, and PollBot checks the rest as for the command, so the
 * checks and their sentences are the same. Every value is untrusted text; nothing here is checked
 * against templates or polls.
 */
public record CreateForm(String title, String fields, String factors, String options, String template) {

    /** The longest any one input may be: the command line's limit. */
    public static final int MAX_INPUT = CommandParser.MAX_LINE_LENGTH;

    /** The form's inputs; {@link #id()} names each in the platforms' forms. */
    public enum Input {
        TITLE("Title"),
        FIELDS("Fields"),
        FACTORS("Factors"),
        OPTIONS("Options"),
        TEMPLATE("Template");

        private final String label;

        Input(String label) {
            this.label = label;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String label() {
            return label;
        }
    }

    public CreateForm {
        title = clean(title);
        fields = clean(fields);
        factors = clean(factors);
        options = clean(options);
        template = clean(template);
    }

    private static String clean(String text) {
        return text == null ? "" : text.strip();
    }

    /** The value typed into {@code input}. */
    public String value(Input input) {
        return switch (input) {
            case TITLE -> title;
            case FIELDS -> fields;
            case FACTORS -> factors;
            case OPTIONS -> options;
            case TEMPLATE -> template;
        };
    }

    /** The create command the form asks for, or the one sentence on what to type instead. */
    public ParseResult command(CommandParser parser) {
        for (Input input : Input.values()) {
            if (value(input).length() > MAX_INPUT) {
                return new ParseResult.Invalid(
                        input.label() + " is too long (over " + MAX_INPUT + " characters). Nothing was created.");
            }
        }
        if (!template.isEmpty() && (!fields.isEmpty() || !factors.isEmpty())) {
            return new ParseResult.Invalid(
                    "Pick a template or type fields and factors, not both. Nothing was created.");
        }
        ParseResult parsedOptions = parser.parse("create " + options.replaceAll("\\s+", " "));
        if (parsedOptions instanceof ParseResult.Invalid invalid) {
            return invalid;
        }
        BotCommand.Create read = (BotCommand.Create) ((ParseResult.Parsed) parsedOptions).command();
        if (!read.words().isEmpty() || read.template().isPresent()) {
            return new ParseResult.Invalid("The options line takes only name:value options, like closes:3d "
                    + "results:live remind:off announce:off. Nothing was created.");
        }
        if (!read.fields().isEmpty() || !read.factors().isEmpty()) {
            return new ParseResult.Invalid(
                    "Type fields and factors in their own boxes, one per line. Nothing was created.");
        }
        return new ParseResult.Parsed(new BotCommand.Create(
                title.isEmpty() ? List.of() : List.of(title.replaceAll("\\s+", " ")),
                template.isEmpty() ? Optional.empty() : Optional.of(template),
                read.closes(),
                read.results(),
                lines(fields),
                lines(factors),
                Optional.empty(),
                read.remind(),
                read.announce(),
                false,
                read.scale()));
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
    }

    /**
     * The input a refusal is about, so a form can show it beside that input: read from the sentence
     * (the parser's or PollBot's), the title when none is named; of fields and factors both named, the
     * one left empty.
     */
    public Input inputOf(String problem) {
        String text = problem.toLowerCase(Locale.ROOT);
        Input named = named(text);
        boolean both = text.contains("field") && text.contains("factor");
        if (both && (named == Input.FIELDS || named == Input.FACTORS)) {
            return fields.isEmpty() ? Input.FIELDS : Input.FACTORS;
        }
        return named;
    }

    private static Input named(String text) {
        if (text.contains("template")) {
            return Input.TEMPLATE;
        }
        if (text.contains("title")) {
            return Input.TITLE;
        }
        if (text.contains("close")
                || text.contains("option")
                || text.matches("(?s).*\\b(results|remind|announce):.*")) {
            return Input.OPTIONS;
        }
        if (text.contains("factor")) {
            return Input.FACTORS;
        }
        return text.contains("field") ? Input.FIELDS : Input.TITLE;
    }

    /** What was typed, one input a line, so a refused form loses nothing (for platforms that close it). */
    public String echo() {
        StringBuilder echo = new StringBuilder();
        for (Input input : Input.values()) {
            if (!value(input).isEmpty()) {
                echo.append(input.label())
                        .append(": ")
                        .append(Keys.cut(value(input).replaceAll("\\R", "; ").replaceAll("[\\p{Cc}\\p{Cf}]", ""), 400))
                        .append('\n');
            }
        }
        return echo.toString().strip();
    }
}
