package dev.fieldpoll.poll;

/** Where a poll lives. Workspaces of different platforms never share polls. */
public enum Platform {
    DISCORD,
    SLACK,
    CONSOLE
}
