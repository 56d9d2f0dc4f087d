package dev.fieldpoll.discord;

import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.poll.Poll;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a bot reply in the interaction that asked for it, one method per reply (a visitor of
 * {@link BotReply}), so a new reply is shown somewhere or does not compile. A new poll's message and
 * results for the whole channel go to Discord first, without waiting on a thread; the stage completes
 * once the member's answer is queued. Made anew for each interaction.
 */
class ReplyDelivery implements BotReply.Visitor<CompletionStage<Void>> {

    private static final Logger log = LoggerFactory.getLogger(ReplyDelivery.class);

    final DiscordAdapter adapter;
    final InteractionAnswer answer;
    private final MessageChannel channel;

    ReplyDelivery(DiscordAdapter adapter, InteractionAnswer answer, MessageChannel channel) {
        this.adapter = adapter;
        this.answer = answer;
        this.channel = channel;
    }

    /** A reply with nothing special to do here: rendered and shown as the answer. */
    CompletionStage<Void> plain(BotReply reply) {
        answer.show(adapter.replies.render(reply));
        return done();
    }

    static CompletionStage<Void> done() {
        return CompletableFuture.completedFuture(null);
    }

    /** The poll message first; the creator hears of it once its id is remembered too. */
    @Override
    public CompletionStage<Void> pollPosted(BotReply.PollPosted posted) {
        Poll poll = posted.poll();
        return posting(() -> adapter.pollMessages.post(channel, posted.message()))
                .handle((message, failure) -> {
                    if (failure != null) {
                        log.warn(
                                "Could not post the message of poll {} in channel {}",
                                poll.id(),
                                channel.getId(),
                                failure);
                        answer.show(ReplyRenderer.problem("Poll #" + poll.id() + " is saved, but I couldn't post its "
                                + "message here. Give me View Channel, Send Messages and Embed Links in this channel; "
                                + "until then members can vote with `/poll vote poll:" + poll.id() + "`."));
                        return done();
                    }
                    return adapter.bot.messagePosted(poll, message.getId()).handle((recorded, notRecorded) -> {
                        if (notRecorded != null) {
                            log.error(
                                    "The message of poll {} is posted but could not be remembered",
                                    poll.id(),
                                    notRecorded);
                        }
                        answer.show(Messages.text("Poll #" + poll.id() + " **" + DiscordText.escape(poll.title())
                                + "** is posted: " + message.getJumpUrl()));
                        return (Void) null;
                    });
                })
                .thenCompose(shown -> shown);
    }

    @Override
    public CompletionStage<Void> resultsView(BotReply.ResultsView view) {
        if (!view.postPublicly()) {
            return plain(view);
        }
        List<MessageEmbed> embeds = adapter.results.render(view.report(), view.rounds());
        return posting(() -> channel.sendMessage(new MessageCreateBuilder()
                                .setEmbeds(embeds)
                                .setComponents(adapter.results.pageButton(view.page()))
                                .setAllowedMentions(Messages.NO_PINGS)
                                .build())
                        .submit())
                .handle((message, failure) -> {
                    if (failure == null) {
                        answer.show(Messages.text(
                                "Posted the results of poll #" + view.poll().id() + " to this channel."));
                        return null;
                    }
                    log.warn(
                            "Could not post the results of poll {} in channel {}",
                            view.poll().id(),
                            channel.getId(),
                            failure);
                    answer.show(Messages.message(
                            "⚠️ I couldn't post in this channel (I need Send Messages and Embed Links), "
                                    + "so here are the results just for you.",
                            embeds,
                            adapter.results.pageButton(view.page())));
                    return null;
                });
    }

    /** JDA refuses some sends before any request (a missing permission): that is a failed send too. */
    private static CompletableFuture<Message> posting(java.util.function.Supplier<CompletableFuture<Message>> send) {
        try {
            return send.get();
        } catch (RuntimeException refused) {
            return CompletableFuture.failedFuture(refused);
        }
    }

    @Override
    public CompletionStage<Void> ballotView(BotReply.BallotView ballot) {
        answer.show(adapter.ballots.page(ballot.poll(), ballot.ballot(), 0, null, ballot.rounds()));
        return done();
    }

    @Override
    public CompletionStage<Void> voteSaved(BotReply.VoteSaved saved) {
        return plain(saved);
    }

    @Override
    public CompletionStage<Void> myBallot(BotReply.MyBallot mine) {
        return plain(mine);
    }

    @Override
    public CompletionStage<Void> pollList(BotReply.PollList list) {
        return plain(list);
    }

    @Override
    public CompletionStage<Void> pollClosed(BotReply.PollClosed closed) {
        return plain(closed);
    }

    @Override
    public CompletionStage<Void> help(BotReply.Help help) {
        return plain(help);
    }

    @Override
    public CompletionStage<Void> notice(BotReply.Notice notice) {
        return plain(notice);
    }

    @Override
    public CompletionStage<Void> invalidAnswer(BotReply.InvalidAnswer invalid) {
        return plain(invalid);
    }

    @Override
    public CompletionStage<Void> confirm(BotReply.Confirm confirm) {
        return plain(confirm);
    }

    /** The Edit button's form, prefilled; only as the interaction's first response. */
    @Override
    public CompletionStage<Void> editForm(BotReply.EditForm form) {
        answer.openModal(
                adapter.editModals.render(form.poll()),
                ReplyRenderer.problem("That took too long to open the form. Press Edit again, or "
                        + Character.toLowerCase(form.typed().charAt(0))
                        + form.typed().substring(1)));
        return done();
    }

    /** The file rides on the member's own (ephemeral) answer: nobody else sees it. */
    @Override
    public CompletionStage<Void> exportFile(BotReply.ExportFile file) {
        return plain(file);
    }

    @Override
    public CompletionStage<Void> problem(BotReply.Problem problem) {
        return plain(problem);
    }
}
