package dev.fieldpoll.store;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.Ballot;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.NewPoll;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollStore;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The store's writes that complete after their commit, waited for: for tests that do one thing at a
 * time. A write that failed throws what the store failed it with, as a caller would see it.
 */
final class Commits {

    private Commits() {}

    static Poll create(PollStore store, NewPoll poll) {
        return join(store.create(poll));
    }

    /** Saves the answers on an open poll and reads the voter's ballot back, as a vote's reply does. */
    static Ballot save(PollStore store, long pollId, String voter, Map<CellKey, Answer> answers, Instant at) {
        return saved(store, pollId, voter, join(store.changeAnswers(pollId, voter, answers, List.of(), at)));
    }

    static Ballot clear(PollStore store, long pollId, String voter, Collection<CellKey> cells) {
        return saved(
                store, pollId, voter, join(store.changeAnswers(pollId, voter, Map.of(), cells, TestPolls.CREATED)));
    }

    private static Ballot saved(PollStore store, long pollId, String voter, boolean open) {
        if (!open) {
            throw new IllegalStateException("poll " + pollId + " was closed: nothing saved");
        }
        return store.ballot(pollId, voter);
    }

    static boolean close(PollStore store, long pollId, Instant at) {
        return join(store.close(pollId, at));
    }

    static <T> T join(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException wrapped) {
            if (wrapped.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (wrapped.getCause() instanceof Error error) {
                throw error;
            }
            throw wrapped;
        }
    }
}
