package dev.fieldpoll.summary;

import dev.fieldpoll.poll.Poll;

/** "This poll closes soon": posted once in the poll's channel, with how many have voted. */
public record ClosingReminder(Poll poll, int voters) {}
