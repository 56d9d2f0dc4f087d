package dev.fieldpoll.bot;

import dev.fieldpoll.poll.Poll;

/**
 * Hears once of every poll that closed: by a command, by its close time while fieldpoll ran, or by
 * its close time while fieldpoll was down (found at the next start). Called on the poll message
 * refresher's thread, after the poll's message was redrawn as closed.
 */
@FunctionalInterface
public interface PollClosedListener {

    void pollClosed(Poll poll);
}
