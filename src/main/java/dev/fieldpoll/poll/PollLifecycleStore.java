package dev.fieldpoll.poll;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Where the life of a poll after its creation is stored: edits, reopening, deletion, a member's
 * answers forgotten. Each write is one commit, and its stage completes once committed (possibly on
 * the store's committer thread: callers move to an executor of their own first).
 */
public interface PollLifecycleStore {

    /** Fields removed from the poll, kept with their votes so adding one back by name restores them. */
    List<Field> removedFields(long pollId);

    /** Applies a checked edit and records its notes; completes with the poll as stored after it. */
    CompletionStage<Poll> edit(long pollId, EditPlan plan, String by, Instant at);

    /**
     * Opens a closed poll again until {@code closesAt} (null: until closed by hand): its closing,
     * results post and reminder are forgotten, so the next close is handled (and posted) afresh.
     */
    CompletionStage<Poll> reopen(long pollId, Instant closesAt, String by, Instant at);

    /** Deletes the poll and every row of it; completes with the id of its message, if it had one. */
    CompletionStage<Optional<String>> delete(long pollId);

    /**
     * Deletes every answer of {@code voterId} in the given polls; completes with the polls whose
     * answers changed (the voter had answers there).
     */
    CompletionStage<List<Long>> forget(String voterId, List<Long> pollIds);

    /** Every poll of the workspace, in every channel: what "forget all" reaches. */
    List<Long> pollsOfWorkspace(Workspace workspace);

    /** Voters who answered every cell the poll asks now. */
    int completeBallots(long pollId, int cells);

    /** Changes made to the poll after {@code after}, oldest first. */
    List<PollChange> changesSince(long pollId, Instant after);
}
