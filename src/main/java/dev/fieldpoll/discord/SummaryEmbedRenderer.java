package dev.fieldpoll.discord;

import dev.fieldpoll.report.GroupSentences;
import dev.fieldpoll.report.Numbers;
import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.report.PollReport.ReferenceField;
import dev.fieldpoll.report.RoundReport;
import dev.fieldpoll.report.Sentences;
import dev.fieldpoll.summary.PollSummary;
import dev.fieldpoll.summary.PollSummary.CellTurn;
import dev.fieldpoll.summary.PollSummary.FieldMove;
import dev.fieldpoll.summary.PollSummary.Participation;
import dev.fieldpoll.summary.ResultsPost;
import dev.fieldpoll.summary.SummaryMarkdownRenderer;
import dev.fieldpoll.tally.CellLabel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * One poll of a weekly summary as an embed: the ranking with each field's movement and rank
 * range, what changed, where members split, opinion groups (common ground first, in the room the
 * rest leaves), participation and the reference comparison, with the chart as the embed's image;
 * the group map, when there is one, gets an embed of its own. A poll without results yet gets a short call to vote instead.
 * Each part has its own budget, so even the largest poll stays under Discord's 6000 characters.
 */
final class SummaryEmbedRenderer {

    static final int HIGHLIGHTS = 3;
    static final int DIVERGENCES = 3;
    private static final int RANKING_MAX = 2400;
    private static final int CHANGES_MAX = 700;
    private static final int SPLITS_MAX = 900;
    private static final int REFERENCE_MAX = 900;
    private static final int NOT_RANKED_MAX = 300;
    private static final int GROUPS_MAX = 900;
    private static final int GROUPS_MIN = 120;
    private static final String GROUPS = "Opinion groups";

    MessageEmbed render(PollSummary summary, LocalDate period, boolean withChart) {
        return render(summary, period, withChart, 0);
    }

    /** {@code reserved}: characters the message keeps for the embeds after this one (a round's changes). */
    MessageEmbed render(PollSummary summary, LocalDate period, boolean withChart, int reserved) {
        PollReport.PollInfo poll = summary.report().poll();
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(isOpen(summary) ? PollMessageRenderer.OPEN_COLOR : PollMessageRenderer.CLOSED_COLOR)
                .setTitle(DiscordText.cut("📊 " + poll.title(), DiscordText.EMBED_TITLE_MAX))
                .setFooter("Poll #" + poll.id() + " · " + poll.status() + " · summary of " + period);
        if (!summary.hasResults()) {
            return embed.setDescription(callToVote(summary)).build();
        }
        embed.setDescription("**Ranking** (change since last summary · rank range = 90% interval)\n"
                + DiscordText.lines(ranking(summary), RANKING_MAX));
        List<String> changes = changes(summary);
        if (!changes.isEmpty()) {
            embed.addField("What changed", DiscordText.lines(changes, CHANGES_MAX), false);
        }
        List<String> splits = splits(summary.report());
        if (!splits.isEmpty()) {
            embed.addField("Where we split", DiscordText.lines(splits, SPLITS_MAX), false);
        }
        return closing(embed, summary, participation(summary.participation()), withChart, reserved);
    }

    /** What a summary and a results post end with alike: the chart, groups, participation and the reference. */
    private static MessageEmbed closing(
            EmbedBuilder embed, PollSummary summary, String participation, boolean withChart, int reserved) {
        String reference = summary.report().reference() == null
                ? null
                : reference(summary.report().reference());
        if (withChart && hasChart(summary)) {
            embed.setImage("attachment://" + summary.chart().fileName());
        }
        groups(embed, summary, reserved + participation.length() + (reference == null ? 0 : reference.length() + 30));
        embed.addField("Participation", participation, false);
        if (reference != null) {
            embed.addField("Against the reference", reference, false);
        }
        return embed.build();
    }

    /**
     * A closed poll's results post as an embed: the final ranking with rank ranges and ties, where
     * members split, opinion groups, participation and the reference, with the chart as its image;
     * below min-voters how many voted and that it was too few. Within the limits the summary keeps.
     */
    MessageEmbed results(ResultsPost post, boolean withChart, int reserved) {
        PollSummary summary = post.results();
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(PollMessageRenderer.CLOSED_COLOR)
                .setTitle(DiscordText.cut("🏁 " + post.heading(), DiscordText.EMBED_TITLE_MAX))
                .setFooter("Poll #" + post.poll().id() + " · final results");
        if (!post.hasResults()) {
            return embed.setDescription(DiscordText.escape(post.tooFew())).build();
        }
        PollReport report = summary.report();
        List<String> ranking = new ArrayList<>(report.ranking().stream()
                .map(entry -> entry.rank() + ". **" + DiscordText.escape(entry.name()) + "** · rank "
                        + range(entry.rankLow(), entry.rankHigh()) + (entry.tieWithNext() ? " · ≈ tied with next" : ""))
                .toList());
        String notRanked = Sentences.notRankedNames(report);
        if (!notRanked.isEmpty()) {
            ranking.add(DiscordText.cut(DiscordText.escape(notRanked), NOT_RANKED_MAX));
        }
        embed.setDescription("**Ranking** (rank range = 90% interval)\n" + DiscordText.lines(ranking, RANKING_MAX));
        List<String> splits = splits(report);
        if (!splits.isEmpty()) {
            embed.addField("Where we split", DiscordText.lines(splits, SPLITS_MAX), false);
        }
        return closing(
                embed,
                summary,
                DiscordText.escape(SummaryMarkdownRenderer.finalParticipation(summary)),
                withChart,
                reserved);
    }

    /** Opinion groups, common ground first, in what room the 6000 characters leave after the rest. */
    private static void groups(EmbedBuilder embed, PollSummary summary, int stillToCome) {
        List<String> lines = GroupSentences.summary(summary.report().opinionGroups()).stream()
                .map(DiscordText::escape)
                .toList();
        int left = DiscordText.EMBEDS_TOTAL_MAX
                - embed.length()
                - stillToCome
                - GROUPS.length()
                - "Participation".length();
        if (lines.isEmpty() || left < GROUPS_MIN) {
            return;
        }
        embed.addField(GROUPS, DiscordText.lines(lines, Math.min(left, GROUPS_MAX)), false);
    }

    /** The group map as an embed of its own, under the poll's: its image is the attached group chart. */
    MessageEmbed groupMap(PollSummary summary) {
        PollReport report = summary.report();
        return new EmbedBuilder()
                .setColor(isOpen(summary) ? PollMessageRenderer.OPEN_COLOR : PollMessageRenderer.CLOSED_COLOR)
                .setTitle(DiscordText.cut("Opinion groups · " + report.poll().title(), DiscordText.EMBED_TITLE_MAX))
                .setDescription(DiscordText.escape(GroupSentences.mapDescription(report.opinionGroups())))
                .setImage("attachment://" + summary.groupChart().fileName())
                .build();
    }

    /**
     * A poll's embeds in a summary or results post: its own ({@code main}, given the room the
     * embeds after it need), a later round's changes in the room it leaves, then its group map when
     * {@code map}. A first round's embed is drawn as it always was, with nothing reserved.
     */
    List<MessageEmbed> embeds(PollSummary summary, boolean map, IntFunction<MessageEmbed> main) {
        MessageEmbed groupMap = map ? groupMap(summary) : null;
        List<MessageEmbed> embeds = new ArrayList<>();
        if (summary.rounds().isEmpty()) {
            embeds.add(main.apply(0));
        } else {
            RoundReport rounds = summary.rounds().get();
            int after = groupMap == null ? 0 : groupMap.getLength();
            // the colour counts for nothing in the length
            MessageEmbed drawn =
                    main.apply(after + RoundEmbedRenderer.render(rounds, 0).getLength());
            embeds.add(drawn);
            embeds.add(RoundEmbedRenderer.within(
                    rounds, drawn.getColorRaw(), DiscordText.EMBEDS_TOTAL_MAX - drawn.getLength() - after));
        }
        if (groupMap != null) {
            embeds.add(groupMap);
        }
        return embeds;
    }

    static boolean hasGroupChart(PollSummary summary) {
        return summary.groupChart() != null && !summary.groupChart().isEmpty();
    }

    static boolean isOpen(PollSummary summary) {
        return "open".equals(summary.report().poll().status());
    }

    static boolean hasChart(PollSummary summary) {
        return summary.chart() != null && !summary.chart().isEmpty();
    }

    /** The label of the Vote button a poll without results gets in the summary message. */
    static String voteLabel(PollSummary summary) {
        return "Vote on #" + summary.report().poll().id();
    }

    private static String callToVote(PollSummary summary) {
        if (!isOpen(summary)) {
            return Sentences.closedWithoutResults(summary.report());
        }
        long id = summary.report().poll().id();
        return Sentences.progress(summary.report()) + ": press **" + voteLabel(summary)
                + "** below, or use `/poll vote poll:" + id + "`.";
    }

    private static List<String> ranking(PollSummary summary) {
        List<String> lines = new ArrayList<>(summary.ranking().stream()
                .map(move -> move.rank() + ". **" + DiscordText.escape(move.name()) + "** " + move.movement()
                        + " · rank " + range(move.rankLow(), move.rankHigh()))
                .toList());
        String notRanked = Sentences.notRankedNames(summary.report());
        if (!notRanked.isEmpty()) {
            lines.add(DiscordText.cut(DiscordText.escape(notRanked), NOT_RANKED_MAX));
        }
        return lines;
    }

    private static List<String> changes(PollSummary summary) {
        List<String> lines = new ArrayList<>();
        summary.edits().forEach(edit -> lines.add("• " + DiscordText.escape(edit)));
        for (FieldMove move : summary.biggestMovers()) {
            lines.add("• **" + DiscordText.escape(move.name()) + "** moved " + move.movement() + " to #" + move.rank());
        }
        for (CellTurn turn : summary.newlySplit()) {
            lines.add("• **" + DiscordText.escape(turn.fieldName()) + "** / " + DiscordText.escape(turn.factorName())
                    + " is newly " + turn.label() + before(turn.previousLabel()));
        }
        return lines;
    }

    /** " (was mixed)"; nothing when the cell had too few answers to read last time. */
    private static String before(String previousLabel) {
        return previousLabel == null || previousLabel.equals(CellLabel.TOO_FEW.keyword())
                ? ""
                : " (was " + previousLabel + ")";
    }

    private static List<String> splits(PollReport report) {
        return report.highlights().stream()
                .limit(HIGHLIGHTS)
                .map(highlight -> "• " + DiscordText.escape(Sentences.highlight(highlight)))
                .toList();
    }

    private static String participation(Participation participation) {
        return Numbers.voters(participation.voters()) + " · " + participation.newVoters() + " new since last summary · "
                + Numbers.percent(participation.completeShare()) + " with complete ballots";
    }

    private static String reference(PollReport.ReferenceComparison reference) {
        List<String> divergences = reference.fields().stream()
                .sorted(Comparator.comparingDouble((ReferenceField field) -> Math.abs(field.difference()))
                        .reversed())
                .limit(DIVERGENCES)
                .map(field -> "• **" + DiscordText.escape(field.name()) + "**: community "
                        + Numbers.twoDecimals(field.community()) + " vs " + Numbers.twoDecimals(field.reference())
                        + " (" + Sentences.difference(field) + ")")
                .toList();
        String tau = Sentences.tau(reference, "τ_b") + " (1 = same order)";
        return divergences.isEmpty()
                ? tau
                : tau + "\n" + DiscordText.lines(divergences, REFERENCE_MAX - tau.length() - 1);
    }

    private static String range(int low, int high) {
        return low == high ? Integer.toString(low) : low + "–" + high;
    }
}
