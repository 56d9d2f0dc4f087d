package dev.fieldpoll.summary;

/** Posts a summary where its channel lives. Implemented per platform; may throw on failure. */
@FunctionalInterface
public interface SummaryPublisher {

    void publish(ChannelSummary summary);
}
