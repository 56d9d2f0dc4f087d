package dev.fieldpoll.discord;

import dev.fieldpoll.bot.BotCommand;
import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.CommandParser;
import dev.fieldpoll.bot.CreateForm;
import dev.fieldpoll.bot.ParseResult;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /poll new}: opens the create form (a modal must be Discord's first answer, so it is opened
 * at once on JDA's thread: it reads nothing but the template list), and turns its submission (from
 * {@link ModalListener}) into
 * the same create command as {@code /poll create}, posted in the channel the same way. A refusal is
 * an ephemeral reply with the problem and what was typed, since Discord closes the modal.
 * Thread-safe: it keeps no state.
 */
final class CreateFormListener extends ListenerAdapter {

    static final String NEW = CommandRegistrations.NEW;

    private static final Logger log = LoggerFactory.getLogger(CreateFormListener.class);

    private final DiscordAdapter adapter;
    private final InteractionEdge edge;
    private final CommandParser parser;

    CreateFormListener(DiscordAdapter adapter, InteractionEdge edge, CommandParser parser) {
        this.adapter = adapter;
        this.edge = edge;
        this.parser = parser;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!CommandRegistrations.COMMAND.equals(event.getName())
                || event.getSubcommandGroup() != null
                || !NEW.equals(event.getSubcommandName())
                || !InteractionEdge.ownShard(event)) {
            return;
        }
        try {
            event.replyModal(CreateFormRenderer.render(adapter.bot.templates()))
                    .queue(null, failure -> log.warn("Discord refused the create form of {}", event.getId(), failure));
        } catch (RuntimeException bug) {
            log.error("The create form could not be opened (interaction {})", event.getId(), bug);
            event.reply(InteractionEdge.SORRY).setEphemeral(true).queue();
        }
    }

    /** The create form's submission, handed over by {@link ModalListener}, where every form arrives. */
    CompletionStage<Void> submit(ModalInteractionEvent event, InteractionAnswer answer) {
        Optional<Caller> caller = adapter.caller(event);
        if (caller.isEmpty()) {
            answer.show(ReplyRenderer.problem(DiscordAdapter.GUILDS_ONLY));
            return ReplyDelivery.done();
        }
        CreateForm form = new CreateForm(
                value(event, CreateForm.Input.TITLE),
                value(event, CreateForm.Input.FIELDS),
                value(event, CreateForm.Input.FACTORS),
                value(event, CreateForm.Input.OPTIONS),
                value(event, CreateForm.Input.TEMPLATE));
        ParseResult parsed = form.command(parser);
        if (parsed instanceof ParseResult.Invalid invalid) {
            return refused(answer, invalid.message(), form);
        }
        Optional<String> missing = SlashCommandListener.missingChannelPermissions(event);
        if (missing.isPresent()) {
            return refused(answer, missing.get(), form);
        }
        BotCommand command = ((ParseResult.Parsed) parsed).command();
        ReplyDelivery delivery = new ReplyDelivery(adapter, answer, event.getChannel());
        return adapter.handle(caller.get(), command)
                .thenCompose(reply -> reply instanceof BotReply.Problem problem
                        ? refused(answer, problem.message(), form)
                        : reply.accept(delivery));
    }

    /** The problem, then what was typed, so nothing is lost when Discord has closed the form. */
    private static CompletionStage<Void> refused(InteractionAnswer answer, String problem, CreateForm form) {
        String echo = form.echo();
        answer.show(ReplyRenderer.problem(problem
                + (echo.isEmpty()
                        ? ""
                        : "\nYou typed (copy it into `/poll new` again):\n```\n" + echo.replace("`", "'") + "\n```")));
        return ReplyDelivery.done();
    }

    /** A typed value; an input the modal never had (a forged submission) is blank. */
    private static String value(ModalInteractionEvent event, CreateForm.Input input) {
        ModalMapping mapping = event.getValue(input.id());
        return mapping == null ? "" : mapping.getAsString();
    }
}
