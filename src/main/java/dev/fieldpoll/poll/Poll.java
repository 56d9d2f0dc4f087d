package dev.fieldpoll.poll;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A poll as stored. Status is derived from the times, so a poll past its close time is closed. */
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
        Instant closedAt) {

    public static final int MAX_TITLE_LENGTH = 120;

    public Poll {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(channelId, "channelId");
        title = Keys.requireText(title, "title", MAX_TITLE_LENGTH);
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
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
