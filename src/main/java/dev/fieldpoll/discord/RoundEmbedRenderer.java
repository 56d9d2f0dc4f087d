package dev.fieldpoll.discord;

import dev.fieldpoll.report.RoundReport;
import dev.fieldpoll.report.RoundSentences;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * A later round's changes since the round before as one embed: who answered both rounds, who moved
 * and which way, disagreement, and each field's change with its interval. The one Discord wording
 * of a round report, shared by results replies, summaries and results posts.
 */
final class RoundEmbedRenderer {

    /** Room kept for a round's changes in the 6000 characters of a message's embeds. */
    static final int DESCRIPTION_MAX = 1500;

    private RoundEmbedRenderer() {}

    /** The round embed at its full size (at most {@link #DESCRIPTION_MAX} in its description). */
    static MessageEmbed render(RoundReport rounds, int color) {
        return render(rounds, color, DESCRIPTION_MAX);
    }

    /**
     * The round embed within {@code room} characters in all, for a message whose other embeds leave
     * only that much of the 6000: lines that do not fit end in a note of how many were left out.
     */
    static MessageEmbed within(RoundReport rounds, int color, int room) {
        String title = title(rounds);
        return render(rounds, color, Math.max(0, Math.min(DESCRIPTION_MAX, room - title.length())));
    }

    private static MessageEmbed render(RoundReport rounds, int color, int max) {
        List<String> lines = new ArrayList<>();
        RoundSentences.summary(rounds).forEach(line -> lines.add(DiscordText.escape(line)));
        if (!rounds.fields().isEmpty() || !rounds.notCompared().isEmpty()) {
            lines.add("**" + DiscordText.escape(RoundSentences.fieldsHeading(rounds)) + "**");
            RoundSentences.fields(rounds).forEach(line -> lines.add("• " + DiscordText.escape(line)));
        }
        EmbedBuilder embed = new EmbedBuilder().setColor(color).setTitle(title(rounds));
        String description = DiscordText.lines(lines, max);
        return (description.isEmpty() ? embed : embed.setDescription(description)).build();
    }

    private static String title(RoundReport rounds) {
        return DiscordText.cut("🔁 " + RoundSentences.heading(rounds), DiscordText.EMBED_TITLE_MAX);
    }
}
