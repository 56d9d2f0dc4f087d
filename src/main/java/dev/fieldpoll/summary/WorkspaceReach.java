package dev.fieldpoll.summary;

import dev.fieldpoll.poll.Workspace;

/**
 * Whether a publisher can post to a workspace's channels from this process. A Discord process that
 * runs only some shards reaches only the guilds of those shards; the jobs leave the rest, unclaimed,
 * to the process that runs them. Everything else reaches every workspace of its platform.
 */
public interface WorkspaceReach {

    default boolean reaches(Workspace workspace) {
        return true;
    }
}
