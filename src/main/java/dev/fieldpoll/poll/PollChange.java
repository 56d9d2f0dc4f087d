package dev.fieldpoll.poll;

import java.time.Instant;
import java.util.Objects;

/** One change made to a poll after it was posted ("Field Evals added"), and when. */
public record PollChange(long pollId, Instant at, String detail) {
    public PollChange {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(detail, "detail");
    }
}
