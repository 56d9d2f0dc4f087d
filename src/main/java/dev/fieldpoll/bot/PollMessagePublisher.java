package dev.fieldpoll.bot;

import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.summary.WorkspaceReach;

/**
 * The port through which the core keeps a platform's poll messages current: the adapter renders
 * and sends, nothing more. What to draw and when is decided by {@link PollMessageRefresher}.
 * Calls come from the refresher's one thread and may block until the platform answered.
 */
public interface PollMessagePublisher extends WorkspaceReach {

    /** Posts the poll's message in its channel; returns its id (a Discord message id, a Slack ts). Throws when refused. */
    String post(PollMessageView view);

    /** Redraws the message; false when it is gone (someone deleted it), so it is posted again. Throws when refused. */
    boolean edit(PollMessageView view, String messageId);

    /** Replaces the message of a deleted poll by a line saying so, without buttons. Throws when refused. */
    void markDeleted(Poll poll, String messageId);
}
