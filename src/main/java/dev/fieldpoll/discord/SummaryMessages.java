package dev.fieldpoll.discord;

import dev.fieldpoll.bot.ActionId;
import dev.fieldpoll.bot.ActionId.Action;
import dev.fieldpoll.bot.ActionIds;
import dev.fieldpoll.summary.ChannelSummary;
import dev.fieldpoll.summary.PollSummary;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * A channel's summary as Discord messages: a header line (with the late note), an embed per poll
 * with its chart attached (then one with a later round's changes, and one for its opinion-group map when it has one), and a Vote button for each open poll still short of results. Usually
 * one message; polls that pass one message's limits (10 embeds, 6000 characters of embeds)
 * continue in the next.
 */
final class SummaryMessages {

    static final int EMBEDS_PER_MESSAGE = 10;
    private static final int BUTTONS_PER_ROW = 5;

    private final SummaryEmbedRenderer embeds = new SummaryEmbedRenderer();

    /** One poll's part: its embeds (the poll's, then the group map's), and whether it brings charts and a Vote button. */
    private record Card(PollSummary poll, List<MessageEmbed> embeds, boolean chart, boolean vote) {

        int length() {
            return embeds.stream().mapToInt(MessageEmbed::getLength).sum();
        }
    }

    List<MessageCreateData> render(ChannelSummary summary, boolean withCharts) {
        List<List<Card>> batches = batches(cards(summary, withCharts));
        List<MessageCreateData> messages = new ArrayList<>();
        for (int part = 0; part < batches.size(); part++) {
            messages.add(message(header(summary, part), batches.get(part)));
        }
        return messages;
    }

    private List<Card> cards(ChannelSummary summary, boolean withCharts) {
        List<Card> cards = new ArrayList<>();
        for (PollSummary poll : summary.polls()) {
            boolean chart = withCharts && poll.hasResults() && SummaryEmbedRenderer.hasChart(poll);
            boolean vote = !poll.hasResults() && SummaryEmbedRenderer.isOpen(poll);
            List<MessageEmbed> pollEmbeds = embeds.embeds(
                    poll,
                    chart && SummaryEmbedRenderer.hasGroupChart(poll),
                    reserved -> embeds.render(poll, summary.period(), chart, reserved));
            cards.add(new Card(poll, pollEmbeds, chart, vote));
        }
        return cards;
    }

    /**
     * Fills each message with as many polls as its limits allow; a channel without polls gets one
     * message with only the header.
     */
    private static List<List<Card>> batches(List<Card> cards) {
        List<List<Card>> batches = new ArrayList<>();
        List<Card> current = new ArrayList<>();
        int length = 0;
        int embeds = 0;
        for (Card card : cards) {
            int cardLength = card.length();
            if (!current.isEmpty()
                    && (embeds + card.embeds().size() > EMBEDS_PER_MESSAGE
                            || length + cardLength > DiscordText.EMBEDS_TOTAL_MAX)) {
                batches.add(current);
                current = new ArrayList<>();
                length = 0;
                embeds = 0;
            }
            current.add(card);
            length += cardLength;
            embeds += card.embeds().size();
        }
        batches.add(current);
        return batches;
    }

    private static String header(ChannelSummary summary, int part) {
        String title = "**" + summary.heading() + " · " + summary.period() + "**";
        if (part > 0) {
            return title + " (continued)";
        }
        String text = title + summary.lateNote().map(note -> "\n*" + note + "*").orElse("");
        return summary.polls().isEmpty()
                ? text + "\nNo open polls in this channel. Start one with `/poll create`."
                : text;
    }

    private static MessageCreateData message(String content, List<Card> cards) {
        List<FileUpload> files = new ArrayList<>();
        List<Button> buttons = new ArrayList<>();
        for (Card card : cards) {
            if (card.chart()) {
                for (PollSummary.Chart chart : card.poll().charts()) {
                    files.add(FileUpload.fromData(chart.png(), chart.fileName()));
                }
            }
            if (card.vote()) {
                buttons.add(Button.primary(
                        ActionIds.encode(ActionId.of(
                                Action.VOTE, card.poll().report().poll().id())),
                        SummaryEmbedRenderer.voteLabel(card.poll())));
            }
        }
        return new MessageCreateBuilder()
                .setContent(DiscordText.cut(content, DiscordText.CONTENT_MAX))
                .setEmbeds(
                        cards.stream().flatMap(card -> card.embeds().stream()).toList())
                .setFiles(files)
                .setComponents(rows(buttons))
                .setAllowedMentions(Messages.NO_PINGS)
                .build();
    }

    private static List<ActionRow> rows(List<Button> buttons) {
        List<ActionRow> rows = new ArrayList<>();
        for (int start = 0; start < buttons.size(); start += BUTTONS_PER_ROW) {
            rows.add(ActionRow.of(buttons.subList(start, Math.min(buttons.size(), start + BUTTONS_PER_ROW))));
        }
        return rows;
    }
}
