package dev.fieldpoll.discord;

import dev.fieldpoll.bot.BotCommand;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.ParseResult;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;

/**
 * /poll and its subcommands: translate the options, ask PollBot, and answer once the reply is
 * there (a vote's after its commit). Thread-safe: it keeps no state.
 */
final class SlashCommandListener extends ListenerAdapter {

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
        if (!CommandRegistrations.COMMAND.equals(event.getName())
                || (event.getSubcommandGroup() == null && CreateFormListener.NEW.equals(event.getSubcommandName()))) {
            return; // /poll new opens the create form (CreateFormListener)
        }
        edge.handle(
                event,
                "/" + DiscordText.loggable(event.getFullCommandName()),
                InteractionAnswer.Mode.REPLY,
                answer -> handle(event, answer));
    }

    private CompletionStage<Void> handle(SlashCommandInteractionEvent event, InteractionAnswer answer) {
        Optional<Caller> caller = adapter.caller(event);
        if (caller.isEmpty()) {
            answer.show(ReplyRenderer.problem(DiscordAdapter.GUILDS_ONLY));
            return ReplyDelivery.done();
        }
        ParseResult parsed =
                SlashCommands.command(event.getSubcommandGroup(), event.getSubcommandName(), options(event));
        if (parsed instanceof ParseResult.Invalid invalid) {
            answer.show(ReplyRenderer.problem(invalid.message()));
            return ReplyDelivery.done();
        }
        BotCommand command = ((ParseResult.Parsed) parsed).command();
        if (command instanceof BotCommand.Create) {
            Optional<String> missing = missingChannelPermissions(event);
            if (missing.isPresent()) {
                answer.show(ReplyRenderer.problem(missing.get()));
                return ReplyDelivery.done();
            }
        }
        ReplyDelivery delivery = new ReplyDelivery(adapter, answer, event.getChannel());
        return adapter.handle(caller.get(), command).thenCompose(reply -> reply.accept(delivery));
    }

    /** Checked before a poll is created, where Discord tells the bot its own permissions. */
    static Optional<String> missingChannelPermissions(Interaction event) {
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
