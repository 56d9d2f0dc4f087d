package dev.fieldpoll.slack;

/** A file to share in a channel: its name, the title Slack shows, a description for screen readers, the bytes. */
record SlackFile(String fileName, String title, String altText, byte[] content) {}
