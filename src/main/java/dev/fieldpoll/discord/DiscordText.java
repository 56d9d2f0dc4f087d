package dev.fieldpoll.discord;

import dev.fieldpoll.poll.Keys;
import java.time.Instant;
import java.util.List;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;

/** Member-written text made safe for Discord markdown, and cut to Discord's limits. */
final class DiscordText {

    static final int CONTENT_MAX = 2000;
    static final int EMBED_TITLE_MAX = 256;
    static final int EMBED_DESCRIPTION_MAX = 4096;
    static final int EMBED_FIELD_NAME_MAX = 256;
    static final int EMBED_FIELD_VALUE_MAX = 1024;
    static final int EMBED_FOOTER_MAX = 2048;
    static final int EMBEDS_TOTAL_MAX = 6000;

    private DiscordText() {}

    /** Titles, field and factor names are member text: they must not restyle or break a message. */
    static String escape(String text) {
        return MarkdownSanitizer.escape(text == null ? "" : text);
    }

    /** Cuts text to at most {@code max} characters, ending with an ellipsis when cut. */
    static String cut(String text, int max) {
        return Keys.cut(text, max);
    }

    /**
     * Joins lines up to {@code max} characters; lines that do not fit are replaced by a note of how
     * many were left out, so a list is never cut in the middle of a line.
     */
    static String lines(List<String> lines, int max) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String more = "\n…and " + (lines.size() - i) + " more";
            int needed = (text.length() == 0 ? 0 : 1) + line.length();
            boolean last = i == lines.size() - 1;
            if (text.length() + needed + (last ? 0 : more.length()) > max) {
                if (text.length() + more.length() <= max) {
                    text.append(text.length() == 0 ? more.strip() : more);
                    return text.toString();
                }
                return cut(text.toString(), max);
            }
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(line);
        }
        return text.toString();
    }

    /** Client-sent text (ids, names) made safe for one log line. */
    static String loggable(String text) {
        return text == null ? "-" : cut(text.replaceAll("[^\\x20-\\x7E]", "?"), 100);
    }

    /** A Discord timestamp: every member sees it in their own time zone. */
    static String timestamp(Instant instant, char style) {
        return "<t:" + instant.getEpochSecond() + ":" + style + ">";
    }
}
