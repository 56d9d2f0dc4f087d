package dev.fieldpoll.discord;

import dev.fieldpoll.report.Numbers;
import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.report.PollReport.Highlight;
import dev.fieldpoll.report.PollReport.RankingEntry;
import dev.fieldpoll.report.PollReport.ReferenceField;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * A poll report as Discord embeds: the ranking with rank intervals and ties, where members
 * split, the comparison with the reference scores, and the agreement reading. Lists that would
 * pass Discord's limits (4096 per description, 1024 per field, 6000 in all) end with a note of
 * how many lines were left out.
 */
final class ResultsRenderer {

    static final int COLOR = 0x57F287;
    /** Room kept for the reference embed, so the ranking cannot crowd it out of the 6000 characters. */
    private static final int RANKING_MAX = 2600;

    private static final int REFERENCE_MAX = 1500;

    List<MessageEmbed> render(PollReport report) {
        PollReport.PollInfo poll = report.poll();
        EmbedBuilder summary = new EmbedBuilder()
                .setColor(COLOR)
                .setTitle(DiscordText.cut("📈 Results · " + poll.title(), DiscordText.EMBED_TITLE_MAX))
                .setFooter("Poll #" + poll.id() + " · " + poll.status() + " · " + Numbers.voters(poll.voters()));
        if (report.ranking().isEmpty()) {
            summary.setDescription("Results appear once " + report.minVoters() + " members have voted (so far "
                    + poll.voters() + "), so no one's own votes can be read off.");
            return List.of(summary.build());
        }
        List<String> ranking = new ArrayList<>();
        for (RankingEntry entry : report.ranking()) {
            ranking.add(entry.rank() + ". **" + DiscordText.escape(entry.name()) + "** — "
                    + Numbers.twoDecimals(entry.score())
                    + " · rank " + range(entry.rankLow(), entry.rankHigh()) + " · tier " + entry.tier()
                    + (entry.tieWithNext() ? " · ≈ tied with next" : ""));
        }
        summary.setDescription(
                "**Ranking** (higher = " + DiscordText.escape(report.poll().higher())
                        + "; rank range = 90% bootstrap interval)\n"
                        + DiscordText.lines(ranking, RANKING_MAX));
        if (!report.highlights().isEmpty()) {
            List<String> splits =
                    report.highlights().stream().map(ResultsRenderer::highlight).toList();
            summary.addField("Where we split", DiscordText.lines(splits, DiscordText.EMBED_FIELD_VALUE_MAX), false);
        }
        summary.addField(
                "Agreement",
                "Krippendorff's α = " + Numbers.twoDecimals(report.agreement().krippendorffAlphaOrdinal()) + " — "
                        + report.agreement().reading(),
                false);
        List<MessageEmbed> embeds = new ArrayList<>();
        embeds.add(summary.build());
        if (report.reference() != null && !report.reference().fields().isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (ReferenceField field : report.reference().fields()) {
                lines.add("**" + DiscordText.escape(field.name()) + "**: " + Numbers.twoDecimals(field.community())
                        + " vs "
                        + Numbers.twoDecimals(field.reference()) + " (" + Numbers.signed(field.difference())
                        + ", 90% CI "
                        + Numbers.signed(field.ciLow()) + " to " + Numbers.signed(field.ciHigh()) + ")");
            }
            embeds.add(new EmbedBuilder()
                    .setColor(COLOR)
                    .setTitle("Community vs reference")
                    .setDescription("Kendall τ_b = "
                            + Numbers.twoDecimals(report.reference().kendallTauB()) + " (1 = same order)\n"
                            + DiscordText.lines(lines, REFERENCE_MAX))
                    .build());
        }
        return embeds;
    }

    private static String highlight(Highlight highlight) {
        return "• " + DiscordText.escape(highlight.fieldName()) + " / " + DiscordText.escape(highlight.factorName())
                + " is " + highlight.label() + ": " + Numbers.percent(highlight.lowShare()) + " low, "
                + Numbers.percent(highlight.highShare()) + " high (consensus "
                + Numbers.twoDecimals(highlight.consensus()) + ", "
                + Numbers.voters(highlight.n()) + ")";
    }

    private static String range(int low, int high) {
        return low == high ? Integer.toString(low) : low + "–" + high;
    }
}
