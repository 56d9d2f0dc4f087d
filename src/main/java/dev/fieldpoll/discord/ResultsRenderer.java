package dev.fieldpoll.discord;

import dev.fieldpoll.bot.PageLink;
import dev.fieldpoll.report.GroupSentences;
import dev.fieldpoll.report.Numbers;
import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.report.PollReport.RankingEntry;
import dev.fieldpoll.report.PollReport.ReferenceField;
import dev.fieldpoll.report.RoundReport;
import dev.fieldpoll.report.Sentences;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * A poll report as Discord embeds: the ranking with rank intervals and ties, where members
 * split, opinion groups (common ground first, in what room the other parts leave), the
 * comparison with the reference scores, and the agreement reading. Lists that would
 * pass Discord's limits (4096 per description, 1024 per field, 6000 in all) end with a note of
 * how many lines were left out.
 */
final class ResultsRenderer {

    static final int COLOR = 0x57F287;
    /** Room kept for the reference embed, so the ranking cannot crowd it out of the 6000 characters. */
    private static final int RANKING_MAX = 2400;

    private static final int REFERENCE_MAX = 1500;
    /** The note on fields the voter adjustment moved: room left in the 4096 of the description. */
    private static final int ADJUSTED_MAX = 300;

    private static final String GROUPS = "Opinion groups";
    /** Below this the groups would be cut to nothing useful: they are left to the results page. */
    private static final int GROUPS_MIN = 120;

    List<MessageEmbed> render(PollReport report) {
        return render(report, Optional.empty());
    }

    /** The results, and for a later round of a poll a last embed with what changed since the round before. */
    List<MessageEmbed> render(PollReport report, Optional<RoundReport> rounds) {
        Optional<MessageEmbed> round = rounds.map(changes -> RoundEmbedRenderer.render(changes, COLOR));
        List<MessageEmbed> embeds = new ArrayList<>(
                render(report, round.map(MessageEmbed::getLength).orElse(0)));
        round.ifPresent(embeds::add);
        return embeds;
    }

    private List<MessageEmbed> render(PollReport report, int reserved) {
        PollReport.PollInfo poll = report.poll();
        EmbedBuilder summary = new EmbedBuilder()
                .setColor(COLOR)
                .setTitle(DiscordText.cut("📈 Results · " + poll.title(), DiscordText.EMBED_TITLE_MAX))
                .setFooter("Poll #" + poll.id() + " · " + poll.status() + " · " + Numbers.voters(poll.voters()));
        if (report.ranking().isEmpty()) {
            summary.setDescription(DiscordText.escape(Sentences.notEnoughVotes(report)));
            return List.of(summary.build());
        }
        List<String> ranking = new ArrayList<>();
        for (RankingEntry entry : report.ranking()) {
            ranking.add(entry.rank() + ". **" + DiscordText.escape(entry.name()) + "** — "
                    + Numbers.twoDecimals(entry.score()) + " (" + Sentences.scoreInterval(entry) + ")"
                    + " · rank " + range(entry.rankLow(), entry.rankHigh()) + " · tier " + entry.tier()
                    + (entry.tieWithNext() ? " · ≈ tied with next" : "") + Sentences.dontKnow(entry.dontKnowShare()));
        }
        report.notRanked()
                .forEach(field ->
                        ranking.add("– " + DiscordText.escape(Sentences.notRanked(field, report.minVoters()))));
        String adjusted = Sentences.adjusted(report);
        summary.setDescription("**Ranking** (higher = " + DiscordText.escape(poll.higher())
                + "; score and rank with 90% bootstrap intervals)\n"
                + DiscordText.lines(ranking, RANKING_MAX)
                + (adjusted.isEmpty() ? "" : "\n" + DiscordText.cut(DiscordText.escape(adjusted), ADJUSTED_MAX)));
        List<String> splits = report.highlights().stream()
                .map(highlight -> "• " + DiscordText.escape(Sentences.highlight(highlight)))
                .toList();
        summary.addField(
                "Where we split",
                splits.isEmpty()
                        ? Sentences.noSplits(report)
                        : DiscordText.lines(splits, DiscordText.EMBED_FIELD_VALUE_MAX),
                false);
        String agreement = DiscordText.cut(
                Sentences.reliability(report) + " Krippendorff's α (ordinal, cells as units) = "
                        + Numbers.twoDecimals(report.agreement().krippendorffAlphaOrdinal()) + ".",
                DiscordText.EMBED_FIELD_VALUE_MAX);
        Optional<MessageEmbed> reference = reference(report);
        // the groups get what the 6000 characters of all embeds leave, at most one field's worth
        int left = DiscordText.EMBEDS_TOTAL_MAX
                - reserved
                - summary.length()
                - GROUPS.length()
                - "Agreement".length()
                - agreement.length()
                - reference.map(MessageEmbed::getLength).orElse(0);
        if (left >= GROUPS_MIN) {
            summary.addField(
                    GROUPS,
                    DiscordText.lines(groups(report), Math.min(left, DiscordText.EMBED_FIELD_VALUE_MAX)),
                    false);
        }
        summary.addField("Agreement", agreement, false);
        List<MessageEmbed> embeds = new ArrayList<>();
        embeds.add(summary.build());
        reference.ifPresent(embeds::add);
        return embeds;
    }

    /** The overview, the common ground (bridging fields first), then one line per group. */
    private static List<String> groups(PollReport report) {
        PollReport.Groups groups = report.opinionGroups();
        List<String> lines = new ArrayList<>();
        lines.add(DiscordText.escape(GroupSentences.overview(groups)));
        if (!groups.found()) {
            return lines;
        }
        lines.add(DiscordText.escape(GroupSentences.commonGround(groups)));
        for (PollReport.Group group : groups.groups()) {
            lines.add("**" + DiscordText.escape(GroupSentences.group(group)) + "** "
                    + DiscordText.escape(
                            GroupSentences.separating(group, groups.groups().size())));
        }
        return lines;
    }

    private static Optional<MessageEmbed> reference(PollReport report) {
        if (report.reference() == null || report.reference().fields().isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        for (ReferenceField field : report.reference().fields()) {
            lines.add("**" + DiscordText.escape(field.name()) + "**: " + Numbers.twoDecimals(field.community())
                    + " vs "
                    + Numbers.twoDecimals(field.reference()) + " (" + Numbers.signed(field.difference())
                    + ", 90% CI "
                    + Numbers.signed(field.ciLow()) + " to " + Numbers.signed(field.ciHigh())
                    + (field.real() ? ", real" : "") + ")");
        }
        return Optional.of(new EmbedBuilder()
                .setColor(COLOR)
                .setTitle("Community vs reference")
                .setDescription(Sentences.tau(report.reference(), "τ_b") + "; 1 = same order\n"
                        + DiscordText.lines(lines, REFERENCE_MAX))
                .build());
    }

    /** A link button to the full results page, when the reply carries a link. */
    List<ActionRow> pageButton(Optional<PageLink> page) {
        return page.map(link -> List.of(ActionRow.of(Button.link(
                        link.uri().toString(), link.isPersonal() ? "Full results page" : "Public results page"))))
                .orElse(List.of());
    }

    /** How long a personal link works, in each reader's own time zone (Discord's timestamp markup). */
    String pageNote(Optional<PageLink> page) {
        return page.flatMap(PageLink::expires)
                .map(until ->
                        "Your own link to the full results page works until <t:" + until.getEpochSecond() + ":f>.")
                .orElse("");
    }

    private static String range(int low, int high) {
        return low == high ? Integer.toString(low) : low + "–" + high;
    }
}
