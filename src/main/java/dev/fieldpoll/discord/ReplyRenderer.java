package dev.fieldpoll.discord;

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
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * The replies only the asking member sees: saved votes, their own ballot, lists, help and problems.
 * Thread-safe: it keeps no state.
 */
final class ReplyRenderer {

    private final ResultsRenderer results = new ResultsRenderer();

    /** Any reply as an ephemeral message; ballots and poll messages have their own renderers. */
    MessageEditData render(BotReply reply) {
        return reply.accept(new BotReply.Visitor<>() {
            @Override
            public MessageEditData confirm(BotReply.Confirm confirm) {
                return Messages.message(
                        DiscordText.escape(confirm.question()),
                        List.of(),
                        List.of(ActionRow.of(Button.danger(ActionIds.encode(confirm.action()), confirm.button()))));
            }

            @Override
            public MessageEditData editForm(BotReply.EditForm form) {
                return Messages.text(form.typed());
            }

            @Override
            public MessageEditData exportFile(BotReply.ExportFile file) {
                return new MessageEditBuilder()
                        .setContent(DiscordText.cut(DiscordText.escape(file.message()), DiscordText.CONTENT_MAX))
                        .setFiles(FileUpload.fromData(file.content(), file.name()))
                        .setAllowedMentions(Messages.NO_PINGS)
                        .build();
            }

            @Override
            public MessageEditData pollPosted(BotReply.PollPosted posted) {
                return Messages.text("Poll #" + posted.poll().id() + " **"
                        + DiscordText.escape(posted.poll().title()) + "** is saved.");
            }

            @Override
            public MessageEditData ballotView(BotReply.BallotView ballot) {
                return ReplyRenderer.myBallot(ballot.poll(), ballot.ballot(), Optional.empty());
            }

            @Override
            public MessageEditData voteSaved(BotReply.VoteSaved saved) {
                return Messages.text(ReplyRenderer.voteSaved(saved));
            }

            @Override
            public MessageEditData resultsView(BotReply.ResultsView view) {
                String note = results.pageNote(view.page());
                String content =
                        view.notice().isEmpty() || note.isEmpty() ? view.notice() + note : view.notice() + "\n" + note;
                return Messages.message(
                        content, results.render(view.report(), view.rounds()), results.pageButton(view.page()));
            }

            @Override
            public MessageEditData myBallot(BotReply.MyBallot mine) {
                return ReplyRenderer.myBallot(mine.poll(), mine.ballot(), mine.groupNote());
            }

            @Override
            public MessageEditData pollList(BotReply.PollList list) {
                return Messages.text(ReplyRenderer.pollList(list.polls()));
            }

            @Override
            public MessageEditData pollClosed(BotReply.PollClosed closed) {
                return Messages.text("Closed poll #" + closed.poll().id() + " **"
                        + DiscordText.escape(closed.poll().title())
                        + "** with " + (closed.voters() == 1 ? "1 voter" : closed.voters() + " voters")
                        + ". Press **Results** on the poll message or use `/poll results` to see how it ended.");
            }

            @Override
            public MessageEditData help(BotReply.Help help) {
                return Messages.text(HELP);
            }

            @Override
            public MessageEditData notice(BotReply.Notice notice) {
                return Messages.text(notice.message());
            }

            @Override
            public MessageEditData invalidAnswer(BotReply.InvalidAnswer invalid) {
                return ReplyRenderer.problem(invalid.message());
            }

            @Override
            public MessageEditData problem(BotReply.Problem problem) {
                return ReplyRenderer.problem(problem.message());
            }
        });
    }

    static MessageEditData problem(String message) {
        return Messages.text("⚠️ " + message);
    }

    static final String HELP = String.join(
            "\n",
            "**fieldpoll** — score fields on factors, 1 to 5 or don't know.",
            "`/poll create` — start a poll: a `template`, or your own `title`, `fields` and `factors` (separate with ;). "
                    + "Optional: `closes` (3d, 12h, 2w or 2026-12-24), `results` (after-vote, live, after-close), "
                    + "`voters` (only members with that role vote).",
            "`/poll new` — the same, filled in as a form.",
            "`/poll vote` — your ballot, step by step; only you see it. Every choice is saved at once.",
            "`/poll score` — score one field on one factor directly.",
            "`/poll results` — ranking, where members split, the reference comparison, and a link to the full "
                    + "results page (admins: `public:True` posts it; `page:public` or `page:private` shares the page).",
            "`/poll mine` — your own answers, only for you.",
            "`/poll list` — this channel's polls.",
            "`/poll close` — close a poll (its creator or an admin).",
            "`/poll summary schedule|show|off|now` — this channel's weekly summary post (admins).",
            "Most commands take `poll:` to pick a poll; without it they use this channel's open poll.");

    private static String voteSaved(BotReply.VoteSaved saved) {
        return savedCells(saved) + " You have answered "
                + saved.ballot().answers().size() + " of "
                + saved.poll().definition().cellCount() + " in poll #"
                + saved.poll().id() + ".";
    }

    /** Saved-choice note under a ballot page, whose header already counts the answers. */
    static String savedNote(BotReply.VoteSaved saved) {
        return "✅ " + savedCells(saved);
    }

    /** "Saved: Evals · Feedback quality = 4." */
    private static String savedCells(BotReply.VoteSaved saved) {
        PollDefinition definition = saved.poll().definition();
        List<String> cells = saved.cells().stream()
                .map(cell -> cellName(definition, cell) + " = "
                        + answerText(saved.ballot().answers().get(cell)))
                .toList();
        return (saved.cleared() ? "Withdrawn: " : "Saved: ") + String.join(", ", cells) + ".";
    }

    private static MessageEditData myBallot(Poll poll, Ballot ballot, Optional<String> groupNote) {
        PollDefinition definition = poll.definition();
        List<String> lines = new ArrayList<>();
        for (Field field : definition.fields()) {
            List<String> answers = new ArrayList<>();
            for (Factor factor : definition.factors()) {
                answers.add(DiscordText.escape(factor.name()) + " "
                        + answerText(ballot.answers().get(new CellKey(field.key(), factor.key()))));
            }
            lines.add("**" + DiscordText.escape(field.name()) + "**: " + String.join(" · ", answers));
        }
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(PollMessageRenderer.OPEN_COLOR)
                .setTitle(DiscordText.cut("Your votes · " + poll.title(), DiscordText.EMBED_TITLE_MAX))
                .setDescription(DiscordText.lines(lines, DiscordText.EMBED_DESCRIPTION_MAX))
                .setFooter("Poll #" + poll.id() + " · " + ballot.answers().size() + " of " + definition.cellCount()
                        + " answered · only you see this");
        groupNote.ifPresent(note -> embed.addField("Your opinion group", DiscordText.escape(note), false));
        return Messages.embeds(List.of(embed.build()));
    }

    private static String pollList(List<Listing> polls) {
        if (polls.isEmpty()) {
            return "No polls in this channel yet. Start one with `/poll create`.";
        }
        List<String> lines = new ArrayList<>();
        for (Listing listing : polls) {
            Poll poll = listing.poll();
            boolean open = listing.status() == PollStatus.OPEN;
            lines.add("**#" + poll.id() + "** " + DiscordText.escape(poll.title()) + " — " + (open ? "open" : "closed")
                    + ", " + (listing.voters() == 1 ? "1 voter" : listing.voters() + " voters")
                    + poll.closesAtTime()
                            .filter(at -> open)
                            .map(at -> ", closes " + DiscordText.timestamp(at, 'R'))
                            .orElse(""));
        }
        return "**Polls in this channel**\n" + DiscordText.lines(lines, DiscordText.CONTENT_MAX - 30);
    }

    /** Discord's style: names escaped and joined with a middle dot. */
    static String cellName(PollDefinition definition, CellKey cell) {
        String field = definition.field(cell.field()).map(Field::name).orElse(cell.field());
        String factor = definition.factor(cell.factor()).map(Factor::name).orElse(cell.factor());
        return DiscordText.escape(field) + " · " + DiscordText.escape(factor);
    }

    static String answerText(Answer answer) {
        return BallotText.answerText(answer, "–");
    }
}
