package dev.fieldpoll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.app.ConfigLoader;
import dev.fieldpoll.app.TemplateLoader;
import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.CommandParser;
import dev.fieldpoll.bot.ParseResult;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.testing.MutableClock;
import dev.fieldpoll.testing.TestConfigs;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's examples run as written: every /poll command it shows (in a transcript after a
 * prompt, or in `code`) gets an answer that is not a refusal, and every YAML block parses as the
 * template or configuration it is. Examples with placeholders (&lt;field&gt;, [poll], a|b, …) are
 * grammar, not examples, and the Discord section shows Discord's own slash-command options.
 */
class ReadmeExamplesTest {

    private static final Path README = Path.of("README.md");
    private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```");
    private static final Pattern PROMPT = Pattern.compile("^([A-Za-z0-9_.-]+)@#[A-Za-z0-9_.-]+> (/poll\\b.*)$");
    private static final Pattern INLINE = Pattern.compile("`(/poll(?: [^`]*)?)`");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{2,3} (.*)$");
    /** Sections whose commands are a platform's own forms, not the shared text grammar. */
    private static final List<String> PLATFORM_FORMS = List.of("Discord setup");

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));

    /** Commands to run; a transcript also has the lines typed into the console and what it printed. */
    record Example(String section, List<Command> commands, List<String> typed, List<String> printed) {

        Example(String section, List<Command> commands) {
            this(section, commands, List.of(), List.of());
        }
    }

    record Command(String user, String line) {}

    @TestFactory
    Stream<DynamicTest> every_poll_command_of_the_readme_is_answered_without_a_refusal() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        List<Example> examples = new ArrayList<>(transcripts(readme));
        examples.addAll(inlineCommands(readme));
        assertThat(examples.stream()
                        .mapToInt(example -> example.commands().size())
                        .sum())
                .as("the README shows /poll examples")
                .isGreaterThanOrEqualTo(10);
        int[] channel = {0};
        return examples.stream()
                .map(example -> DynamicTest.dynamicTest(
                        example.section() + ": " + example.commands().get(0).line(),
                        () -> run(example, "readme-" + ++channel[0])));
    }

    @TestFactory
    Stream<DynamicTest> every_yaml_block_of_the_readme_parses() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        List<String> blocks = new ArrayList<>();
        Matcher fence = FENCE.matcher(readme);
        while (fence.find()) {
            if (fence.group(1).equals("yaml") || fence.group(1).equals("yml")) {
                blocks.add(fence.group(2));
            }
        }
        assertThat(blocks).as("the README shows a template").isNotEmpty();
        int[] number = {0};
        return blocks.stream().map(yaml -> DynamicTest.dynamicTest("yaml block " + ++number[0], () -> parse(yaml)));
    }

    private void parse(String yaml) throws Exception {
        Path file = Files.writeString(Files.createTempFile(folder, "readme", ".yml"), yaml);
        if (yaml.contains("\nfields:") || yaml.startsWith("fields:")) {
            assertThat(new TemplateLoader().load(file).definition().fields()).isNotEmpty();
        } else {
            assertThat(new ConfigLoader(Map.of()).load(Optional.of(file))).isNotNull();
        }
    }

    private void run(Example example, String channel) throws Exception {
        if (!example.typed().isEmpty()) {
            runInConsole(example, channel);
            return;
        }
        try (Wiring wiring = consoleWithPages(channel)) {
            wiring.consoleChat(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
            boolean createsItsPoll = example.commands().get(0).line().startsWith("/poll create");
            if (!createsItsPoll) {
                answer(wiring, channel, new Command("you", "/poll create"));
            }
            for (Command command : example.commands()) {
                BotReply reply = answer(wiring, channel, command);
                assertThat(reply)
                        .as("%s answers %s", command.line(), reply)
                        .isNotInstanceOfAny(BotReply.Problem.class, BotReply.InvalidAnswer.class);
            }
        }
    }

    /** A transcript runs in the console chat as typed; nothing is refused, and what it shows is printed. */
    private void runInConsole(Example example, String channel) throws Exception {
        try (Wiring wiring = consoleWithPages(channel)) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            String input = String.join("\n", example.typed()) + "\n";
            wiring.consoleChat(out).run(new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out);
            String printed = bytes.toString(StandardCharsets.UTF_8);
            assertThat(printed.lines().map(line -> line.replaceFirst("^\\S+@#\\S+> ", "")))
                    .as(printed)
                    .noneMatch(line -> line.startsWith("! "));
            for (String line : example.printed()) {
                assertThat(printed).as("the README shows this line").contains(line.strip());
            }
        }
    }

    /** As the README's console runs: results pages on (at a free loopback port here), so page commands work. */
    private Wiring consoleWithPages(String channel) throws java.io.IOException {
        Wiring wiring = new Wiring(TestConfigs.withWeb(folder.resolve(channel)), clock);
        try {
            wiring.startWeb();
        } catch (java.io.IOException | RuntimeException failed) {
            wiring.close();
            throw failed;
        }
        return wiring;
    }

    private static BotReply answer(Wiring wiring, String channel, Command command) {
        ParseResult parsed = new CommandParser().parse(command.line());
        assertThat(parsed).as("%s parses", command.line()).isInstanceOf(ParseResult.Parsed.class);
        Caller caller = new Caller(
                Platform.CONSOLE,
                "local",
                channel,
                command.user(),
                command.user().equals("you"));
        return wiring.bot()
                .handle(caller, ((ParseResult.Parsed) parsed).command())
                .toCompletableFuture()
                .join();
    }

    /**
     * A ```text block with prompts is one console conversation: what follows a prompt ("you@#local> ",
     * or a ballot's "[now: -]> ") was typed; an elided stretch ("…") of a ballot ends it (q); the other
     * lines were printed, and are checked unless they elide or show a time.
     */
    private static List<Example> transcripts(String readme) {
        List<Example> examples = new ArrayList<>();
        Matcher fence = FENCE.matcher(readme);
        while (fence.find()) {
            List<Command> commands = new ArrayList<>();
            List<String> typed = new ArrayList<>();
            List<String> printed = new ArrayList<>();
            boolean inBallot = false;
            for (String line : fence.group(2).split("\n")) {
                Matcher prompt = PROMPT.matcher(line.strip());
                int typedAt = line.lastIndexOf("> ");
                if (prompt.matches() || line.strip().matches("^[A-Za-z0-9_.-]+@#[A-Za-z0-9_.-]+> .*")) {
                    if (inBallot) {
                        typed.add("q");
                        inBallot = false;
                    }
                    typed.add(line.substring(line.indexOf("> ") + 2));
                    if (prompt.matches()) {
                        commands.add(new Command(prompt.group(1), prompt.group(2)));
                    }
                } else if (typedAt >= 0 && line.contains("[now:")) {
                    typed.add(line.substring(typedAt + 2));
                    inBallot = true;
                } else if (!line.contains("…") && !line.isBlank() && !line.matches(".*\\d{4}-\\d{2}-\\d{2}.*")) {
                    printed.add(line);
                }
            }
            if (!commands.isEmpty()) {
                examples.add(new Example(sectionAt(readme, fence.start()), commands, typed, printed));
            }
        }
        return examples;
    }

    /** Each `/poll …` in the text outside code blocks, run on its own in a channel with the default poll. */
    private static List<Example> inlineCommands(String readme) {
        String prose = FENCE.matcher(readme)
                .replaceAll(match -> " ".repeat(match.group().length()));
        List<Example> examples = new ArrayList<>();
        Matcher inline = INLINE.matcher(prose);
        while (inline.find()) {
            String command = inline.group(1);
            String section = sectionAt(readme, inline.start());
            if (!command.matches(".*[<>\\[\\]|…].*") && !command.contains("...") && !PLATFORM_FORMS.contains(section)) {
                examples.add(new Example(section, List.of(new Command("you", command))));
            }
        }
        return examples;
    }

    private static String sectionAt(String readme, int offset) {
        Matcher heading = HEADING.matcher(readme.substring(0, offset));
        String section = "top";
        while (heading.find()) {
            section = heading.group(1).strip();
        }
        return section;
    }
}
