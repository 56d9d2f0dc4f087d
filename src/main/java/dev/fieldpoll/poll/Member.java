package dev.fieldpoll.poll;

import java.util.Objects;

/** Who acts, and where: a member of a workspace, in one channel, with or without admin rights. */
public record Member(Workspace workspace, String channelId, String userId, boolean admin) {

    public Member {
        Objects.requireNonNull(workspace, "workspace");
        channelId = Keys.requireText(channelId, "channel id", 64);
        userId = Keys.requireText(userId, "user id", 64);
    }
}
