package dev.fieldpoll.bot;

import dev.fieldpoll.poll.Ballot;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Outcomes.Listing;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.report.RoundReport;
import java.util.List;
import java.util.Optional;

/**
 * What the bot answers, before any platform renders it. Only PollPosted, PollClosed and public
 * results are for everyone. Rendered through a {@link Visitor}: a new reply is a new record, which
 * must implement {@link #accept}, and a new visit method every renderer must implement; so a reply
 * a platform does not render does not compile.
 */
public sealed interface BotReply {

    <R> R accept(Visitor<R> visitor);

    /** One method per reply: what every renderer implements. */
    interface Visitor<R> {
        R pollPosted(PollPosted posted);

        R ballotView(BallotView ballot);

        R voteSaved(VoteSaved saved);

        R resultsView(ResultsView results);

        R myBallot(MyBallot mine);

        R pollList(PollList list);

        R pollClosed(PollClosed closed);

        R help(Help help);

        R notice(Notice notice);

        R invalidAnswer(InvalidAnswer invalid);

        R problem(Problem problem);

        R confirm(Confirm confirm);

        R exportFile(ExportFile file);

        R editForm(EditForm form);
    }

    /** A new poll, committed: the adapter posts its message (this view of it) for everyone to vote on. */
    record PollPosted(PollMessageView message) implements BotReply {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.pollPosted(this);
        }

        public Poll poll() {
            return message.poll();
        }
    }

    /**
     * The member's ballot, to fill in: current answers preset. {@code rounds}, for a later round of a
     * poll: the previous round's view of each cell and the member's own previous answers.
     */
    record BallotView(Poll poll, Ballot ballot, Optional<RoundHints> rounds) implements BotReply {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.ballotView(this);
        }

        public BallotView {
            rounds = rounds == null ? Optional.empty() : rounds;
        }
    }

    /** Answers saved (on disk) for these cells. */
    record VoteSaved(Poll poll, Ballot ballot, List<CellKey> cells, boolean cleared) implements BotReply {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.voteSaved(this);
        }

        public VoteSaved {
            cells = List.copyOf(cells);
        }
    }

    /**
     * Results for the member, or for the channel when an admin posts them. {@code page}: the
     * member's own results-page link, or on a channel post the public one if an admin shared it.
     * {@code notice}, when not empty, is a line to show first (why they are private, say).
     * {@code rounds}, for a later round of a poll: what changed since the previous round.
     */
    record ResultsView(
            Poll poll,
            PollReport report,
            boolean postPublicly,
            Optional<PageLink> page,
            String notice,
            Optional<RoundReport> rounds)
            implements BotReply {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.resultsView(this);
        }

        public ResultsView {
            page = page == null ? Optional.empty() : page;
            notice = notice == null ? "" : notice;
            rounds = rounds == null ? Optional.empty() : rounds;
        }
    }

    /**
     * The member's own answers. {@code groupNote}: which opinion group their ballot is closest to,
     * when the poll has groups and its results are open to them; for that member only.
     */
    record MyBallot(Poll poll, Ballot ballot, Optional<String> groupNote) implements BotReply {
        public MyBallot {
            groupNote = groupNote == null ? Optional.empty() : groupNote;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.myBallot(this);
        }
    }

    record PollList(List<Listing> polls) implements BotReply {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.pollList(this);
        }

        public PollList {
            polls = List.copyOf(polls);
        }
    }

    record PollClosed(Poll poll, int voters) implements BotReply {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.pollClosed(this);
        }
    }

    record Help(List<HelpTopic> topics) implements BotReply {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.help(this);
        }

        public Help {
            topics = List.copyOf(topics);
        }
    }

    record HelpTopic(String usage, String summary) {}

    /** A short confirmation for the member, such as a summary schedule that was set. */
    record Notice(String message) implements BotReply {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.notice(this);
        }
    }

    /** A submitted answer is not on the poll's scale; ballots show it beside that cell and ask again. */
    record InvalidAnswer(CellKey cell, String message) implements BotReply {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.invalidAnswer(this);
        }
    }

    /** Something the member asked cannot be done; one friendly line on what to do instead. */
    record Problem(String message) implements BotReply {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.problem(this);
        }
    }

    /**
     * Something that cannot be undone, asked first: {@code question} for the member, a button
     * ({@code action}, labelled {@code button}) where the platform has buttons, and the command that
     * confirms it where it does not ({@code typed}).
     */
    record Confirm(String question, String button, ActionId action, String typed) implements BotReply {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.confirm(this);
        }
    }

    /** A poll's answers as a file, for the admin who asked alone: {@code name} ends in .csv or .json. */
    record ExportFile(Poll poll, String name, String mediaType, byte[] content, String message) implements BotReply {
        public ExportFile {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.exportFile(this);
        }
    }

    /**
     * The edit form of an open poll, for its creator or an admin: the platform shows it prefilled
     * (title, results rule), and its submission comes back as a {@link BotCommand.Edit}.
     */
    record EditForm(Poll poll) implements BotReply {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.editForm(this);
        }

        /** Where no form can be shown: the typed command that does the same. */
        public String typed() {
            return "Change poll #" + poll.id() + " with `/poll edit #" + poll.id()
                    + " add:\"A; B\" remove:\"C\" rename:\"old => new\" title:\"…\" closes:… results:…`.";
        }
    }
}
