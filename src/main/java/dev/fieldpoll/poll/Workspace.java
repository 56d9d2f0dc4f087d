package dev.fieldpoll.poll;

import java.util.Objects;

/** A Discord guild, a Slack team, or the local console: the boundary no poll crosses. */
public record Workspace(Platform platform, String id) {

    public Workspace {
        Objects.requireNonNull(platform, "platform");
        id = Keys.requireId(id, "workspace id", 64);
    }
}
