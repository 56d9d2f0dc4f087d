package dev.fieldpoll.discord;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.interactions.callbacks.IModalCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one interaction, once its outcome is known: the first response Discord gets is the final
 * answer — an ephemeral reply (type 4), or the member's own ballot updated in place (type 7) — sent
 * after the vote's commit. Only when the answer is not ready within the budget does Discord get a
 * deferral (the ephemeral "thinking…" of type 5, or type 6 for a page of the ballot, which changes
 * nothing), and the answer then replaces it. A deferred vote shows "thinking…" until it is saved, so
 * a member never sees a vote accepted that is not on disk. Discord's refusals are only logged.
 * Thread-safe: the state moves by compare-and-set, so the budget's timer and the answer never both
 * respond.
 */
final class InteractionAnswer {

    /** How the answer is shown. */
    enum Mode {
        /** A new ephemeral message: slash commands, and the buttons of the poll message. */
        REPLY,
        /** The member's own ephemeral ballot, updated in place: its pages and Done. */
        BALLOT,
        /** A choice on the member's ballot, which saves a vote: updated in place, or a reply to a problem. */
        VOTE_ON_BALLOT
    }

    private enum State {
        PENDING,
        ANSWERED,
        DEFERRED
    }

    private static final Logger log = LoggerFactory.getLogger(InteractionAnswer.class);

    private final IReplyCallback interaction;
    private final Mode mode;
    private final AtomicReference<State> state = new AtomicReference<>(State.PENDING);

    InteractionAnswer(IReplyCallback interaction, Mode mode) {
        this.interaction = interaction;
        this.mode = mode;
    }

    /** Defers the answer if it is not given within {@code budget}. */
    void deferAfter(Duration budget, ScheduledExecutorService timer) {
        try {
            timer.schedule(this::deferIfPending, budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            log.debug("No deferral for interaction {}: fieldpoll is stopping", interaction.getId());
        }
    }

    private void deferIfPending() {
        if (!state.compareAndSet(State.PENDING, State.DEFERRED)) {
            return;
        }
        if (mode == Mode.BALLOT) {
            ((IMessageEditCallback) interaction).deferEdit().queue(null, failed("defer"));
        } else {
            interaction.deferReply(true).queue(null, failed("defer"));
        }
    }

    /** The answer in its place: the reply, or the ballot clicked (or, after a deferral, the deferred message). */
    void show(MessageEditData message) {
        if (!state.compareAndSet(State.PENDING, State.ANSWERED)) {
            interaction.getHook().editOriginal(message).queue(null, failed("answer"));
        } else if (mode == Mode.REPLY) {
            reply(message);
        } else {
            ((IMessageEditCallback) interaction).editMessage(message).queue(null, failed("answer"));
        }
    }

    /**
     * Tells the member something without touching the ballot they are on: a separate ephemeral
     * message (after a deferral of a ballot page, a follow-up; else the deferred message itself).
     */
    void tell(MessageEditData message) {
        if (state.compareAndSet(State.PENDING, State.ANSWERED)) {
            reply(message);
        } else if (mode == Mode.BALLOT) {
            interaction
                    .getHook()
                    .sendMessage(MessageCreateBuilder.fromEditData(message).build())
                    .setEphemeral(true)
                    .queue(null, failed("answer"));
        } else {
            interaction.getHook().editOriginal(message).queue(null, failed("answer"));
        }
    }

    /**
     * Opens a form (a modal), which Discord takes only as the first response; after a deferral the
     * member gets {@code instead}.
     */
    void openModal(Modal modal, MessageEditData instead) {
        if (state.compareAndSet(State.PENDING, State.ANSWERED)) {
            ((IModalCallback) interaction).replyModal(modal).queue(null, failed("open a form for"));
        } else {
            tell(instead);
        }
    }

    private void reply(MessageEditData message) {
        interaction
                .reply(MessageCreateBuilder.fromEditData(message).build())
                .setEphemeral(true)
                .queue(null, failed("answer"));
    }

    private Consumer<Throwable> failed(String what) {
        return error -> log.warn("Discord refused to {} interaction {}", what, interaction.getId(), error);
    }
}
