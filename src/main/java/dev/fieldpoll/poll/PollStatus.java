package dev.fieldpoll.poll;

public enum PollStatus {
    OPEN,
    CLOSED
}
