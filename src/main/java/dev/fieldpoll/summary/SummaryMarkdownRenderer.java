package dev.fieldpoll.summary;

import dev.fieldpoll.report.GroupSentences;
import dev.fieldpoll.report.MarkdownReportRenderer;
import dev.fieldpoll.report.Numbers;
import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.report.PollReport.Highlight;
import dev.fieldpoll.report.PollReport.ReferenceField;
import dev.fieldpoll.report.RoundSentences;
import dev.fieldpoll.report.Sentences;
import dev.fieldpoll.summary.PollSummary.CellTurn;
import dev.fieldpoll.summary.PollSummary.FieldMove;
import java.util.Comparator;
import java.util.List;

/**
 * A summary post, or a closed poll's results post, as Markdown: the console, files and
 * newsletters. Both read a poll the same way (splits, groups, reference), so a closed poll reads
 * the same in its results post and in the next summary.
 */
public final class SummaryMarkdownRenderer {

    static final int HIGHLIGHTS = 3;
    static final int DIVERGENCES = 3;

    public String render(ChannelSummary summary) {
        StringBuilder text = new StringBuilder("# " + summary.heading() + ", " + summary.period() + "\n");
        summary.lateNote().ifPresent(note -> text.append("_").append(note).append("_\n"));
        if (summary.polls().isEmpty()) {
            text.append("\nNo open polls in this channel. Start one with `/poll create`.\n");
        }
        for (PollSummary poll : summary.polls()) {
            text.append('\n').append(render(poll));
        }
        return text.toString();
    }

    /**
     * A closed poll's results post: the final ranking with rank ranges and ties, where members
     * split, opinion groups, participation and the reference comparison; below min-voters, how
     * many voted and that it was too few.
     */
    public String render(ResultsPost post) {
        StringBuilder text = new StringBuilder("# Results of poll #")
                .append(post.poll().id())
                .append(": ")
                .append(escape(post.poll().title()))
                .append('\n');
        post.lateNote().ifPresent(note -> text.append("_").append(note).append("_\n"));
        PollReport report = post.results().report();
        if (!post.hasResults()) {
            return text.append('\n').append(escape(post.tooFew())).append('\n').toString();
        }
        text.append("\n**Ranking** (rank range = 90% interval)\n");
        report.ranking()
                .forEach(entry -> text.append(entry.rank())
                        .append(". ")
                        .append(escape(entry.name()))
                        .append(" · rank ")
                        .append(Numbers.rankRange(entry.rankLow(), entry.rankHigh()))
                        .append(entry.tieWithNext() ? " · ≈ tied with next" : "")
                        .append('\n'));
        String notRanked = Sentences.notRankedNames(report);
        if (!notRanked.isEmpty()) {
            text.append(escape(notRanked)).append('\n');
        }
        splits(post.results(), report, text);
        groups(report, text);
        text.append("\n**Participation:** ")
                .append(finalParticipation(post.results()))
                .append('\n');
        reference(report, text);
        rounds(post.results(), text);
        return text.toString();
    }

    /** "5 voters, 80% with complete ballots": a closed poll's participation, shared by every platform. */
    public static String finalParticipation(PollSummary results) {
        PollSummary.Participation participation = results.participation();
        return Numbers.voters(participation.voters()) + ", " + Numbers.percent(participation.completeShare())
                + " with complete ballots";
    }

    public String render(PollSummary summary) {
        PollReport report = summary.report();
        StringBuilder text = new StringBuilder("## ")
                .append(escape(report.poll().title()))
                .append(" (#")
                .append(report.poll().id())
                .append(", ")
                .append(report.poll().status())
                .append(")\n");
        if (!summary.hasResults()) {
            return text.append(callToVote(summary)).toString();
        }
        ranking(summary, text);
        movers(summary, text);
        splits(summary, report, text);
        groups(report, text);
        participation(summary, text);
        reference(report, text);
        rounds(summary, text);
        return text.toString();
    }

    private static String callToVote(PollSummary summary) {
        return Sentences.progress(summary.report()) + ": add your view with `/poll vote`.\n";
    }

    private static void ranking(PollSummary summary, StringBuilder text) {
        text.append("\n**Ranking** (change since last summary; rank range = 90% interval)\n");
        for (FieldMove move : summary.ranking()) {
            text.append(move.rank())
                    .append(". ")
                    .append(escape(move.name()))
                    .append(" ")
                    .append(move.movement())
                    .append(" · rank ")
                    .append(Numbers.rankRange(move.rankLow(), move.rankHigh()))
                    .append('\n');
        }
        String notRanked = Sentences.notRankedNames(summary.report());
        if (!notRanked.isEmpty()) {
            text.append(escape(notRanked)).append('\n');
        }
    }

    private static void movers(PollSummary summary, StringBuilder text) {
        if (summary.biggestMovers().isEmpty()
                && summary.newlySplit().isEmpty()
                && summary.edits().isEmpty()) {
            return;
        }
        text.append("\n**What changed**\n");
        summary.edits().forEach(edit -> text.append("- ").append(escape(edit)).append('\n'));
        for (FieldMove move : summary.biggestMovers()) {
            text.append("- ")
                    .append(escape(move.name()))
                    .append(" moved ")
                    .append(move.movement())
                    .append(" to #")
                    .append(move.rank())
                    .append('\n');
        }
        for (CellTurn turn : summary.newlySplit()) {
            text.append("- ")
                    .append(escape(turn.fieldName()))
                    .append(" / ")
                    .append(escape(turn.factorName()))
                    .append(" is newly ")
                    .append(turn.label())
                    .append('\n');
        }
    }

    private static void splits(PollSummary summary, PollReport report, StringBuilder text) {
        List<Highlight> top = report.highlights().stream().limit(HIGHLIGHTS).toList();
        if (top.isEmpty()) {
            return;
        }
        text.append("\n**Where we split**\n");
        top.forEach(highlight ->
                text.append("- ").append(escape(Sentences.highlight(highlight))).append('\n'));
    }

    private static void groups(PollReport report, StringBuilder text) {
        List<String> lines = GroupSentences.summary(report.opinionGroups());
        if (lines.isEmpty()) {
            return;
        }
        text.append("\n**Opinion groups**\n").append(escape(lines.get(0))).append('\n');
        lines.subList(1, lines.size())
                .forEach(line -> text.append("- ").append(escape(line)).append('\n'));
    }

    private static void participation(PollSummary summary, StringBuilder text) {
        PollSummary.Participation participation = summary.participation();
        text.append("\n**Participation:** ")
                .append(Numbers.voters(participation.voters()))
                .append(", ")
                .append(participation.newVoters())
                .append(" new since last summary, ")
                .append(Numbers.percent(participation.completeShare()))
                .append(" with complete ballots\n");
    }

    private static void reference(PollReport report, StringBuilder text) {
        if (report.reference() == null) {
            return;
        }
        text.append("\n**Against the reference:** ")
                .append(Sentences.tau(report.reference(), "τ_b"))
                .append('\n');
        report.reference().fields().stream()
                .sorted(Comparator.comparingDouble((ReferenceField field) -> Math.abs(field.difference()))
                        .reversed())
                .limit(DIVERGENCES)
                .forEach(field -> text.append("- ")
                        .append(escape(field.name()))
                        .append(": community ")
                        .append(Numbers.twoDecimals(field.community()))
                        .append(" vs ")
                        .append(Numbers.twoDecimals(field.reference()))
                        .append(" (")
                        .append(Sentences.difference(field))
                        .append(")\n"));
    }

    /**
     * A later round's changes since the round before, in the sentences {@code /poll results} shows:
     * the Markdown of a summary and of a results post alike.
     */
    private static void rounds(PollSummary summary, StringBuilder text) {
        summary.rounds().ifPresent(rounds -> {
            text.append("\n**").append(escape(RoundSentences.heading(rounds))).append("**\n");
            RoundSentences.summary(rounds)
                    .forEach(line -> text.append(escape(line)).append('\n'));
            if (!rounds.fields().isEmpty() || !rounds.notCompared().isEmpty()) {
                text.append('\n')
                        .append(escape(RoundSentences.fieldsHeading(rounds)))
                        .append('\n');
                RoundSentences.fields(rounds)
                        .forEach(line -> text.append("- ").append(escape(line)).append('\n'));
            }
        });
    }

    private static String escape(String text) {
        return MarkdownReportRenderer.escape(text);
    }
}
