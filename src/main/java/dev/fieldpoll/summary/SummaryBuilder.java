package dev.fieldpoll.summary;

import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.report.ChartRenderer;
import dev.fieldpoll.report.GroupChartRenderer;
import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.report.PollReport.CellReport;
import dev.fieldpoll.report.PollReport.RankingEntry;
import dev.fieldpoll.report.ReportService;
import dev.fieldpoll.report.RoundReport;
import dev.fieldpoll.report.RoundReportService;
import dev.fieldpoll.summary.PollSummary.CellTurn;
import dev.fieldpoll.summary.PollSummary.Chart;
import dev.fieldpoll.summary.PollSummary.FieldMove;
import dev.fieldpoll.summary.PollSummary.Participation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds one poll's part of a summary by comparing its report now with the last snapshot. */
public final class SummaryBuilder {

    static final int BIGGEST_MOVERS = 3;

    private static final java.time.format.DateTimeFormatter EDIT_DAY = java.time.format.DateTimeFormatter.ofPattern(
                    "d MMM", java.util.Locale.ENGLISH)
            .withZone(java.time.ZoneOffset.UTC);

    private final ReportService reports;
    private final RoundReportService rounds;
    private final SummaryStore store;
    private final ChartRenderer charts;
    private final GroupChartRenderer groupCharts;

    /**
     * {@code rounds} is the one that answers {@code /poll results}, so a later round's summary and
     * results post carry the same round report, numbers and all.
     */
    public SummaryBuilder(
            ReportService reports,
            RoundReportService rounds,
            SummaryStore store,
            ChartRenderer charts,
            GroupChartRenderer groupCharts) {
        this.reports = reports;
        this.rounds = rounds;
        this.store = store;
        this.charts = charts;
        this.groupCharts = groupCharts;
    }

    public PollSummary build(Poll poll, Instant now, LocalDate date) {
        return build(poll, date, store.latestSnapshot(poll.id(), now));
    }

    /**
     * A closed poll's final results, compared with nothing: no movement, no "newly split", every
     * voter counted as new. What its results post shows.
     */
    public PollSummary buildFinal(Poll poll, LocalDate date) {
        return build(poll, date, Optional.empty());
    }

    private PollSummary build(Poll poll, LocalDate date, Optional<Snapshot> previous) {
        PollReport report = reports.reportFor(poll);
        List<FieldMove> ranking =
                report.ranking().stream().map(entry -> move(entry, previous)).toList();
        List<FieldMove> movers = ranking.stream()
                .filter(move -> move.distance() > 0)
                .sorted(Comparator.comparingInt(FieldMove::distance).reversed())
                .limit(BIGGEST_MOVERS)
                .toList();
        int previousVoters = previous.map(Snapshot::voters).orElse(0);
        Participation participation = new Participation(
                report.poll().voters(),
                Math.max(0, report.poll().voters() - previousVoters),
                report.poll().completeBallots());
        byte[] png = charts.render(report, date).orElse(new byte[0]);
        byte[] groupPng = groupCharts.render(report, date).orElse(new byte[0]);
        Map<CellKey, String> states = cellStates(report, previous);
        return new PollSummary(
                report,
                ranking,
                movers,
                newlySplit(report, previous, states),
                participation,
                new Chart("poll-" + poll.id() + "-" + date + ".png", png),
                new Chart("poll-" + poll.id() + "-" + date + "-groups.png", groupPng),
                states,
                edits(poll, previous),
                roundsOf(poll, report));
    }

    /** A later round's changes since the round before, once per poll and summary; none without results. */
    private Optional<RoundReport> roundsOf(Poll poll, PollReport report) {
        return report.ranking().isEmpty() ? Optional.empty() : rounds.reportFor(poll);
    }

    /** "Field Evals added on 3 Dec" (dates in UTC): the poll's edits since the last summary, or since it began. */
    private List<String> edits(Poll poll, Optional<Snapshot> previous) {
        Instant since = previous.map(Snapshot::takenAt).orElse(poll.createdAt());
        return store.changesSince(poll.id(), since).stream()
                .map(change -> change.detail() + " on " + EDIT_DAY.format(change.at()))
                .toList();
    }

    private static FieldMove move(RankingEntry entry, Optional<Snapshot> previous) {
        Integer before =
                previous.map(snapshot -> snapshot.ranks().get(entry.field())).orElse(null);
        return new FieldMove(entry.rank(), entry.field(), entry.name(), before, entry.rankLow(), entry.rankHigh());
    }

    /** Every cell's split state after this week's report, with hysteresis against the last summary's. */
    private static Map<CellKey, String> cellStates(PollReport report, Optional<Snapshot> previous) {
        Map<CellKey, String> states = new HashMap<>();
        for (CellReport cell : report.cells()) {
            CellKey key = new CellKey(cell.field(), cell.factor());
            states.put(key, SplitStates.next(previousState(previous, key), cell));
        }
        return states;
    }

    /**
     * Cells whose state turned contested or polarized since the last summary. A first summary has
     * nothing to compare with, so it calls nothing "newly" split.
     */
    private static List<CellTurn> newlySplit(
            PollReport report, Optional<Snapshot> previous, Map<CellKey, String> states) {
        if (previous.isEmpty()) {
            return List.of();
        }
        Map<String, String> factorNames = new HashMap<>();
        report.factors().forEach(factor -> factorNames.put(factor.key(), factor.name()));
        return report.cells().stream()
                .filter(cell -> {
                    CellKey key = new CellKey(cell.field(), cell.factor());
                    return SplitStates.isNewly(previousState(previous, key), states.get(key));
                })
                .map(cell -> {
                    CellKey key = new CellKey(cell.field(), cell.factor());
                    return new CellTurn(
                            cell.field(),
                            cell.fieldName(),
                            cell.factor(),
                            factorNames.get(cell.factor()),
                            states.get(key),
                            previousState(previous, key));
                })
                .toList();
    }

    private static String previousState(Optional<Snapshot> previous, CellKey cell) {
        return previous.map(snapshot -> snapshot.labels().get(cell)).orElse(null);
    }

    /** What next week's summary compares with. */
    public static Snapshot snapshotOf(long pollId, PollSummary summary, Instant takenAt) {
        Map<String, Integer> ranks = new HashMap<>();
        summary.report().ranking().forEach(entry -> ranks.put(entry.field(), entry.rank()));
        return new Snapshot(pollId, takenAt, summary.report().poll().voters(), ranks, summary.cellStates());
    }
}
