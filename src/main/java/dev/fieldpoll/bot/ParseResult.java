package dev.fieldpoll.bot;

/** The parser's answer: a command, or one friendly line on what to type instead. */
public sealed interface ParseResult {

    record Parsed(BotCommand command) implements ParseResult {}

    record Invalid(String message) implements ParseResult {}
}
