package dev.fieldpoll.summary;

import dev.fieldpoll.poll.Platform;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends each summary, reminder and results post to the publisher of its platform; adapters
 * register theirs when they start. Thread-safe: the registrations are concurrent maps.
 */
public final class SummaryPublishers implements SummaryPublisher, ReminderPublisher, ResultsPublisher {

    private final Map<Platform, SummaryPublisher> publishers = new ConcurrentHashMap<>();
    private final Map<Platform, ReminderPublisher> reminders = new ConcurrentHashMap<>();
    private final Map<Platform, ResultsPublisher> results = new ConcurrentHashMap<>();

    public void register(Platform platform, SummaryPublisher publisher) {
        publishers.put(platform, publisher);
    }

    public void registerReminders(Platform platform, ReminderPublisher publisher) {
        reminders.put(platform, publisher);
    }

    public void registerResults(Platform platform, ResultsPublisher publisher) {
        results.put(platform, publisher);
    }

    /** The platform disconnected: what it would post waits (and is retried) until it is back. */
    public void unregister(Platform platform) {
        publishers.remove(platform);
        reminders.remove(platform);
        results.remove(platform);
    }

    @Override
    public boolean reaches(Platform platform) {
        return results.containsKey(platform);
    }

    @Override
    public Optional<String> publish(ResultsPost post, SummaryParts parts) {
        Platform platform = post.poll().workspace().platform();
        ResultsPublisher publisher = results.get(platform);
        if (publisher == null) {
            throw notConnected(platform, post.poll().channelId());
        }
        return publisher.publish(post, parts);
    }

    @Override
    public void remind(ClosingReminder reminder) {
        Platform platform = reminder.poll().workspace().platform();
        ReminderPublisher publisher = reminders.get(platform);
        if (publisher == null) {
            throw notConnected(platform, reminder.poll().channelId());
        }
        publisher.remind(reminder);
    }

    private static IllegalStateException notConnected(Platform platform, String channelId) {
        return new IllegalStateException("fieldpoll is not connected to " + platform
                + " right now, so nothing can be posted to channel " + channelId);
    }

    @Override
    public void publish(ChannelSummary summary, SummaryParts parts) {
        SummaryPublisher publisher = publishers.get(summary.workspace().platform());
        if (publisher == null) {
            throw notConnected(summary.workspace().platform(), summary.channelId());
        }
        publisher.publish(summary, parts);
    }
}
