package dev.fieldpoll.summary;

/**
 * Posts a summary where its channel lives: renders it and sends each part through {@code parts},
 * the resume record, so a retry never posts a part twice. Implemented per platform; throws when the
 * platform refuses, and the job retries later.
 */
@FunctionalInterface
public interface SummaryPublisher extends WorkspaceReach {

    void publish(ChannelSummary summary, SummaryParts parts);
}
