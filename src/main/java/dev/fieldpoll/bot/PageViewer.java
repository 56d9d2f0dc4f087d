package dev.fieldpoll.bot;

import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.Workspace;
import java.util.Objects;

/**
 * The member a verified personal link names: who they were, and whether they were an admin, when
 * the chat gave them the link. A page is in no channel; it is read as if in the poll's own.
 */
public record PageViewer(Platform platform, String workspaceId, String userId, boolean admin) {

    public PageViewer {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(userId, "userId");
    }

    public Workspace workspace() {
        return new Workspace(platform, workspaceId);
    }

    Caller inChannelOf(Poll poll) {
        return new Caller(platform, workspaceId, poll.channelId(), userId, admin);
    }
}
