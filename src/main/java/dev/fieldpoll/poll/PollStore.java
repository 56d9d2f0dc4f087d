package dev.fieldpoll.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Where polls and votes live. A write a member waits for (create, change answers, close) returns a
 * stage that completes only once its commit is on disk, so a vote the bot acknowledged is on disk,
 * and no thread waits for that commit. Those stages may complete on the store's own committer
 * thread: whoever continues from them moves to an executor of their own first. Every other write
 * is committed before its method returns.
 */
public interface PollStore {

    /** Creates the poll (and, when it asks for none, turns its closing-soon post off) in one commit. */
    CompletionStage<Poll> create(NewPoll poll);

    /**
     * The poll, only if it belongs to the workspace and the channel: ids from clients never reach
     * another workspace's poll, nor another channel's (a private channel's poll stays private).
     */
    Optional<Poll> find(Workspace workspace, String channelId, long pollId);

    /**
     * {@link #find} for a vote: possibly a copy this process read moments ago, current with every
     * change this process made and at most a few seconds behind other processes sharing the
     * database. Only for votes, whose write checks that the poll is open.
     */
    Optional<Poll> findForVote(Workspace workspace, String channelId, long pollId);

    /** The poll by id alone, for trusted local tools (export, summary files). */
    Optional<Poll> findById(long pollId);

    /** The polls of a workspace, in any channel, not closed by hand, newest first (some may be past their close time). */
    List<Poll> notClosedInWorkspace(Workspace workspace);

    /** Every poll of a channel, newest first. */
    List<Poll> listInChannel(Workspace workspace, String channelId);

    /**
     * Inserts or replaces the voter's {@code answers} and removes their answers to {@code clears},
     * in one commit: one member action, one transaction; only while the poll is open at {@code at},
     * checked by the write itself, so a poll closed meanwhile (here or by another process) takes no
     * vote, whatever its caller was shown. Completes with true once committed, or with false when the
     * poll was closed and nothing changed. The voter's ballot is read with {@link #ballot} after it.
     */
    CompletionStage<Boolean> changeAnswers(
            long pollId, String voterId, Map<CellKey, Answer> answers, Collection<CellKey> clears, Instant at);

    Ballot ballot(long pollId, String voterId);

    /** Aggregated answers per cell that has any; the poll's scale sizes the histograms. */
    List<CellCounts> counts(long pollId);

    /** Members with at least one answer (a score or "don't know"). */
    int voterCount(long pollId);

    /** Streams every answer of the poll, grouped by voter, for statistics that need whole ballots. */
    void forEachAnswer(long pollId, AnswerVisitor visitor);

    /**
     * A number that changes each time this process commits a change to the poll's answers or
     * status, so what is computed from them may be kept until it changes. Writes by another
     * process sharing the database do not change it.
     */
    long dataVersion(long pollId);

    /** Marks the poll closed at the given time; completes with false when it was already closed. */
    CompletionStage<Boolean> close(long pollId, Instant at);

    /**
     * Remembers the platform message that shows the poll (a Discord message id, a Slack ts);
     * completes once committed.
     */
    CompletionStage<Void> recordMessage(long pollId, String messageId);

    /** The platform message showing the poll, once posted. */
    Optional<String> messageId(long pollId);

    /** A per-poll random secret, kept only in the database, that keys voter pseudonyms in exports. */
    byte[] pseudonymSecret(long pollId);

    /**
     * Polls closed at {@code now} (by a command, or by their close time) whose closing has not been
     * handled yet, oldest close first: leaving out those another process claimed less than
     * {@code lease} ago. Polls that closed while fieldpoll was down are among them.
     */
    List<Poll> closedUnhandled(Instant now, Duration lease);

    /**
     * Claims the handling of the poll's closing: true for the one caller that gets it, unless it
     * was handled already or claimed less than {@code lease} ago (a claim older than that was
     * abandoned by a process that died, and is taken over).
     */
    boolean claimClosing(long pollId, Instant now, Duration lease);

    /** Records the poll's closing as handled: it is never reported again. */
    void closingHandled(long pollId, Instant at);

    /** The earliest close time after {@code after} among open polls, if any poll closes by time. */
    Optional<Instant> nextClose(Instant after);

    @FunctionalInterface
    interface AnswerVisitor {
        void accept(String voterId, CellKey cell, Answer answer);
    }
}
