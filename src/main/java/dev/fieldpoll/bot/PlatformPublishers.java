package dev.fieldpoll.bot;

import dev.fieldpoll.summary.ReminderPublisher;
import dev.fieldpoll.summary.ResultsPublisher;
import dev.fieldpoll.summary.SummaryPublisher;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a connected platform shows what the core sends on its own: poll messages (redrawn at most
 * once per {@code refreshInterval} per poll), weekly summaries, closing reminders and the results
 * post of each poll that closes. The ports an
 * adapter implements; it renders and sends, the core decides what and when.
 */
public record PlatformPublishers(
        PollMessagePublisher pollMessages,
        Duration refreshInterval,
        SummaryPublisher summaries,
        ReminderPublisher reminders,
        ResultsPublisher results) {

    public PlatformPublishers {
        Objects.requireNonNull(pollMessages, "pollMessages");
        Objects.requireNonNull(summaries, "summaries");
        Objects.requireNonNull(reminders, "reminders");
        Objects.requireNonNull(results, "results");
        if (refreshInterval == null || refreshInterval.isNegative()) {
            throw new IllegalArgumentException("the poll message refresh interval must not be negative");
        }
    }
}
