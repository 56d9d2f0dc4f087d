package dev.fieldpoll.slack;

import static dev.fieldpoll.slack.Mrkdwn.escape;

import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import dev.fieldpoll.summary.ChannelSummary;
import dev.fieldpoll.summary.PollSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * A channel's weekly summary as Slack messages: a header (and the late note, when it came late),
 * then each poll's part. Slack takes at most 50 blocks per message, so a channel with many polls
 * gets several messages, each poll kept whole within one.
 */
final class SlackSummaryRenderer {

    private final SlackPollSummaryRenderer polls = new SlackPollSummaryRenderer();

    List<SlackMessage> render(ChannelSummary summary) {
        MessagePages pages = new MessagePages(BlockLimits.MESSAGE_BLOCKS, opening(summary), continuation(summary));
        if (summary.polls().isEmpty()) {
            pages.add(List.of(Mrkdwn.section("No open polls in this channel. Start one with `/poll create`.")));
        }
        summary.polls().forEach(poll -> pages.add(polls.render(poll)));
        List<List<LayoutBlock>> blocks = pages.pages();
        List<SlackMessage> messages = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            messages.add(
                    new SlackMessage(i == 0 ? fallbackText(summary) : title(summary) + " (continued)", blocks.get(i)));
        }
        return messages;
    }

    private static List<LayoutBlock> opening(ChannelSummary summary) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(HeaderBlock.builder()
                .text(Mrkdwn.plain(title(summary), BlockLimits.HEADER_TEXT))
                .build());
        summary.lateNote().ifPresent(note -> blocks.add(SlackPollSummaryRenderer.context("_" + escape(note) + "_")));
        return blocks;
    }

    private static List<LayoutBlock> continuation(ChannelSummary summary) {
        return List.of(SlackPollSummaryRenderer.context("*" + title(summary) + "*, continued"));
    }

    private static String title(ChannelSummary summary) {
        return summary.heading() + ", " + summary.period();
    }

    /** What notifications show: the polls by name. */
    private static String fallbackText(ChannelSummary summary) {
        List<String> titles = summary.polls().stream()
                .map(PollSummary::report)
                .map(report -> escape(report.poll().title()))
                .toList();
        return title(summary) + (titles.isEmpty() ? "" : ": " + String.join(", ", titles));
    }
}
