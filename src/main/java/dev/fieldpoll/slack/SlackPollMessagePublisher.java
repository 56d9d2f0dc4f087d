package dev.fieldpoll.slack;

import dev.fieldpoll.bot.PollMessagePublisher;
import dev.fieldpoll.bot.PollMessageView;
import dev.fieldpoll.poll.Poll;

/**
 * Draws the public poll messages on Slack: renders them and sends, nothing more (when is decided in
 * the core). Slack's refusals are thrown with Slack's error code. Thread-safe: it keeps no state.
 */
final class SlackPollMessagePublisher implements PollMessagePublisher {

    /** Slack's answer to chat.update of a message someone deleted. */
    static final String DELETED = "message_not_found";

    private final SlackWeb web;
    private final SlackPollMessageRenderer renderer;

    SlackPollMessagePublisher(SlackWeb web, SlackPollMessageRenderer renderer) {
        this.web = web;
        this.renderer = renderer;
    }

    @Override
    public String post(PollMessageView view) {
        String channel = view.poll().channelId();
        SlackWeb.Result posted = web.postMessage(view.poll().workspace().id(), channel, message(view));
        if (!posted.ok() || posted.value() == null) {
            throw new SlackDeliveryException("chat.postMessage", channel, posted.ok() ? "no_ts" : posted.error());
        }
        return posted.value();
    }

    @Override
    public boolean edit(PollMessageView view, String ts) {
        String channel = view.poll().channelId();
        SlackWeb.Result updated = web.update(view.poll().workspace().id(), channel, ts, message(view));
        if (updated.ok() || SlackWeb.NOT_INSTALLED.equals(updated.error())) {
            return true; // an uninstalled workspace's messages are left as they are (logged once)
        }
        if (DELETED.equals(updated.error())) {
            return false;
        }
        throw new SlackDeliveryException("chat.update", channel, updated.error());
    }

    @Override
    public void markDeleted(Poll poll, String ts) {
        SlackWeb.Result updated =
                web.update(poll.workspace().id(), poll.channelId(), ts, SlackPollMessageRenderer.deleted(poll));
        if (!updated.ok() && !DELETED.equals(updated.error()) && !SlackWeb.NOT_INSTALLED.equals(updated.error())) {
            throw new SlackDeliveryException("chat.update", poll.channelId(), updated.error());
        }
    }

    private SlackMessage message(PollMessageView view) {
        return new SlackMessage(renderer.fallbackText(view.poll(), view.voters(), view.now()), renderer.render(view));
    }
}
