package dev.fieldpoll.summary;

import dev.fieldpoll.poll.Platform;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Sends each summary to the publisher of its platform; adapters register theirs when they start. */
public final class SummaryPublishers implements SummaryPublisher {

    private final Map<Platform, SummaryPublisher> publishers = new ConcurrentHashMap<>();

    public void register(Platform platform, SummaryPublisher publisher) {
        publishers.put(platform, publisher);
    }

    @Override
    public void publish(ChannelSummary summary) {
        SummaryPublisher publisher = publishers.get(summary.workspace().platform());
        if (publisher == null) {
            throw new IllegalStateException("fieldpoll is not connected to " + summary.workspace().platform()
                    + " right now, so the summary for channel " + summary.channelId() + " cannot be posted");
        }
        publisher.publish(summary);
    }
}
