package dev.fieldpoll.slack;

import dev.fieldpoll.bot.PollRefresher;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poll messages in channels: posts a new poll's message and remembers its ts, and keeps it
 * current through {@link PollRefresher} (at most one chat.update per interval per poll, the last
 * vote always shown). A poll whose message could not be posted (the bot was not in the channel), or
 * whose message someone deleted, gets it posted by the next refresh.
 */
final class PollMessages {

    private static final Logger log = LoggerFactory.getLogger(PollMessages.class);
    /** Slack's answer to chat.update of a message someone deleted. */
    static final String DELETED = "message_not_found";

    private final SlackWeb web;
    private final PollStore store;
    private final Clock clock;
    private final PollMessageBlocks blocks;
    private final ScheduledExecutorService scheduler;
    private final PollRefresher refresher;

    PollMessages(
            SlackWeb web,
            PollStore store,
            Clock clock,
            PollMessageBlocks blocks,
            ScheduledExecutorService scheduler,
            Duration interval) {
        this.web = web;
        this.store = store;
        this.clock = clock;
        this.blocks = blocks;
        this.scheduler = scheduler;
        this.refresher = new PollRefresher(scheduler, interval, this::refresh);
    }

    /** Posts the poll message in the poll's channel; the result carries Slack's error when it failed. */
    SlackWeb.Result post(Poll poll, int voters) {
        Instant now = clock.instant();
        SlackWeb.Result posted = web.postMessage(
                poll.channelId(),
                new SlackMessage(blocks.fallbackText(poll, voters, now), blocks.render(poll, voters, now)));
        if (posted.ok() && posted.value() != null) {
            store.recordMessage(poll.id(), posted.value());
        }
        refreshWhenItCloses(poll);
        return posted;
    }

    /** Asks for the poll's message to show its current state within one interval. */
    void refreshSoon(long pollId) {
        refresher.request(pollId);
    }

    private void refreshWhenItCloses(Poll poll) {
        poll.closesAtTime().ifPresent(closesAt -> {
            long delay = Duration.between(clock.instant(), closesAt).toMillis() + 1000;
            if (delay > 0) {
                scheduler.schedule(() -> refreshSoon(poll.id()), delay, TimeUnit.MILLISECONDS);
            }
        });
    }

    /** Runs on the refresher's thread: reads the poll as it is now, so the newest vote is shown. */
    private void refresh(long pollId) {
        Optional<Poll> found = store.findById(pollId);
        if (found.isEmpty()) {
            return;
        }
        Poll poll = found.get();
        int voters = store.voterCount(pollId);
        Optional<String> ts = store.messageId(pollId);
        if (ts.isEmpty()) {
            SlackWeb.Result posted = post(poll, voters);
            if (!posted.ok()) {
                log.info("Poll {} still has no message in its channel: {}", pollId, posted.error());
            }
            return;
        }
        Instant now = clock.instant();
        SlackWeb.Result updated = web.update(
                poll.channelId(),
                ts.get(),
                new SlackMessage(blocks.fallbackText(poll, voters, now), blocks.render(poll, voters, now)));
        if (!updated.ok() && DELETED.equals(updated.error())) {
            // Someone deleted the poll message: post it again (and remember the new one) rather than fail forever.
            log.info("The message of poll {} was deleted; posting it again", pollId);
            SlackWeb.Result posted = post(poll, voters);
            if (!posted.ok()) {
                log.info("Poll {} could not be posted again: {}", pollId, posted.error());
            }
        }
    }
}
