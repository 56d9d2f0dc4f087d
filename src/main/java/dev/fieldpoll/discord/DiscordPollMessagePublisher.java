package dev.fieldpoll.discord;

import dev.fieldpoll.bot.PollMessagePublisher;
import dev.fieldpoll.bot.PollMessageView;
import dev.fieldpoll.poll.Poll;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;

/**
 * Draws the public poll messages on Discord: renders them and sends, nothing more (when is decided
 * in the core). Thread-safe: it keeps no state; JDA is thread-safe.
 */
final class DiscordPollMessagePublisher implements PollMessagePublisher {

    private final JDA jda;
    private final PollMessageRenderer renderer;

    DiscordPollMessagePublisher(JDA jda, PollMessageRenderer renderer) {
        this.jda = jda;
        this.renderer = renderer;
    }

    /** Posts a new poll's message where it was created, without waiting for Discord. */
    CompletableFuture<Message> post(MessageChannel channel, PollMessageView view) {
        return channel.sendMessage(renderer.create(view)).submit();
    }

    @Override
    public String post(PollMessageView view) {
        return channel(view).sendMessage(renderer.create(view)).complete().getId();
    }

    @Override
    public boolean edit(PollMessageView view, String messageId) {
        try {
            channel(view).editMessageById(messageId, renderer.edit(view)).complete();
            return true;
        } catch (ErrorResponseException refused) {
            if (refused.getErrorResponse() == ErrorResponse.UNKNOWN_MESSAGE) {
                return false;
            }
            throw refused;
        }
    }

    @Override
    public void markDeleted(Poll poll, String messageId) {
        try {
            channel(poll)
                    .editMessageById(messageId, PollMessageRenderer.deleted(poll))
                    .complete();
        } catch (ErrorResponseException refused) {
            if (refused.getErrorResponse() != ErrorResponse.UNKNOWN_MESSAGE) {
                throw refused;
            }
        }
    }

    private GuildMessageChannel channel(PollMessageView view) {
        return channel(view.poll());
    }

    private GuildMessageChannel channel(Poll poll) {
        String channelId = poll.channelId();
        GuildMessageChannel channel =
                channelId.matches("\\d{1,20}") ? jda.getChannelById(GuildMessageChannel.class, channelId) : null;
        if (channel == null) {
            throw new IllegalStateException("Discord channel " + channelId + " of poll " + poll.id()
                    + " is not visible to the bot (deleted, or the bot was removed from it)");
        }
        return channel;
    }
}
