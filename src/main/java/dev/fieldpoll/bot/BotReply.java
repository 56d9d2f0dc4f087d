package dev.fieldpoll.bot;

import dev.fieldpoll.poll.Ballot;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Outcomes.Listing;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.report.PollReport;
import java.util.List;
import java.util.Optional;

/** What the bot answers, before any platform renders it. Only PollPosted, PollClosed and public results are for everyone. */
public sealed interface BotReply {

    /** A new poll: the poll message everyone votes on. */
    record PollPosted(Poll poll, int voters) implements BotReply {}

    /** The member's ballot, to fill in: current answers preset. */
    record BallotView(Poll poll, Ballot ballot) implements BotReply {}

    /** Answers saved (on disk) for these cells. */
    record VoteSaved(Poll poll, Ballot ballot, List<CellKey> cells, boolean cleared) implements BotReply {
        public VoteSaved {
            cells = List.copyOf(cells);
        }
    }

    /**
     * Results for the member, or for the channel when an admin posts them. {@code page}: the
     * member's own results-page link, or on a channel post the public one if an admin shared it.
     * {@code notice}, when not empty, is a line to show first (why they are private, say).
     */
    record ResultsView(Poll poll, PollReport report, boolean postPublicly, Optional<PageLink> page, String notice)
            implements BotReply {
        public ResultsView {
            page = page == null ? Optional.empty() : page;
            notice = notice == null ? "" : notice;
        }

        /** Results with no notice to show first. */
        public ResultsView(Poll poll, PollReport report, boolean postPublicly, Optional<PageLink> page) {
            this(poll, report, postPublicly, page, "");
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
    }

    record PollList(List<Listing> polls) implements BotReply {
        public PollList {
            polls = List.copyOf(polls);
        }
    }

    record PollClosed(Poll poll, int voters) implements BotReply {}

    record Help(List<HelpTopic> topics) implements BotReply {
        public Help {
            topics = List.copyOf(topics);
        }
    }

    record HelpTopic(String usage, String summary) {}

    /** A short confirmation for the member, such as a summary schedule that was set. */
    record Notice(String message) implements BotReply {}

    /** A submitted answer is not on the poll's scale; ballots show it beside that cell and ask again. */
    record InvalidAnswer(CellKey cell, String message) implements BotReply {}

    /** Something the member asked cannot be done; one friendly line on what to do instead. */
    record Problem(String message) implements BotReply {}
}
