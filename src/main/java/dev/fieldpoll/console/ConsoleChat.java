package dev.fieldpoll.console;

import dev.fieldpoll.bot.BallotText;
import dev.fieldpoll.bot.BotCommand;
import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.CommandParser;
import dev.fieldpoll.bot.CreateForm;
import dev.fieldpoll.bot.ParseResult;
import dev.fieldpoll.bot.PollBot;
import dev.fieldpoll.bot.RoundHints;
import dev.fieldpoll.bot.Utf8Lines;
import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.Ballot;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Factor;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.poll.PollRef;
import dev.fieldpoll.poll.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The local chat: type the same /poll commands a Discord or Slack member would, as any member
 * (":as NAME"), in one channel. The embedded default when no platform token is set. Not
 * thread-safe: one person types into it, on one thread.
 */
public final class ConsoleChat {

    static final String WORKSPACE = "local";

    private final PollBot bot;
    private final CommandParser parser;
    private final ConsoleRenderer renderer;
    private final String channel;
    private final Set<String> admins;
    private String user;

    public ConsoleChat(
            PollBot bot,
            CommandParser parser,
            ConsoleRenderer renderer,
            String channel,
            String user,
            Set<String> admins) {
        this.bot = bot;
        this.parser = parser;
        this.renderer = renderer;
        this.channel = channel;
        this.user = user;
        this.admins = Set.copyOf(admins);
    }

    static final String NOT_UTF8 = "! That line is not UTF-8 text, so I ignored it. "
            + "Set your terminal to UTF-8 (for example LANG=C.UTF-8) and type it again.";

    public void run(InputStream input, PrintStream out) throws IOException {
        Utf8Lines in = new Utf8Lines(input);
        out.println("fieldpoll console chat in #" + channel
                + ". Type /poll help for commands, :as NAME to switch member, :quit to leave.");
        while (true) {
            out.print(user + "@#" + channel + "> ");
            out.flush();
            String line;
            try {
                line = in.readLine();
            } catch (Utf8Lines.NotUtf8Exception notUtf8) {
                out.println(NOT_UTF8);
                continue;
            }
            if (line == null || line.strip().equals(":quit") || line.strip().equals(":q")) {
                out.println();
                out.println("Bye. Your polls are saved.");
                return;
            }
            handleLine(line.strip(), in, out);
        }
    }

    private void handleLine(String line, Utf8Lines in, PrintStream out) throws IOException {
        if (line.isEmpty()) {
            return;
        }
        if (line.startsWith(":as")) {
            switchMember(line.substring(3).strip(), out);
            return;
        }
        if (!line.startsWith("/")) {
            out.println("Commands start with /poll. Try /poll help.");
            return;
        }
        ParseResult parsed = CommandParser.opensCreateForm(line) ? createForm(in, out) : parser.parse(line);
        if (parsed == null) {
            return;
        }
        if (parsed instanceof ParseResult.Invalid invalid) {
            out.println("! " + invalid.message());
            return;
        }
        BotReply reply = ask(((ParseResult.Parsed) parsed).command());
        if (reply instanceof BotReply.BallotView ballot) {
            new SteppedBallot(ballot.poll(), ballot.ballot().answers(), ballot.rounds(), in, out).run();
            return;
        }
        out.println(renderer.render(reply));
    }

    /**
     * {@code /poll new}: the create form as prompts, one line each; the answers become the same create
     * command as {@code /poll create}. Null when the member left the prompts.
     */
    private ParseResult createForm(Utf8Lines in, PrintStream out) throws IOException {
        out.println("New poll. Press Enter to skip a line; :cancel stops. Templates: "
                + String.join(", ", bot.templates().stream().map(Template::key).toList()) + ".");
        String template = prompt("Template (Enter for your own fields and factors)", in, out);
        String title = template == null ? null : prompt("Title", in, out);
        String fields = "";
        String factors = "";
        if (title != null && template.isBlank()) {
            fields = prompt("Fields, separated by ; (Name -- description)", in, out);
            factors = fields == null ? null : prompt("Factors, separated by ;", in, out);
        }
        String options = title == null || fields == null || factors == null
                ? null
                : prompt("Options (closes:3d results:live remind:off)", in, out);
        if (options == null) {
            out.println("No poll was created.");
            return null;
        }
        // the console types lists on one line, separated by semicolons; the form takes one a line
        return new CreateForm(title, fields.replace(';', '\n'), factors.replace(';', '\n'), options, template)
                .command(parser);
    }

    /** One prompt's line; null when the member cancels or the input ends. */
    private static String prompt(String what, Utf8Lines in, PrintStream out) throws IOException {
        while (true) {
            out.print("  " + what + ": ");
            out.flush();
            try {
                String line = in.readLine();
                return line == null || line.strip().equals(":cancel") ? null : line.strip();
            } catch (Utf8Lines.NotUtf8Exception notUtf8) {
                out.println("  " + NOT_UTF8);
            }
        }
    }

    private void switchMember(String name, PrintStream out) {
        if (!name.matches("[A-Za-z0-9_.-]{1,32}")) {
            out.println("! Member names are 1-32 letters, digits, dots, dashes or underscores: :as alice");
            return;
        }
        user = name;
        out.println("You are now " + user + (admins.contains(user) ? " (admin)." : "."));
    }

    private Caller caller() {
        return new Caller(Platform.CONSOLE, WORKSPACE, channel, user, admins.contains(user));
    }

    /** One member types at a time: the chat waits for each reply (a vote's comes after its commit). */
    private BotReply ask(BotCommand command) {
        return bot.handle(caller(), command).toCompletableFuture().join();
    }

    /** Field by field, factor by factor; each answer is saved at once, so stopping early keeps them. */
    private final class SteppedBallot {

        private final Poll poll;
        private final Map<CellKey, Answer> current;
        private final Optional<RoundHints> rounds;
        private final Utf8Lines in;
        private final PrintStream out;

        SteppedBallot(
                Poll poll, Map<CellKey, Answer> current, Optional<RoundHints> rounds, Utf8Lines in, PrintStream out) {
            this.poll = poll;
            this.current = current;
            this.rounds = rounds;
            this.in = in;
            this.out = out;
        }

        void run() throws IOException {
            PollDefinition definition = poll.definition();
            out.println("Ballot for #" + poll.id() + " \"" + poll.title() + "\": "
                    + definition.fields().size()
                    + " fields x " + definition.factors().size() + " factors, scores "
                    + definition.scale().min()
                    + "-" + definition.scale().max() + ".");
            out.println("Enter keeps your answer, ? = don't know, q = stop (answers so far are kept).");
            rounds.ifPresent(hints -> out.println(hints.heading() + " Enter on a cell you have not answered yet keeps "
                    + "your round " + (hints.round() - 1) + " answer."));
            int position = 0;
            for (Field field : definition.fields()) {
                position++;
                out.println("[" + position + "/" + definition.fields().size() + "] " + field.name()
                        + (field.description().isEmpty() ? "" : " - " + field.description()));
                for (Factor factor : definition.factors()) {
                    if (!askCell(field, factor)) {
                        finish();
                        return;
                    }
                }
            }
            finish();
        }

        /** Returns false when the member stops the ballot. */
        private boolean askCell(Field field, Factor factor) throws IOException {
            CellKey cell = new CellKey(field.key(), factor.key());
            rounds.flatMap(hints -> hints.line(cell)).ifPresent(line -> out.println("    (" + line + ")"));
            // a later round's ballot is prefilled with the member's previous answer: Enter keeps it
            Optional<String> kept = rounds.map(hints -> hints.toKeep(new Ballot(poll.id(), "", current)))
                    .map(texts -> texts.get(cell));
            while (true) {
                out.print("  " + factor.name() + " " + range(factor) + " [now: "
                        + BallotText.answerText(current.get(cell), "-") + "]> ");
                out.flush();
                String line;
                try {
                    line = in.readLine();
                } catch (Utf8Lines.NotUtf8Exception notUtf8) {
                    out.println("  " + NOT_UTF8);
                    continue;
                }
                if (line == null || line.strip().equalsIgnoreCase("q")) {
                    return false;
                }
                if (line.isBlank() && kept.isEmpty()) {
                    return true;
                }
                String answer = line.isBlank() ? kept.get() : line.strip();
                BotReply reply = ask(new BotCommand.SetAnswers(poll.id(), Map.of(cell, answer)));
                if (reply instanceof BotReply.VoteSaved) {
                    return true;
                }
                out.println("  " + renderer.render(reply));
                if (!(reply instanceof BotReply.InvalidAnswer)) {
                    return false;
                }
            }
        }

        private String range(Factor factor) {
            int min = poll.definition().scale().min();
            int max = poll.definition().scale().max();
            if (factor.lowLabel().isEmpty()) {
                return "(" + min + "-" + max + ")";
            }
            return "(" + min + " = " + factor.lowLabel() + " ... " + max + " = " + factor.highLabel() + ")";
        }

        private void finish() {
            out.println(renderer.render(ask(new BotCommand.Mine(new PollRef.ById(poll.id())))));
        }
    }
}
