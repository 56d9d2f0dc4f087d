package dev.fieldpoll.bot;

import dev.fieldpoll.poll.Member;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Workspace;

/** Who sent an event, as the adapter saw it: platform, workspace, channel, user and admin rights. */
public record Caller(Platform platform, String workspaceId, String channelId, String userId, String displayName,
        boolean admin) {

    public Member member() {
        return new Member(new Workspace(platform, workspaceId), channelId, userId, admin);
    }
}
