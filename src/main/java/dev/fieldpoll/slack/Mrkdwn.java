package dev.fieldpoll.slack;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import dev.fieldpoll.poll.Keys;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Slack text: escaping member text for mrkdwn, cutting text to Block Kit's limits, and long
 * lists split over several sections so none passes the 3000-character limit of one.
 */
final class Mrkdwn {

    private Mrkdwn() {}

    /**
     * Escapes the three characters Slack treats as control characters in mrkdwn, so a poll
     * titled {@code <!channel>} cannot ping a whole channel or forge a link.
     */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Slack sends slash command text with {@code & < >} escaped; the shared parser wants what was typed. */
    static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** Cuts text to at most {@code max} characters, ending with an ellipsis when cut. */
    static String truncate(String text, int max) {
        return Keys.cut(text, max);
    }

    static MarkdownTextObject markdown(String text) {
        return MarkdownTextObject.builder()
                .text(truncate(text, BlockLimits.SECTION_TEXT))
                .build();
    }

    static PlainTextObject plain(String text, int max) {
        return PlainTextObject.builder().text(truncate(text, max)).emoji(true).build();
    }

    static SectionBlock section(String text) {
        return SectionBlock.builder().text(markdown(text)).build();
    }

    /** Lines joined into as few sections as fit, each at most 3000 characters; a line too long alone is cut. */
    static List<LayoutBlock> sections(List<String> lines) {
        List<LayoutBlock> blocks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String fitted = truncate(line, BlockLimits.SECTION_TEXT);
            if (current.length() > 0 && current.length() + 1 + fitted.length() > BlockLimits.SECTION_TEXT) {
                blocks.add(section(current.toString()));
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append('\n');
            }
            current.append(fitted);
        }
        if (current.length() > 0) {
            blocks.add(section(current.toString()));
        }
        return blocks;
    }

    static String twoDecimals(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
