package dev.fieldpoll.poll;

import java.util.List;

/** The expected outcomes of PollService's use cases; adapters switch over them. */
public final class Outcomes {

    private Outcomes() {}

    public sealed interface Created {}

    public record PollCreated(Poll poll) implements Created {}

    /** Something a member asked for that cannot be done, with a sentence saying what to do instead. */
    public record Refused(String reason) implements Created, Lookup, Voted, Closing, Results {}

    public sealed interface Lookup {}

    public record Found(Poll poll) implements Lookup {}

    public sealed interface Voted {}

    public record VotesSaved(Poll poll, Ballot ballot, int changed) implements Voted {}

    public record PollIsClosed(Poll poll) implements Voted, Closing {}

    public sealed interface Closing {}

    public record PollClosed(Poll poll, int voters) implements Closing {}

    public sealed interface Results {}

    public record ResultsVisible(Poll poll) implements Results {}

    public record ResultsHidden(Poll poll, String reason) implements Results {}

    /** A poll in a channel listing. */
    public record Listing(Poll poll, PollStatus status, int voters) {}

    public record Listings(List<Listing> polls) {
        public Listings {
            polls = List.copyOf(polls);
        }
    }
}
