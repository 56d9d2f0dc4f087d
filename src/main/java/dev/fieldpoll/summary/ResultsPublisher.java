package dev.fieldpoll.summary;

import java.util.Optional;

/**
 * Posts a closed poll's results where its channel lives: renders them and sends each part (the
 * message, the chart) through {@code parts}, the resume record, so a retry never posts a part
 * twice. Implemented per platform; throws when the platform refuses, and the job retries later.
 * Returns where the post can be opened (a message link), when the platform has one.
 */
@FunctionalInterface
public interface ResultsPublisher extends WorkspaceReach {

    Optional<String> publish(ResultsPost post, SummaryParts parts);
}
