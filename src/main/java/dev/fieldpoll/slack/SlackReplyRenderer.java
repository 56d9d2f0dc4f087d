package dev.fieldpoll.slack;

import static dev.fieldpoll.slack.Mrkdwn.escape;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.fieldpoll.bot.ActionIds;
import dev.fieldpoll.bot.BallotText;
import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.Ballot;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Factor;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.Outcomes.Listing;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.poll.PollStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The replies only the member sees (ephemeral): confirmations, their own ballot, lists, help and
 * problems. Thread-safe: it keeps no state.
 */
final class SlackReplyRenderer {

    static final String SOMETHING_WENT_WRONG = "Something went wrong on my side and nothing changed. Please try again.";

    SlackMessage render(BotReply reply) {
        return reply.accept(new BotReply.Visitor<>() {
            @Override
            public SlackMessage confirm(BotReply.Confirm confirm) {
                String question = escape(confirm.question());
                return new SlackMessage(
                        question,
                        List.of(
                                Mrkdwn.section(question),
                                ActionsBlock.builder()
                                        .elements(List.<BlockElement>of(ButtonElement.builder()
                                                .text(Mrkdwn.plain(confirm.button(), BlockLimits.BUTTON_TEXT))
                                                .actionId(ActionIds.encode(confirm.action()))
                                                .style("danger")
                                                .build()))
                                        .build()));
            }

            @Override
            public SlackMessage editForm(BotReply.EditForm form) {
                return SlackMessage.text(form.typed());
            }

            @Override
            public SlackMessage exportFile(BotReply.ExportFile file) {
                return SlackMessage.text(escape(file.message()));
            }

            @Override
            public SlackMessage pollPosted(BotReply.PollPosted posted) {
                return SlackMessage.text("Started poll #" + posted.poll().id() + " *"
                        + escape(posted.poll().title()) + "*.");
            }

            @Override
            public SlackMessage ballotView(BotReply.BallotView ballot) {
                return SlackReplyRenderer.myBallot(ballot.poll(), ballot.ballot(), Optional.empty());
            }

            @Override
            public SlackMessage voteSaved(BotReply.VoteSaved saved) {
                return SlackMessage.text(SlackReplyRenderer.voteSaved(saved));
            }

            @Override
            public SlackMessage resultsView(BotReply.ResultsView results) {
                return SlackMessage.text("Results of poll #" + results.poll().id() + " are ready.");
            }

            @Override
            public SlackMessage myBallot(BotReply.MyBallot mine) {
                return SlackReplyRenderer.myBallot(mine.poll(), mine.ballot(), mine.groupNote());
            }

            @Override
            public SlackMessage pollList(BotReply.PollList list) {
                return SlackReplyRenderer.pollList(list.polls());
            }

            @Override
            public SlackMessage pollClosed(BotReply.PollClosed closed) {
                return SlackMessage.text(":lock: Closed poll #" + closed.poll().id() + " *"
                        + escape(closed.poll().title()) + "* with " + Mrkdwn.plural(closed.voters(), "voter")
                        + ". `/poll results` shows how it ended.");
            }

            @Override
            public SlackMessage help(BotReply.Help help) {
                List<String> lines = new ArrayList<>();
                lines.add("*fieldpoll commands*");
                help.topics()
                        .forEach(topic -> lines.add("`" + escape(topic.usage()) + "`\n    " + escape(topic.summary())));
                return new SlackMessage("fieldpoll commands", Mrkdwn.sections(lines));
            }

            @Override
            public SlackMessage notice(BotReply.Notice notice) {
                return SlackMessage.text(escape(notice.message()));
            }

            @Override
            public SlackMessage invalidAnswer(BotReply.InvalidAnswer invalid) {
                return SlackReplyRenderer.problem(invalid.message());
            }

            @Override
            public SlackMessage problem(BotReply.Problem problem) {
                return SlackReplyRenderer.problem(problem.message());
            }
        });
    }

    static SlackMessage problem(String message) {
        return SlackMessage.text(":warning: " + escape(message));
    }

    private static String voteSaved(BotReply.VoteSaved saved) {
        PollDefinition definition = saved.poll().definition();
        StringBuilder text =
                new StringBuilder(saved.cleared() ? ":white_check_mark: Withdrawn: " : ":white_check_mark: Saved: ");
        List<String> cells = new ArrayList<>();
        for (CellKey cell : saved.cells()) {
            cells.add(escape(BallotText.cellName(definition, cell)) + " "
                    + answerText(saved.ballot().answers().get(cell)));
        }
        if (cells.size() > 6) {
            text.append(cells.size()).append(" answers");
        } else {
            text.append(String.join(", ", cells));
        }
        return text.append(". You have answered ")
                .append(saved.ballot().answers().size())
                .append(" of ")
                .append(definition.cellCount())
                .append(" in *")
                .append(escape(saved.poll().title()))
                .append("*.")
                .toString();
    }

    private static SlackMessage myBallot(Poll poll, Ballot ballot, Optional<String> groupNote) {
        PollDefinition definition = poll.definition();
        List<String> lines = new ArrayList<>();
        lines.add("*Your answers in poll #" + poll.id() + " " + escape(poll.title()) + "* ("
                + ballot.answers().size() + " of " + definition.cellCount() + "; only you see this)");
        for (Field field : definition.fields()) {
            List<String> answers = new ArrayList<>();
            for (Factor factor : definition.factors()) {
                answers.add(escape(factor.name()) + " "
                        + answerText(ballot.answers().get(new CellKey(field.key(), factor.key()))));
            }
            lines.add("• *" + escape(field.name()) + "*: " + String.join(" · ", answers));
        }
        groupNote.ifPresent(note -> lines.add(":busts_in_silhouette: " + escape(note)));
        return new SlackMessage("Your answers in poll #" + poll.id(), Mrkdwn.sections(lines));
    }

    private static SlackMessage pollList(List<Listing> polls) {
        if (polls.isEmpty()) {
            return SlackMessage.text("No polls in this channel yet. Start one with `/poll create`.");
        }
        List<String> lines = new ArrayList<>();
        lines.add("*Polls in this channel*");
        for (Listing listing : polls) {
            Poll poll = listing.poll();
            lines.add("• #" + poll.id() + " *" + escape(poll.title()) + "* — "
                    + (listing.status() == PollStatus.OPEN ? "open" : "closed") + ", "
                    + Mrkdwn.plural(listing.voters(), "voter"));
        }
        return new SlackMessage("Polls in this channel", Mrkdwn.sections(lines));
    }

    private static String answerText(Answer answer) {
        return BallotText.answerText(answer, "–");
    }
}
