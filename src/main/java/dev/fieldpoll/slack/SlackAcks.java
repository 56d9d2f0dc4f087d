package dev.fieldpoll.slack;

import com.slack.api.bolt.response.Response;
import dev.fieldpoll.bot.Gate;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledges each Slack request after its work, within Slack's 3 seconds. The work runs on a
 * bounded pool (Bolt's thread only hands it over) and a commit it waits for holds no thread; its
 * ack — carrying the answer — goes out when it is done. Work not done within the budget is acked
 * with a "still working" answer at the budget, and its outcome is delivered later another way
 * (response_url, views.update). A full pool or gate is answered "busy" at once; a closed gate
 * (shutdown) "restarting". A request counts as in flight until its outcome is delivered.
 * Thread-safe: the gate, the pool and each request's once-only ack are.
 */
final class SlackAcks {

    static final String BUSY = "I'm busy right now, so nothing changed. Please try again in a moment.";
    static final String RESTARTING = "fieldpoll is restarting, and nothing changed. Please try again in a minute.";

    private static final Logger log = LoggerFactory.getLogger(SlackAcks.class);

    /** One request's work and the ways it may be acknowledged. */
    interface Work<T> {

        /** The work; runs on the pool. */
        CompletionStage<T> run();

        /** The ack that carries the outcome. */
        Response ack(T outcome);

        /** The ack at the budget, when the outcome is not there yet. */
        Response slow();

        /** Delivers the outcome after a slow ack went. Runs on the pool. */
        void late(T outcome);

        /** The outcome to answer with after a bug (which it logs). */
        T bug(Throwable bug);

        /** The ack when the request is not taken at all ("busy", "restarting"). */
        Response refused(String why);
    }

    private final Gate gate;
    private final Executor pool;
    private final ScheduledExecutorService timer;
    private final Duration budget;

    /** {@code pool} must queue more tasks than {@code gate} admits requests, so a continuation is never refused. */
    SlackAcks(Gate gate, Executor pool, ScheduledExecutorService timer, Duration budget) {
        this.gate = gate;
        this.pool = pool;
        this.timer = timer;
        this.budget = budget;
    }

    /** Where what follows a commit runs: the Web API calls block. */
    Executor pool() {
        return pool;
    }

    /** Runs a task on the pool after the ack, as part of a request that is still in flight. */
    void afterwards(Runnable task) {
        pool.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException bug) {
                log.error("Finishing a Slack request failed", bug);
            }
        });
    }

    /** The request's ack: a stand-in Bolt returns at once, completed when the work is done or the budget over. */
    <T> Response answer(Work<T> work) {
        Gate.Entry entry = gate.enter();
        if (entry != Gate.Entry.ADMITTED) {
            return work.refused(entry == Gate.Entry.CLOSED ? RESTARTING : BUSY);
        }
        CompletableFuture<T> outcome;
        try {
            outcome = CompletableFuture.supplyAsync(work::run, pool).thenCompose(stage -> stage);
        } catch (RejectedExecutionException full) {
            gate.exit();
            log.warn("A Slack request was refused: the work queue is full");
            return work.refused(BUSY);
        }
        return new LaterResponse(acked(work, outcome.exceptionally(work::bug)));
    }

    private <T> CompletionStage<Response> acked(Work<T> work, CompletableFuture<T> outcome) {
        CompletableFuture<Response> ack = new CompletableFuture<>();
        AtomicBoolean answered = new AtomicBoolean();
        ScheduledFuture<?> slow = timer.schedule(
                () -> {
                    if (answered.compareAndSet(false, true)) {
                        ack.complete(safely(work::slow));
                    }
                },
                budget.toMillis(),
                TimeUnit.MILLISECONDS);
        outcome.whenComplete((result, impossible) -> {
            slow.cancel(false);
            if (answered.compareAndSet(false, true)) {
                ack.complete(safely(() -> work.ack(result)));
                gate.exit();
                return;
            }
            try {
                pool.execute(() -> {
                    try {
                        work.late(result);
                    } catch (RuntimeException bug) {
                        log.error("Delivering a late Slack answer failed", bug);
                    } finally {
                        gate.exit();
                    }
                });
            } catch (RejectedExecutionException stopped) {
                gate.exit();
            }
        });
        return ack;
    }

    /** An ack that could not be built is still an ack: Slack gets an empty 200 rather than nothing. */
    private static Response safely(java.util.function.Supplier<Response> ack) {
        try {
            return ack.get();
        } catch (RuntimeException bug) {
            log.error("Could not build a Slack ack", bug);
            return Response.ok();
        }
    }

    /** Stops taking requests and waits for those in flight; false if some were still running. */
    boolean closeAndAwait(Duration timeout) throws InterruptedException {
        return gate.closeAndAwait(timeout);
    }
}
