package dev.fieldpoll.summary;

import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.report.ChartRenderer;
import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.report.PollReport.CellReport;
import dev.fieldpoll.report.PollReport.RankingEntry;
import dev.fieldpoll.report.ReportService;
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
import java.util.Set;

/** Builds one poll's part of a summary by comparing its report now with the last snapshot. */
public final class SummaryBuilder {

    static final int BIGGEST_MOVERS = 3;
    private static final Set<String> SPLIT_LABELS = Set.of("contested", "polarized");

    private final ReportService reports;
    private final SummaryStore store;
    private final ChartRenderer charts;

    public SummaryBuilder(ReportService reports, SummaryStore store, ChartRenderer charts) {
        this.reports = reports;
        this.store = store;
        this.charts = charts;
    }

    public PollSummary build(Poll poll, Instant now, LocalDate date) {
        PollReport report = reports.reportFor(poll);
        Optional<Snapshot> previous = store.latestSnapshot(poll.id(), now);
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
        return new PollSummary(
                report,
                ranking,
                movers,
                newlySplit(report, previous),
                participation,
                new Chart("poll-" + poll.id() + "-" + date + ".png", png));
    }

    private static FieldMove move(RankingEntry entry, Optional<Snapshot> previous) {
        Integer before =
                previous.map(snapshot -> snapshot.ranks().get(entry.field())).orElse(null);
        return new FieldMove(entry.rank(), entry.field(), entry.name(), before, entry.rankLow(), entry.rankHigh());
    }

    /**
     * Cells split now that were not split at the last summary (or had no label then). A first summary
     * has nothing to compare with, so nothing in it is "newly" anything.
     */
    private static List<CellTurn> newlySplit(PollReport report, Optional<Snapshot> previous) {
        if (previous.isEmpty()) {
            return List.of();
        }
        Map<String, String> factorNames = new HashMap<>();
        report.factors().forEach(factor -> factorNames.put(factor.key(), factor.name()));
        return report.cells().stream()
                .filter(cell -> SPLIT_LABELS.contains(cell.label()))
                .filter(cell -> !wasSplit(previousLabel(previous, cell)))
                .map(cell -> new CellTurn(
                        cell.field(),
                        cell.fieldName(),
                        cell.factor(),
                        factorNames.get(cell.factor()),
                        cell.label(),
                        previousLabel(previous, cell)))
                .toList();
    }

    private static boolean wasSplit(String label) {
        return label != null && SPLIT_LABELS.contains(label);
    }

    private static String previousLabel(Optional<Snapshot> previous, CellReport cell) {
        return previous.map(snapshot -> snapshot.labels().get(new CellKey(cell.field(), cell.factor())))
                .orElse(null);
    }

    /** What next week's summary compares with. */
    public static Snapshot snapshotOf(long pollId, PollSummary summary, Instant takenAt) {
        Map<String, Integer> ranks = new HashMap<>();
        summary.report().ranking().forEach(entry -> ranks.put(entry.field(), entry.rank()));
        Map<CellKey, String> labels = new HashMap<>();
        summary.report().cells().forEach(cell -> labels.put(new CellKey(cell.field(), cell.factor()), cell.label()));
        return new Snapshot(pollId, takenAt, summary.report().poll().voters(), ranks, labels);
    }
}
