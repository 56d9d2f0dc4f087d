package dev.fieldpoll.discord;

import dev.fieldpoll.bot.BotCommand;
import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.ParseResult;
import dev.fieldpoll.poll.Poll;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** /poll and its subcommands: acknowledge, translate the options, ask PollBot, show the reply. */
final class SlashCommandListener extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(SlashCommandListener.class);

    /** What the bot needs in a channel to post and keep a poll message there. */
    static final EnumSet<Permission> CHANNEL_PERMISSIONS =
            EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND, Permission.MESSAGE_EMBED_LINKS);

    private final DiscordAdapter adapter;
    private final InteractionEdge edge;

    SlashCommandListener(DiscordAdapter adapter, InteractionEdge edge) {
        this.adapter = adapter;
        this.edge = edge;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!CommandRegistrations.COMMAND.equals(event.getName())) {
            return;
        }
        edge.handle(
                event, "/" + DiscordText.loggable(event.getFullCommandName()), responder -> handle(event, responder));
    }

    private void handle(SlashCommandInteractionEvent event, Responder responder) {
        responder.deferReply();
        Optional<Caller> caller = adapter.caller(event);
        if (caller.isEmpty()) {
            responder.show(ReplyRenderer.problem(DiscordAdapter.GUILDS_ONLY));
            return;
        }
        ParseResult parsed =
                SlashCommands.command(event.getSubcommandGroup(), event.getSubcommandName(), options(event));
        if (parsed instanceof ParseResult.Invalid invalid) {
            responder.show(ReplyRenderer.problem(invalid.message()));
            return;
        }
        BotCommand command = ((ParseResult.Parsed) parsed).command();
        if (command instanceof BotCommand.Create) {
            Optional<String> missing = missingChannelPermissions(event);
            if (missing.isPresent()) {
                responder.show(ReplyRenderer.problem(missing.get()));
                return;
            }
        }
        BotReply reply = adapter.handle(caller.get(), command);
        if (reply instanceof BotReply.PollPosted posted) {
            post(event, responder, posted);
        } else if (reply instanceof BotReply.BallotView view) {
            responder.show(adapter.ballots.page(view.poll(), view.ballot(), 0, null));
        } else if (reply instanceof BotReply.VoteSaved saved) {
            adapter.votesChanged(saved.poll().id());
            responder.show(adapter.replies.render(saved));
        } else if (reply instanceof BotReply.ResultsView view && view.postPublicly()) {
            postResults(event, responder, view);
        } else if (reply instanceof BotReply.PollClosed closed) {
            // The poll is closed whatever happens to its message.
            adapter.pollMessages.tryRefresh(closed.poll().id());
            responder.show(adapter.replies.render(closed));
        } else {
            responder.show(adapter.replies.render(reply));
        }
    }

    private void post(SlashCommandInteractionEvent event, Responder responder, BotReply.PollPosted posted) {
        Poll poll = posted.poll();
        try {
            Message message = adapter.pollMessages.post(event.getChannel(), poll, posted.voters());
            adapter.refreshes.atClose(poll, adapter.polls.now());
            responder.show(Messages.text("Poll #" + poll.id() + " **" + DiscordText.escape(poll.title())
                    + "** is posted: " + message.getJumpUrl()));
        } catch (ErrorResponseException | InsufficientPermissionException refused) {
            log.warn(
                    "Could not post the message of poll {} in channel {}: {}",
                    poll.id(),
                    event.getChannelId(),
                    refused.toString());
            responder.show(ReplyRenderer.problem("Poll #" + poll.id() + " is saved, but I couldn't post its message "
                    + "here. Give me View Channel, Send Messages and Embed Links in this channel; until then members "
                    + "can vote with `/poll vote poll:" + poll.id() + "`."));
        }
    }

    private void postResults(SlashCommandInteractionEvent event, Responder responder, BotReply.ResultsView view) {
        List<MessageEmbed> embeds = adapter.results.render(view.report());
        try {
            event.getChannel()
                    .sendMessage(new MessageCreateBuilder()
                            .setEmbeds(embeds)
                            .setComponents(adapter.results.pageButton(view.page()))
                            .setAllowedMentions(Messages.NO_PINGS)
                            .build())
                    .complete();
            responder.show(
                    Messages.text("Posted the results of poll #" + view.poll().id() + " to this channel."));
        } catch (ErrorResponseException | InsufficientPermissionException refused) {
            log.warn(
                    "Could not post the results of poll {} in channel {}: {}",
                    view.poll().id(),
                    event.getChannelId(),
                    refused.toString());
            responder.show(Messages.message(
                    "⚠️ I couldn't post in this channel (I need Send Messages and Embed Links), "
                            + "so here are the results just for you.",
                    embeds,
                    adapter.results.pageButton(view.page())));
        }
    }

    /** Checked before a poll is created, where Discord tells the bot its own permissions. */
    private static Optional<String> missingChannelPermissions(SlashCommandInteractionEvent event) {
        Guild guild = event.getGuild();
        if (guild == null || guild.isDetached()) {
            return Optional.empty();
        }
        GuildChannel channel = event.getGuildChannel();
        if (guild.getSelfMember().hasPermission(channel, CHANNEL_PERMISSIONS)) {
            return Optional.empty();
        }
        return Optional.of("I can't post polls in this channel. Give me View Channel, Send Messages and Embed Links "
                + "here, then try again; nothing was created.");
    }

    private static SlashCommands.Options options(SlashCommandInteractionEvent event) {
        return new SlashCommands.Options() {
            @Override
            public Optional<String> text(String name) {
                OptionMapping option = event.getOption(name);
                return option == null || option.getType() == OptionType.BOOLEAN
                        ? Optional.empty()
                        : Optional.of(option.getAsString());
            }

            @Override
            public Optional<Boolean> flag(String name) {
                OptionMapping option = event.getOption(name);
                return option == null || option.getType() != OptionType.BOOLEAN
                        ? Optional.empty()
                        : Optional.of(option.getAsBoolean());
            }
        };
    }
}
