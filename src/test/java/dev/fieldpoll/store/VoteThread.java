package dev.fieldpoll.store;

import static dev.fieldpoll.store.TestPolls.CREATED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/** A member's vote on a thread of its own, so that a test can see it wait. */
record VoteThread(Thread thread, FutureTask<?> task) {

    static VoteThread start(SqlPollStore store, long pollId, String voter, CellKey cell, Answer answer) {
        FutureTask<Void> task =
                new FutureTask<>(() -> Commits.save(store, pollId, voter, Map.of(cell, answer), CREATED), null);
        Thread thread = new Thread(task, "vote-" + voter);
        thread.start();
        return new VoteThread(thread, task);
    }

    /** Blocks until every vote's thread is parked waiting for its commit (or has ended). */
    static void awaitAllWaiting(List<VoteThread> votes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        for (VoteThread vote : votes) {
            while (vote.thread.getState() != Thread.State.WAITING && vote.thread.isAlive()) {
                assertThat(System.nanoTime()).as("votes queue within a minute").isLessThan(deadline);
                Thread.sleep(5);
            }
        }
    }

    boolean isDone() {
        return task.isDone();
    }

    /** Waits for the vote; throws what it threw. */
    void outcome() throws Exception {
        task.get(1, TimeUnit.MINUTES);
    }

    /** Waits for the vote; what it threw, or null when it was saved. */
    Throwable failure() throws Exception {
        try {
            task.get(1, TimeUnit.MINUTES);
            return null;
        } catch (ExecutionException failed) {
            return failed.getCause();
        }
    }
}
