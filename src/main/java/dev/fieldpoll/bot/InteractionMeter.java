package dev.fieldpoll.bot;

/**
 * Counts what {@link PollBot} answered, for the operators' metrics: the command (its record's name)
 * and the outcome (the reply's name, or {@code slowed}, {@code busy}, {@code restarting}, {@code failed}).
 * Both come from closed sets, so they make bounded labels. Implementations must be thread-safe:
 * every adapter thread calls it.
 */
public interface InteractionMeter {

    /** Counts nothing: for tools and tests that run no metrics. */
    InteractionMeter NONE = (command, outcome) -> {};

    void handled(String command, String outcome);
}
