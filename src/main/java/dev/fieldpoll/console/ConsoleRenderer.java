package dev.fieldpoll.console;

import dev.fieldpoll.bot.BallotText;
import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.bot.CloseTimeText;
import dev.fieldpoll.bot.PageLink;
import dev.fieldpoll.bot.RoundHints;
import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.Ballot;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Factor;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.Outcomes.Listing;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.report.RoundSentences;
import dev.fieldpoll.report.TextReportRenderer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Bot replies as plain text for the console chat. */
public final class ConsoleRenderer {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

    private final ZoneId zone;
    private final TextReportRenderer reports = new TextReportRenderer();

    public ConsoleRenderer(ZoneId zone) {
        this.zone = zone;
    }

    public String render(BotReply reply) {
        return reply.accept(new BotReply.Visitor<>() {
            @Override
            public String confirm(BotReply.Confirm confirm) {
                return confirm.question() + "\nTo go ahead, type: " + confirm.typed();
            }

            @Override
            public String editForm(BotReply.EditForm form) {
                return form.typed();
            }

            @Override
            public String exportFile(BotReply.ExportFile file) {
                return file.message() + "\n--- " + file.name() + " ---\n"
                        + new String(file.content(), java.nio.charset.StandardCharsets.UTF_8).stripTrailing();
            }

            @Override
            public String pollPosted(BotReply.PollPosted posted) {
                return pollCard(posted.poll());
            }

            @Override
            public String ballotView(BotReply.BallotView ballot) {
                return ConsoleRenderer.this.myBallot(ballot.poll(), ballot.ballot())
                        + ballot.rounds()
                                .map(hints -> roundHints(ballot.poll(), hints))
                                .orElse("");
            }

            @Override
            public String voteSaved(BotReply.VoteSaved saved) {
                return ConsoleRenderer.this.voteSaved(saved);
            }

            @Override
            public String resultsView(BotReply.ResultsView results) {
                String report = reports.render(results.report())
                        + results.rounds()
                                .map(rounds -> "\n\n" + String.join("\n", RoundSentences.all(rounds)))
                                .orElse("")
                        + results.page().map(page -> "\n\n" + pageLine(page)).orElse("");
                return results.notice().isEmpty() ? report : results.notice() + "\n" + report;
            }

            @Override
            public String myBallot(BotReply.MyBallot mine) {
                return ConsoleRenderer.this.myBallot(mine.poll(), mine.ballot())
                        + mine.groupNote().map(note -> "\n" + note).orElse("");
            }

            @Override
            public String pollList(BotReply.PollList list) {
                return ConsoleRenderer.this.pollList(list.polls());
            }

            @Override
            public String pollClosed(BotReply.PollClosed closed) {
                return "Closed poll #" + closed.poll().id() + " \""
                        + closed.poll().title() + "\" with " + plural(closed.voters(), "voter")
                        + ". `/poll results` shows how it ended.";
            }

            @Override
            public String help(BotReply.Help help) {
                return helpText(help);
            }

            @Override
            public String notice(BotReply.Notice notice) {
                return notice.message();
            }

            @Override
            public String invalidAnswer(BotReply.InvalidAnswer invalid) {
                return "! " + invalid.message();
            }

            @Override
            public String problem(BotReply.Problem problem) {
                return "! " + problem.message();
            }
        });
    }

    private static String helpText(BotReply.Help help) {
        StringBuilder text = new StringBuilder("fieldpoll commands:\n");
        help.topics()
                .forEach(topic -> text.append("  ")
                        .append(topic.usage())
                        .append("\n      ")
                        .append(topic.summary())
                        .append('\n'));
        return text.append("Console only: :as NAME switches member, :quit leaves.")
                .toString();
    }

    private String pageLine(PageLink page) {
        return page.expires()
                .map(until -> "Full results page (your own link, works until " + when(until) + "): " + page.uri())
                .orElse("Public results page: " + page.uri());
    }

    String pollCard(Poll poll) {
        PollDefinition definition = poll.definition();
        StringBuilder text = new StringBuilder();
        text.append("Poll #")
                .append(poll.id())
                .append(": ")
                .append(poll.title())
                .append('\n');
        text.append("Score each field on each factor from ")
                .append(definition.scale().min())
                .append(" to ")
                .append(definition.scale().max())
                .append(" (? = don't know).\n");
        for (Factor factor : definition.factors()) {
            text.append("  ").append(factor.name());
            if (factor.hasOwnQuestion()) {
                text.append(": ").append(factor.question());
            }
            if (!factor.lowLabel().isEmpty()) {
                text.append(" (")
                        .append(definition.scale().min())
                        .append(" = ")
                        .append(factor.lowLabel())
                        .append("; ")
                        .append(definition.scale().max())
                        .append(" = ")
                        .append(factor.highLabel())
                        .append(')');
            }
            text.append('\n');
        }
        text.append("Fields: ")
                .append(String.join(
                        ", ", definition.fields().stream().map(Field::name).toList()))
                .append('\n');
        text.append(poll.closesAtTime().map(at -> "Closes " + when(at) + ". ").orElse("Open until closed. "));
        text.append("Results: ").append(poll.visibility().keyword()).append(".\n");
        text.append("Vote with `/poll vote`, or directly: `/poll vote ")
                .append(definition.fields().get(0).key())
                .append(' ')
                .append(definition.factors().get(0).key())
                .append("=")
                .append(definition.scale().max())
                .append('`');
        return text.toString();
    }

    private String voteSaved(BotReply.VoteSaved saved) {
        PollDefinition definition = saved.poll().definition();
        StringBuilder text = new StringBuilder(saved.cleared() ? "Withdrawn: " : "Saved: ");
        text.append(String.join(
                ", ",
                saved.cells().stream()
                        .map(cell -> BallotText.cellName(definition, cell) + " "
                                + answerText(saved.ballot().answers().get(cell)))
                        .toList()));
        return text.append(". You have answered ")
                .append(saved.ballot().answers().size())
                .append(" of ")
                .append(definition.cellCount())
                .append('.')
                .toString();
    }

    private String myBallot(Poll poll, Ballot ballot) {
        PollDefinition definition = poll.definition();
        StringBuilder text = new StringBuilder("Your answers in #" + poll.id() + " \"" + poll.title() + "\" ("
                + ballot.answers().size() + " of " + definition.cellCount() + "):\n");
        for (Field field : definition.fields()) {
            text.append("  ").append(field.name()).append(": ");
            text.append(String.join(
                    ", ",
                    definition.factors().stream()
                            .map(factor -> factor.name() + " "
                                    + answerText(ballot.answers().get(new CellKey(field.key(), factor.key()))))
                            .toList()));
            text.append('\n');
        }
        return text.toString().stripTrailing();
    }

    /** A later round's ballot: per cell the previous round's view and the member's answer then. */
    private static String roundHints(Poll poll, RoundHints hints) {
        StringBuilder text = new StringBuilder("\n\n").append(hints.heading()).append('\n');
        for (Field field : poll.definition().fields()) {
            for (var factor : poll.definition().factors()) {
                hints.line(new CellKey(field.key(), factor.key()))
                        .ifPresent(line -> text.append("  ")
                                .append(field.name())
                                .append(" · ")
                                .append(factor.name())
                                .append(": ")
                                .append(line)
                                .append('\n'));
            }
        }
        return text.append(hints.keepHint()).toString();
    }

    private String pollList(List<Listing> polls) {
        if (polls.isEmpty()) {
            return "No polls in this channel yet. Start one with `/poll create`.";
        }
        StringBuilder text = new StringBuilder("Polls in this channel:\n");
        for (Listing listing : polls) {
            Poll poll = listing.poll();
            text.append("  #")
                    .append(poll.id())
                    .append(' ')
                    .append(poll.title())
                    .append(" - ")
                    .append(listing.status().name().toLowerCase(Locale.ROOT))
                    .append(", ")
                    .append(plural(listing.voters(), "voter"))
                    .append(poll.closesAtTime()
                            .filter(at -> listing.status().name().equals("OPEN"))
                            .map(at -> ", closes " + when(at))
                            .orElse(""))
                    .append('\n');
        }
        return text.toString().stripTrailing();
    }

    /** A close at the end of a day reads as that day ("end of 24 Dec 2026 (UTC)"), other times as they are. */
    private String when(Instant instant) {
        return CloseTimeText.endOfDay(instant, zone).orElseGet(() -> WHEN.format(instant.atZone(zone)));
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String answerText(Answer answer) {
        return BallotText.answerText(answer, "-");
    }
}
