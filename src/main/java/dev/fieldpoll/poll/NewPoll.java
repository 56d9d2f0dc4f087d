package dev.fieldpoll.poll;

import java.time.Instant;
import java.util.Objects;

/**
 * What the store needs to create a poll; it assigns the id. {@code eligibleRole} may be null:
 * everyone votes. {@code remind} false: the poll gets no closing-soon post, stored with it in one commit;
 * {@code announce} false: no results post in its channel when it closes.
 */
public record NewPoll(
        Workspace workspace,
        String channelId,
        String title,
        String templateKey,
        PollDefinition definition,
        ResultsVisibility visibility,
        String createdBy,
        Instant createdAt,
        Instant closesAt,
        String eligibleRole,
        boolean remind,
        boolean announce) {

    public NewPoll {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(channelId, "channelId");
        title = Keys.requireText(title, "title", Poll.MAX_TITLE_LENGTH);
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        if (closesAt != null && !closesAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("the close time must be in the future");
        }
        eligibleRole = eligibleRole == null ? null : Keys.requireId(eligibleRole, "voter role", Poll.MAX_ROLE_LENGTH);
    }
}
