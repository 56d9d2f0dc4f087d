package dev.fieldpoll.bot;

import dev.fieldpoll.poll.Member;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Workspace;
import java.util.Set;

/**
 * Who sent an event, as the adapter saw it: platform, workspace, channel, user, admin rights, the
 * roles the member holds (platform ids; empty where a platform has none), and whether the
 * "channel" is a direct message with the bot, where no poll can live.
 */
public record Caller(
        Platform platform,
        String workspaceId,
        String channelId,
        String userId,
        boolean admin,
        Set<String> roles,
        boolean directMessage) {

    public Caller {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** A caller in a channel. */
    public Caller(
            Platform platform, String workspaceId, String channelId, String userId, boolean admin, Set<String> roles) {
        this(platform, workspaceId, channelId, userId, admin, roles, false);
    }

    /** A caller in a channel, holding no roles. */
    public Caller(Platform platform, String workspaceId, String channelId, String userId, boolean admin) {
        this(platform, workspaceId, channelId, userId, admin, Set.of(), false);
    }

    public Member member() {
        return new Member(new Workspace(platform, workspaceId), channelId, userId, admin, roles);
    }

    /** The key of the member's rate-limit bucket: the same wherever they act from. */
    String memberKey() {
        return RateLimiter.memberKey(platform, workspaceId, userId);
    }
}
