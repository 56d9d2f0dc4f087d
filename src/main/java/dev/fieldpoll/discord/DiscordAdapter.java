package dev.fieldpoll.discord;

import dev.fieldpoll.bot.BotCommand;
import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.PollBot;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import net.dv8tion.jda.api.interactions.Interaction;

/**
 * What the listeners share: who is calling, the conversation (PollBot), the renderers and the poll
 * messages' publisher. It holds no rule about polls. Thread-safe: every part is.
 */
final class DiscordAdapter {

    static final String GUILDS_ONLY =
            "fieldpoll runs polls in server channels. Use `/poll` in a channel of your server.";

    final PollBot bot;
    final DiscordCaller callers;
    final DiscordPollMessagePublisher pollMessages;
    final ReplyRenderer replies = new ReplyRenderer();
    final BallotRenderer ballots = new BallotRenderer();
    final ResultsRenderer results = new ResultsRenderer();
    final EditModalRenderer editModals = new EditModalRenderer();

    DiscordAdapter(PollBot bot, DiscordCaller callers, DiscordPollMessagePublisher pollMessages) {
        this.bot = bot;
        this.callers = callers;
        this.pollMessages = pollMessages;
    }

    Optional<Caller> caller(Interaction interaction) {
        return callers.of(interaction);
    }

    CompletionStage<BotReply> handle(Caller caller, BotCommand command) {
        return bot.handle(caller, command);
    }
}
