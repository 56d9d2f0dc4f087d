package dev.fieldpoll.discord;

import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollService;
import dev.fieldpoll.poll.PollStore;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public poll messages: posts one when a poll starts (and remembers its id), and redraws it
 * from the stored poll, so the voter count and the closed state are always read fresh. A message
 * someone deleted is posted again at its next redraw.
 */
final class PollMessages {

    private static final Logger log = LoggerFactory.getLogger(PollMessages.class);

    private final PollStore store;
    private final PollService polls;
    private final PollMessageRenderer renderer;
    private volatile JDA jda;

    PollMessages(PollStore store, PollService polls, PollMessageRenderer renderer) {
        this.store = store;
        this.polls = polls;
        this.renderer = renderer;
    }

    void attach(JDA connected) {
        this.jda = connected;
    }

    /** Posts the poll message in the channel and remembers it; blocks until Discord has it. */
    Message post(MessageChannel channel, Poll poll, int voters) {
        Message message =
                channel.sendMessage(renderer.create(poll, voters, polls.now())).complete();
        store.recordMessage(poll.id(), message.getId());
        return message;
    }

    /** Redraws the poll's message, logging (not throwing) when Discord refuses: the poll itself is fine. */
    void tryRefresh(long pollId) {
        try {
            refresh(pollId);
        } catch (RuntimeException failure) {
            log.warn("Could not refresh the message of poll {}: {}", pollId, failure.toString());
        }
    }

    /** Redraws the poll's message from what is stored now; a poll never posted is left alone. */
    void refresh(long pollId) {
        Optional<Poll> poll = store.findById(pollId);
        Optional<String> messageId = store.messageId(pollId);
        JDA connected = jda;
        if (poll.isEmpty() || messageId.isEmpty() || connected == null) {
            return;
        }
        GuildMessageChannel channel =
                connected.getChannelById(GuildMessageChannel.class, poll.get().channelId());
        if (channel == null) {
            log.warn(
                    "Cannot refresh the message of poll {}: channel {} is not visible to the bot",
                    pollId,
                    poll.get().channelId());
            return;
        }
        int voters = store.voterCount(pollId);
        try {
            channel.editMessageById(messageId.get(), renderer.edit(poll.get(), voters, polls.now()))
                    .complete();
        } catch (ErrorResponseException refused) {
            if (refused.getErrorResponse() != ErrorResponse.UNKNOWN_MESSAGE) {
                throw refused;
            }
            // Someone deleted the poll message: post it again (and remember the new one) rather than fail forever.
            log.info("The message of poll {} was deleted; posting it again", pollId);
            post(channel, poll.get(), voters);
        }
    }
}
