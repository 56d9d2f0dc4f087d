package dev.fieldpoll.discord;

import dev.fieldpoll.bot.Gate;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every interaction enters the adapter. JDA's thread only hands it over: the work runs on a
 * bounded pool, and when its queue or the gate is full the member is told "busy" at once; while
 * shutting down, "restarting". An interaction counts as in flight until its answer is on its way
 * (after its commit, for a vote), so a shutdown waits for it. The answer's budget starts at arrival,
 * so time spent queued counts. Any bug is caught, logged and turned into a friendly line.
 * Thread-safe: the gate and the pool are.
 */
final class InteractionEdge {

    private static final Logger log = LoggerFactory.getLogger(InteractionEdge.class);

    static final String SORRY = "Something went wrong on my side, and nothing changed. Please try again in a moment.";
    static final String RESTARTING = "fieldpoll is restarting, and nothing changed. Please try again in a minute.";
    static final String BUSY = "I'm busy right now, so nothing changed. Please try again in a moment.";

    private final Gate gate;
    private final ExecutorService handlers;
    private final ScheduledExecutorService timer;
    private final Duration budget;

    InteractionEdge(Gate gate, ExecutorService handlers, ScheduledExecutorService timer, Duration budget) {
        this.gate = gate;
        this.handlers = handlers;
        this.timer = timer;
        this.budget = budget;
    }

    /** Runs the work for the interaction; its stage completes once the answer is queued. */
    void handle(
            IReplyCallback interaction,
            String what,
            InteractionAnswer.Mode mode,
            Function<InteractionAnswer, CompletionStage<?>> work) {
        if (!ownShard(interaction)) {
            return;
        }
        InteractionAnswer answer = new InteractionAnswer(interaction, mode);
        Gate.Entry entry = gate.enter();
        if (entry != Gate.Entry.ADMITTED) {
            answer.tell(Messages.text(entry == Gate.Entry.CLOSED ? RESTARTING : BUSY));
            return;
        }
        answer.deferAfter(budget, timer);
        try {
            handlers.execute(() -> run(interaction, what, answer, work));
        } catch (RejectedExecutionException full) {
            log.warn("Discord {} refused: the handler queue is full", what);
            answer.tell(Messages.text(BUSY));
            gate.exit();
        }
    }

    /**
     * Whether the interaction came through the shard that owns its guild, as Discord sends them;
     * one that did not (two processes configured to run the same shard) is left unanswered and logged.
     */
    static boolean ownShard(Interaction interaction) {
        if (DiscordConnection.heardByItsShard(interaction)) {
            return true;
        }
        log.warn(
                "Ignored interaction {}: it came through shard {}, which does not own guild {} (is the same shard "
                        + "configured in two processes?)",
                interaction.getId(),
                interaction.getJDA().getShardInfo().getShardString(),
                interaction.getGuild().getId());
        return false;
    }

    /** Runs work that needs no answer budget (autocomplete); refused quietly when the pool is full. */
    void run(String what, Runnable work, Runnable whenRefused) {
        if (gate.enter() != Gate.Entry.ADMITTED) {
            whenRefused.run();
            return;
        }
        try {
            handlers.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException bug) {
                    log.error("Discord {} failed", what, bug);
                    whenRefused.run();
                } finally {
                    gate.exit();
                }
            });
        } catch (RejectedExecutionException full) {
            gate.exit();
            whenRefused.run();
        }
    }

    private void run(
            IReplyCallback interaction,
            String what,
            InteractionAnswer answer,
            Function<InteractionAnswer, CompletionStage<?>> work) {
        CompletionStage<?> answered;
        try {
            answered = work.apply(answer);
        } catch (RuntimeException bug) {
            answered = CompletableFuture.failedFuture(bug);
        }
        answered.whenComplete((done, bug) -> {
            try {
                if (bug != null) {
                    log.error(
                            "Discord {} failed (interaction {}, guild {}, user {})",
                            what,
                            interaction.getId(),
                            interaction.getGuild() == null
                                    ? "-"
                                    : interaction.getGuild().getId(),
                            interaction.getUser().getId(),
                            bug);
                    answer.tell(Messages.text(SORRY));
                }
            } finally {
                gate.exit();
            }
        });
    }

    /** Stops taking interactions and waits for those in flight; false if some were still running. */
    boolean closeAndAwait(Duration timeout) throws InterruptedException {
        return gate.closeAndAwait(timeout);
    }
}
