package dev.fieldpoll.discord;

import dev.fieldpoll.poll.Workspace;
import dev.fieldpoll.summary.PollSummary;
import dev.fieldpoll.summary.ResultsPost;
import dev.fieldpoll.summary.ResultsPublisher;
import dev.fieldpoll.summary.SummaryParts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a closed poll's results on Discord: one message replying to the poll message (a plain
 * message when that is gone), its embeds within Discord's limits and the chart (and group map)
 * attached. Blocks until Discord has it and throws when Discord refuses, so the job's backoff
 * retries it; the message goes through the core's resume record. Returns the message's link.
 * Thread-safe: it keeps no state; JDA is thread-safe.
 */
final class DiscordResultsPublisher implements ResultsPublisher {

    private static final Logger log = LoggerFactory.getLogger(DiscordResultsPublisher.class);

    private final DiscordConnection connection;
    private final SummaryEmbedRenderer embeds = new SummaryEmbedRenderer();

    DiscordResultsPublisher(DiscordConnection connection) {
        this.connection = connection;
    }

    /** Only polls of guilds on this process's shards: another process posts the others' results. */
    @Override
    public boolean reaches(Workspace workspace) {
        return connection.owns(workspace.id());
    }

    @Override
    public Optional<String> publish(ResultsPost post, SummaryParts parts) {
        GuildMessageChannel channel =
                connection.channel(post.poll().workspace(), post.poll().channelId());
        MessageCreateData message = render(post, DiscordSummaryPublisher.mayAttachCharts(channel));
        String[] link = {null};
        parts.once("message", () -> {
            var send = channel.sendMessage(message);
            post.pollMessageId().ifPresent(id -> send.setMessageReference(id).failOnInvalidReply(false));
            Message sent = send.complete();
            link[0] = sent.getJumpUrl();
        });
        log.info(
                "Posted the results of poll {} to Discord channel {}",
                post.poll().id(),
                channel.getId());
        return Optional.ofNullable(link[0]);
    }

    MessageCreateData render(ResultsPost post, boolean withCharts) {
        boolean charts = withCharts && post.hasResults() && SummaryEmbedRenderer.hasChart(post.results());
        List<MessageEmbed> all = embeds.embeds(
                post.results(),
                charts && SummaryEmbedRenderer.hasGroupChart(post.results()),
                reserved -> embeds.results(post, charts, reserved));
        List<FileUpload> files = new ArrayList<>();
        if (charts) {
            for (PollSummary.Chart chart : post.results().charts()) {
                files.add(FileUpload.fromData(chart.png(), chart.fileName()));
            }
        }
        // the embed's title is the heading; the text says only what the embed does not: a late post
        String content = post.lateNote().map(note -> "*" + note + "*").orElse("");
        return new MessageCreateBuilder()
                .setContent(DiscordText.cut(content, DiscordText.CONTENT_MAX))
                .setEmbeds(all)
                .setFiles(files)
                .setAllowedMentions(Messages.NO_PINGS)
                .build();
    }
}
