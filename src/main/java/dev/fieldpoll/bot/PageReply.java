package dev.fieldpoll.bot;

import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PseudonymousVote;
import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.report.RoundReport;
import java.util.List;
import java.util.Optional;

/** What a results page may show its viewer, decided by the chat's own rules at the moment of the request. */
public sealed interface PageReply {

    /** How a member gets a new personal link, for every page that cannot be shown. */
    String NEW_LINK =
            "For a new link, type /poll results in the poll's channel (or press Results on the poll message).";

    /**
     * The page: the poll and its report as the viewer may see them now. {@code viewerIsAdmin}
     * offers the downloads; {@code pagePublic} says anyone with the public link sees it too;
     * {@code rounds}, for a later round of a poll, what changed since the round before.
     */
    record Page(Poll poll, PollReport report, boolean viewerIsAdmin, boolean pagePublic, Optional<RoundReport> rounds)
            implements PageReply {
        public Page {
            rounds = rounds == null ? Optional.empty() : rounds;
        }

        /** The page of a poll that is not a later round. */
        public Page(Poll poll, PollReport report, boolean viewerIsAdmin, boolean pagePublic) {
            this(poll, report, viewerIsAdmin, pagePublic, Optional.empty());
        }

        Page withRounds(Optional<RoundReport> changes) {
            return new Page(poll, report, viewerIsAdmin, pagePublic, changes);
        }
    }

    /** An admin's download of every answer, voters as pseudonyms. */
    record Votes(Poll poll, List<PseudonymousVote> votes) implements PageReply {
        public Votes {
            votes = List.copyOf(votes);
        }
    }

    /** The viewer may not see this (now): one or two plain sentences saying why. */
    record Refused(String reason) implements PageReply {}

    /** Too many requests from this member just now; nothing is wrong with the link. */
    record SlowDown(String reason) implements PageReply {}
}
