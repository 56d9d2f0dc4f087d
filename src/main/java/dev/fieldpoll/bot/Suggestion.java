package dev.fieldpoll.bot;

import java.util.Objects;

/** One choice offered while a member types an option: what they see, and the value it fills in. */
public record Suggestion(String label, String value) {

    /** What a member is typing. */
    public enum Kind {
        TEMPLATE,
        POLL,
        FIELD,
        FACTOR
    }

    public Suggestion {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
    }
}
