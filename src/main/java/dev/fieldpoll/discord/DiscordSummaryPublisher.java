package dev.fieldpoll.discord;

import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.Workspace;
import dev.fieldpoll.summary.ChannelSummary;
import dev.fieldpoll.summary.ClosingReminder;
import dev.fieldpoll.summary.ReminderPublisher;
import dev.fieldpoll.summary.SummaryParts;
import dev.fieldpoll.summary.SummaryPublisher;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts weekly summaries and closing reminders in their Discord channels. Every send blocks until
 * Discord has the message and throws when Discord refuses, so the jobs' backoff retries it (JDA
 * itself already waits out 429 rate limits and repeats 502/503/504 answers). A summary of several
 * messages sends each through the core's resume record, so a retry never posts a part twice.
 * Thread-safe: it keeps no state; JDA is thread-safe.
 */
final class DiscordSummaryPublisher implements SummaryPublisher, ReminderPublisher {

    private static final Logger log = LoggerFactory.getLogger(DiscordSummaryPublisher.class);

    private final JDA jda;
    private final SummaryMessages summaries = new SummaryMessages();
    private final ReminderMessageRenderer reminders = new ReminderMessageRenderer();

    DiscordSummaryPublisher(JDA jda) {
        this.jda = jda;
    }

    @Override
    public void publish(ChannelSummary summary, SummaryParts parts) {
        GuildMessageChannel channel = channel(jda, summary.workspace(), summary.channelId());
        List<MessageCreateData> messages = summaries.render(summary, mayAttachCharts(channel));
        for (int part = 0; part < messages.size(); part++) {
            MessageCreateData message = messages.get(part);
            parts.once(
                    "message " + (part + 1), () -> channel.sendMessage(message).complete());
        }
        log.info(
                "Posted the summary of {} ({} polls) to Discord channel {} in {} message(s)",
                summary.period(),
                summary.polls().size(),
                channel.getId(),
                messages.size());
    }

    @Override
    public void remind(ClosingReminder reminder) {
        Poll poll = reminder.poll();
        channel(jda, poll.workspace(), poll.channelId())
                .sendMessage(reminders.render(reminder))
                .complete();
        log.info("Posted the closing reminder of poll {} to Discord channel {}", poll.id(), poll.channelId());
    }

    /** The channel, if the bot sees it and it belongs to the summary's guild; else a failure to log. */
    static GuildMessageChannel channel(JDA jda, Workspace workspace, String channelId) {
        GuildMessageChannel channel =
                channelId.matches("\\d{1,20}") ? jda.getChannelById(GuildMessageChannel.class, channelId) : null;
        if (channel == null || !channel.getGuild().getId().equals(workspace.id())) {
            throw new IllegalStateException("Discord channel " + channelId + " of guild " + workspace.id()
                    + " is not visible to the bot (deleted, or the bot was removed from it)");
        }
        return channel;
    }

    /** Without Attach Files the summary still goes out, without its charts: the text matters most. */
    static boolean mayAttachCharts(GuildMessageChannel channel) {
        if (channel.getGuild().getSelfMember().hasPermission(channel, Permission.MESSAGE_ATTACH_FILES)) {
            return true;
        }
        log.warn(
                "No Attach Files permission in Discord channel {}: posting the summary without charts",
                channel.getId());
        return false;
    }
}
