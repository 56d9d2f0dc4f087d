package dev.fieldpoll.summary;

import dev.fieldpoll.poll.Platform;
import java.util.Optional;

/**
 * Posts a closed poll's results where its channel lives: renders them and sends each part (the
 * message, the chart) through {@code parts}, the resume record, so a retry never posts a part
 * twice. Implemented per platform; throws when the platform refuses, and the job retries later.
 * Returns where the post can be opened (a message link), when the platform has one.
 */
@FunctionalInterface
public interface ResultsPublisher {

    Optional<String> publish(ResultsPost post, SummaryParts parts);

    /** Whether posts to the platform can go out now; those that cannot wait, unclaimed, until it connects. */
    default boolean reaches(Platform platform) {
        return true;
    }
}
