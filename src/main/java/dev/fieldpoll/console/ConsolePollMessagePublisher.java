package dev.fieldpoll.console;

import dev.fieldpoll.bot.PollMessagePublisher;
import dev.fieldpoll.bot.PollMessageView;
import dev.fieldpoll.poll.Poll;

/**
 * The console has no poll message to keep current (each command's answer shows the poll): this
 * tells the core the message is there, so closings are handled and results posted. Thread-safe:
 * it keeps no state.
 */
public final class ConsolePollMessagePublisher implements PollMessagePublisher {

    @Override
    public String post(PollMessageView view) {
        return "console-" + view.poll().id();
    }

    @Override
    public boolean edit(PollMessageView view, String messageId) {
        return true;
    }

    @Override
    public void markDeleted(Poll poll, String messageId) {
        // nothing drawn, nothing to replace: the deleting member's answer says it is deleted
    }
}
