package dev.fieldpoll.poll;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A poll as stored. Status is derived from the times, so a poll past its close time is closed.
 * {@code eligibleRole}, when not null, is the role (platform id) a member needs to vote;
 * {@code announce} false ({@code announce:off}) means no results post in the channel at its close.
 */
public record Poll(
        long id,
        Workspace workspace,
        String channelId,
        String title,
        String templateKey,
        PollDefinition definition,
        ResultsVisibility visibility,
        String createdBy,
        Instant createdAt,
        Instant closesAt,
        Instant closedAt,
        String eligibleRole,
        boolean announce) {

    public static final int MAX_TITLE_LENGTH = 120;
    public static final int MAX_ROLE_LENGTH = 64;
    /** The longest a poll may stay open, however its close is given (a duration, a date, a time). */
    public static final java.time.Duration LONGEST_OPEN = java.time.Duration.ofDays(366);

    public static final String CLOSES_OUT_OF_RANGE = "closes: must be between 1h and a year from now.";

    public Poll {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(channelId, "channelId");
        title = Keys.requireText(title, "title", MAX_TITLE_LENGTH);
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A poll every member of the workspace may vote in. */
    public Poll(
            long id,
            Workspace workspace,
            String channelId,
            String title,
            String templateKey,
            PollDefinition definition,
            ResultsVisibility visibility,
            String createdBy,
            Instant createdAt,
            Instant closesAt,
            Instant closedAt) {
        this(
                id,
                workspace,
                channelId,
                title,
                templateKey,
                definition,
                visibility,
                createdBy,
                createdAt,
                closesAt,
                closedAt,
                null,
                true);
    }

    /** The role a member needs to vote, if the poll is limited to one. */
    public Optional<String> voterRole() {
        return Optional.ofNullable(eligibleRole);
    }

    public boolean isOpenAt(Instant now) {
        return closedAt == null && (closesAt == null || now.isBefore(closesAt));
    }

    public PollStatus statusAt(Instant now) {
        return isOpenAt(now) ? PollStatus.OPEN : PollStatus.CLOSED;
    }

    /** When the poll stopped taking votes: closed by hand, or its close time passed. */
    public Optional<Instant> endedAt(Instant now) {
        if (closedAt != null) {
            return Optional.of(closedAt);
        }
        return closesAt != null && !now.isBefore(closesAt) ? Optional.of(closesAt) : Optional.empty();
    }

    public Optional<Instant> closesAtTime() {
        return Optional.ofNullable(closesAt);
    }
}
