package dev.fieldpoll.poll;

import java.time.Instant;
import java.util.Optional;

/**
 * Workspaces that installed the app (OAuth), and the states of installs under way. Shared by every
 * process on the database: a state is consumed once, wherever the redirect lands.
 */
public interface InstallationStore {

    /** Saves the workspace's installation, replacing an earlier one (a reinstall gets a new token). */
    void save(Installation installation);

    Optional<Installation> find(String workspaceId);

    /** Deletes the workspace's installation and its token; false when there was none. */
    boolean delete(String workspaceId);

    /** Remembers the state of an install just started, until {@code expiresAt}. */
    void addState(String state, Instant expiresAt);

    /** Deletes the state and says whether it was there and not expired at {@code now}: true at most once. */
    boolean consumeState(String state, Instant now);
}
