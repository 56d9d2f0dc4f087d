package dev.fieldpoll.poll;

import java.util.List;
import java.util.Optional;

/**
 * What editing, reopening, deleting a poll or forgetting a member's answers came to. Handled
 * through a {@link Visitor}, so an outcome added later fails compilation where it is not handled.
 */
public sealed interface LifecycleOutcome {

    <R> R accept(Visitor<R> visitor);

    interface Visitor<R> {
        R changed(Changed changed);

        R deleted(Deleted deleted);

        R forgotten(Forgotten forgotten);

        R denied(Denied denied);
    }

    /** The poll was edited or reopened, committed; {@code message} says what changed. */
    record Changed(Poll poll, String message) implements LifecycleOutcome {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.changed(this);
        }
    }

    /** The poll and every row of it are gone; {@code messageId}: its message, to mark deleted. */
    record Deleted(Poll poll, Optional<String> messageId) implements LifecycleOutcome {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.deleted(this);
        }
    }

    /** The member's answers are gone from {@code changed} (polls they had answered), out of {@code asked}. */
    record Forgotten(List<Poll> changed, int asked) implements LifecycleOutcome {
        public Forgotten {
            changed = List.copyOf(changed);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.forgotten(this);
        }
    }

    /** Not done, with one friendly sentence why and what to do instead. */
    record Denied(String reason) implements LifecycleOutcome {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.denied(this);
        }
    }
}
