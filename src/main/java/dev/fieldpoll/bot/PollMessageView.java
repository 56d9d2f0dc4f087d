package dev.fieldpoll.bot;

import dev.fieldpoll.poll.Poll;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a poll message shows, read fresh from the store when it is drawn: the poll (open or closed
 * at {@code now}), how many members have voted, the live top of the ranking ({@code results:live}
 * polls with enough votes; empty otherwise, since the message is public), and where the poll's
 * results post can be opened once it is posted.
 */
public record PollMessageView(
        Poll poll, int voters, Instant now, List<LiveField> liveTop, Optional<String> resultsLink) {

    /** How many of the top fields a live poll message shows. */
    public static final int LIVE_TOP = 3;

    public PollMessageView {
        Objects.requireNonNull(poll, "poll");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(resultsLink, "resultsLink");
        liveTop = List.copyOf(liveTop);
        if (voters < 0) {
            throw new IllegalArgumentException("voters must not be negative");
        }
    }

    /** A new poll's message: nobody voted, nothing ranked, nothing posted. */
    public PollMessageView(Poll poll, int voters, Instant now) {
        this(poll, voters, now, List.of(), Optional.empty());
    }

    /** One of the top fields of a live poll: its place, name and 90% rank range. */
    public record LiveField(int rank, String name, int rankLow, int rankHigh) {

        public LiveField {
            Objects.requireNonNull(name, "name");
        }

        /** "2" or "1–3". */
        public String rankRange() {
            return rankLow == rankHigh ? Integer.toString(rankLow) : rankLow + "–" + rankHigh;
        }
    }
}
