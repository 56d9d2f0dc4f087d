package dev.fieldpoll.poll;

import java.util.List;

/**
 * The expected outcomes of PollService's use cases. Callers handle them through each outcome's
 * visitor, so an outcome added later fails compilation wherever it is not handled.
 */
public final class Outcomes {

    private Outcomes() {}

    public sealed interface Created {
        <R> R accept(Visitor<R> visitor);

        interface Visitor<R> {
            R created(PollCreated created);

            R refused(Refused refused);
        }
    }

    public record PollCreated(Poll poll) implements Created {
        @Override
        public <R> R accept(Created.Visitor<R> visitor) {
            return visitor.created(this);
        }
    }

    /** Something a member asked for that cannot be done, with a sentence saying what to do instead. */
    public record Refused(String reason) implements Created, Lookup, Voted, Closing, Results {
        @Override
        public <R> R accept(Created.Visitor<R> visitor) {
            return visitor.refused(this);
        }

        @Override
        public <R> R accept(Lookup.Visitor<R> visitor) {
            return visitor.refused(this);
        }

        @Override
        public <R> R accept(Voted.Visitor<R> visitor) {
            return visitor.refused(this);
        }

        @Override
        public <R> R accept(Closing.Visitor<R> visitor) {
            return visitor.refused(this);
        }
    }

    public sealed interface Lookup {
        <R> R accept(Visitor<R> visitor);

        interface Visitor<R> {
            R found(Found found);

            R refused(Refused refused);
        }
    }

    public record Found(Poll poll) implements Lookup {
        @Override
        public <R> R accept(Lookup.Visitor<R> visitor) {
            return visitor.found(this);
        }
    }

    public sealed interface Voted {
        <R> R accept(Visitor<R> visitor);

        interface Visitor<R> {
            R saved(VotesSaved saved);

            R closed(PollIsClosed closed);

            R refused(Refused refused);
        }
    }

    /** The member's answers are committed; {@code ballot} is their ballot as that commit left it. */
    public record VotesSaved(Poll poll, Ballot ballot) implements Voted {
        @Override
        public <R> R accept(Voted.Visitor<R> visitor) {
            return visitor.saved(this);
        }
    }

    public record PollIsClosed(Poll poll) implements Voted, Closing {
        @Override
        public <R> R accept(Voted.Visitor<R> visitor) {
            return visitor.closed(this);
        }

        @Override
        public <R> R accept(Closing.Visitor<R> visitor) {
            return visitor.alreadyClosed(this);
        }
    }

    public sealed interface Closing {
        <R> R accept(Visitor<R> visitor);

        interface Visitor<R> {
            R closed(PollClosed closed);

            R alreadyClosed(PollIsClosed closed);

            R refused(Refused refused);
        }
    }

    public record PollClosed(Poll poll, int voters) implements Closing {
        @Override
        public <R> R accept(Closing.Visitor<R> visitor) {
            return visitor.closed(this);
        }
    }

    /** Whether a member may see a poll's results now; hidden ones say why. */
    public sealed interface Results {}

    public record ResultsVisible(Poll poll) implements Results {}

    public record ResultsHidden(Poll poll, String reason) implements Results {}

    /** An open poll on a member's home: whether they have answered any of it yet. */
    public record HomePoll(Poll poll, boolean voted) {}

    /** A poll in a channel listing. */
    public record Listing(Poll poll, PollStatus status, int voters) {}

    public record Listings(List<Listing> polls) {
        public Listings {
            polls = List.copyOf(polls);
        }
    }
}
