package dev.fieldpoll.poll;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where polls and votes live. Implementations commit every write before returning:
 * a vote the bot acknowledged is on disk.
 */
public interface PollStore {

    Poll create(NewPoll poll);

    /**
     * The poll, only if it belongs to the workspace and the channel: ids from clients never reach
     * another workspace's poll, nor another channel's (a private channel's poll stays private).
     */
    Optional<Poll> find(Workspace workspace, String channelId, long pollId);

    /** The poll by id alone, for trusted local tools (export, summary files). */
    Optional<Poll> findById(long pollId);

    /** Every poll of a channel, newest first. */
    List<Poll> listInChannel(Workspace workspace, String channelId);

    /** Inserts or replaces the voter's answers for the given cells, in one transaction. */
    void saveAnswers(long pollId, String voterId, Map<CellKey, Answer> answers, Instant at);

    /** Removes the voter's answers for the given cells; returns how many were removed. */
    int clearAnswers(long pollId, String voterId, Collection<CellKey> cells);

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

    /** Marks the poll closed at the given time; false when it was already closed. */
    boolean close(long pollId, Instant at);

    /** Remembers the platform message that shows the poll (a Discord message id, a Slack ts). */
    void recordMessage(long pollId, String messageId);

    /** The platform message showing the poll, once posted. */
    Optional<String> messageId(long pollId);

    /** A per-poll random secret, kept only in the database, that keys voter pseudonyms in exports. */
    byte[] pseudonymSecret(long pollId);

    @FunctionalInterface
    interface AnswerVisitor {
        void accept(String voterId, CellKey cell, Answer answer);
    }
}
