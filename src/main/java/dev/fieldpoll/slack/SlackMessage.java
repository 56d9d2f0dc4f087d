package dev.fieldpoll.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/** A message to send: fallback text (notifications, screen readers) and its blocks, possibly none. */
record SlackMessage(String text, List<LayoutBlock> blocks) {

    SlackMessage {
        text = Mrkdwn.truncate(text, BlockLimits.FALLBACK_TEXT);
        blocks = List.copyOf(blocks);
    }

    static SlackMessage text(String text) {
        return new SlackMessage(text, List.of(Mrkdwn.section(text)));
    }
}
