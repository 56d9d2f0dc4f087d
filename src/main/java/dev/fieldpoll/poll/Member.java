package dev.fieldpoll.poll;

import java.util.Objects;
import java.util.Set;

/**
 * Who acts, and where: a member of a workspace, in one channel, with or without admin rights,
 * holding some roles (platform ids; empty where a platform has none).
 */
public record Member(Workspace workspace, String channelId, String userId, boolean admin, Set<String> roles) {

    public Member {
        Objects.requireNonNull(workspace, "workspace");
        channelId = Keys.requireId(channelId, "channel id", 64);
        userId = Keys.requireId(userId, "user id", 64);
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** A member holding no roles. */
    public Member(Workspace workspace, String channelId, String userId, boolean admin) {
        this(workspace, channelId, userId, admin, Set.of());
    }
}
