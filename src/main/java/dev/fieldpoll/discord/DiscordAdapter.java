package dev.fieldpoll.discord;

import dev.fieldpoll.bot.BotCommand;
import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.PollBot;
import dev.fieldpoll.poll.PollService;
import java.util.Optional;
import net.dv8tion.jda.api.interactions.Interaction;

/**
 * What the listeners share: who is calling, the conversation (PollBot), the renderers, the poll
 * messages and their debounced refresh. It holds no rule about polls.
 */
final class DiscordAdapter {

    static final String GUILDS_ONLY =
            "fieldpoll runs polls in server channels. Use `/poll` in a channel of your server.";

    final PollBot bot;
    final PollService polls;
    final DiscordCaller callers;
    final PollMessages pollMessages;
    final PollMessageRefreshes refreshes;
    final ReplyRenderer replies = new ReplyRenderer();
    final BallotRenderer ballots = new BallotRenderer();
    final ResultsRenderer results = new ResultsRenderer();

    DiscordAdapter(
            PollBot bot,
            PollService polls,
            DiscordCaller callers,
            PollMessages pollMessages,
            PollMessageRefreshes refreshes) {
        this.bot = bot;
        this.polls = polls;
        this.callers = callers;
        this.pollMessages = pollMessages;
        this.refreshes = refreshes;
    }

    Optional<Caller> caller(Interaction interaction) {
        return callers.of(interaction);
    }

    BotReply handle(Caller caller, BotCommand command) {
        return bot.handle(caller, command);
    }

    /** A vote changed the poll's count: redraw its message soon (debounced). */
    void votesChanged(long pollId) {
        refreshes.request(pollId);
    }
}
