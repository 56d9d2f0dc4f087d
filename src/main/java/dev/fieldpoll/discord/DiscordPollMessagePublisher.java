package dev.fieldpoll.discord;

import dev.fieldpoll.bot.PollMessagePublisher;
import dev.fieldpoll.bot.PollMessageView;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.Workspace;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;

/**
 * Draws the public poll messages on Discord: renders them and sends, nothing more (when is decided
 * in the core), through the shard that owns the poll's guild. Thread-safe: it keeps no state; JDA is
 * thread-safe.
 */
final class DiscordPollMessagePublisher implements PollMessagePublisher {

    private final DiscordConnection connection;
    private final PollMessageRenderer renderer;

    DiscordPollMessagePublisher(DiscordConnection connection, PollMessageRenderer renderer) {
        this.connection = connection;
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

    /** Only the poll messages of guilds on this process's shards: the others are another process's. */
    @Override
    public boolean reaches(Workspace workspace) {
        return connection.owns(workspace.id());
    }

    /** Through the shard that owns the poll's guild. */
    private GuildMessageChannel channel(PollMessageView view) {
        return connection.channel(view.poll().workspace(), view.poll().channelId());
    }

    @Override
    public void markDeleted(Poll poll, String messageId) {
        try {
            connection
                    .channel(poll.workspace(), poll.channelId())
                    .editMessageById(messageId, PollMessageRenderer.deleted(poll))
                    .complete();
        } catch (ErrorResponseException refused) {
            if (refused.getErrorResponse() != ErrorResponse.UNKNOWN_MESSAGE) {
                throw refused;
            }
        }
    }
}
