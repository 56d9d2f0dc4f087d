package dev.fieldpoll.summary;

import dev.fieldpoll.poll.Poll;
import java.util.Objects;
import java.util.Optional;

/**
 * The results a closed poll posts in its channel, once: its final report and chart as a {@link
 * PollSummary} (built without a comparison, so nothing "moved"), a note when fieldpoll posts it
 * late (it was down when the poll closed), and the poll message it answers (a Slack thread, a
 * Discord reply), when there is one.
 */
public record ResultsPost(Poll poll, PollSummary results, Optional<String> lateNote, Optional<String> pollMessageId) {

    public ResultsPost {
        Objects.requireNonNull(poll, "poll");
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(lateNote, "lateNote");
        Objects.requireNonNull(pollMessageId, "pollMessageId");
    }

    /** False below min-voters (or before any field could be ranked): the post says so instead. */
    public boolean hasResults() {
        return results.hasResults();
    }

    /** What every platform titles it. */
    public String heading() {
        return "Results of poll #" + poll.id() + ": " + poll.title();
    }

    /** The one sentence of a post without results: how many voted, and that it was too few. */
    public String tooFew() {
        return dev.fieldpoll.report.Sentences.closedWithoutResults(results.report());
    }
}
