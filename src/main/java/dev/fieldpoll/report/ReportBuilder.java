package dev.fieldpoll.report;

import dev.fieldpoll.poll.CellCounts;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Factor;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.report.PollReport.Agreement;
import dev.fieldpoll.report.PollReport.CellReport;
import dev.fieldpoll.report.PollReport.FactorInfo;
import dev.fieldpoll.report.PollReport.Highlight;
import dev.fieldpoll.report.PollReport.RankingEntry;
import dev.fieldpoll.tally.AgreementReading;
import dev.fieldpoll.tally.CellLabel;
import dev.fieldpoll.tally.CellStatistics;
import dev.fieldpoll.tally.FieldScores;
import dev.fieldpoll.tally.KrippendorffAlpha;
import dev.fieldpoll.tally.ParetoTiers;
import dev.fieldpoll.tally.RankBootstrap;
import dev.fieldpoll.tally.RankIntervals;
import dev.fieldpoll.tally.Ranking;
import dev.fieldpoll.tally.TieDetection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Computes a PollReport from counts and ballots with the statistics of the tally package. */
public final class ReportBuilder {

    /** How many disagreement highlights a report carries. */
    public static final int HIGHLIGHTS = 5;

    public PollReport build(ReportInput input) {
        PollDefinition definition = input.definition();
        CellStatistics[][] statistics = statistics(definition, input.counts());
        if (input.poll().voters() < input.minVoters()) {
            return withheld(input, statistics);
        }
        double[] weights =
                definition.factors().stream().mapToDouble(Factor::weight).toArray();
        double[][] sums =
                new double[definition.fields().size()][definition.factors().size()];
        int[][] counts =
                new int[definition.fields().size()][definition.factors().size()];
        fillSums(statistics, sums, counts);
        double midpoint = definition.scale().midpoint();
        double[] scores = FieldScores.shrunk(sums, counts, weights, FieldScores.PRIOR_VOTES, midpoint);
        double[][] shrunkMeans = FieldScores.shrunkMeans(sums, counts, FieldScores.PRIOR_VOTES, midpoint);
        RankIntervals intervals = RankBootstrap.run(
                input.ballots(),
                weights,
                definition.scale().min(),
                definition.scale().points(),
                RankBootstrap.DEFAULT_RESAMPLES,
                input.seed());
        return new PollReport(
                input.poll(),
                factors(definition),
                cells(definition, statistics, input.minVoters()),
                ranking(definition, scores, ParetoTiers.of(shrunkMeans), intervals),
                highlights(definition, statistics, input.minVoters()),
                ReferenceComparisonBuilder.compare(definition, statistics, scores, input.minVoters()),
                agreement(statistics),
                input.minVoters());
    }

    /** Too few voters: any ranking or mean could reveal a member's own votes, so only counts are shown. */
    private static PollReport withheld(ReportInput input, CellStatistics[][] statistics) {
        return new PollReport(
                input.poll(),
                factors(input.definition()),
                cells(input.definition(), statistics, input.minVoters()),
                List.of(),
                List.of(),
                null,
                new Agreement(null, AgreementReading.of(Double.NaN).describe()),
                input.minVoters());
    }

    private static CellStatistics[][] statistics(PollDefinition definition, List<CellCounts> counts) {
        Map<CellKey, CellCounts> byCell = new HashMap<>();
        counts.forEach(cell -> byCell.put(cell.cell(), cell));
        int points = definition.scale().points();
        CellStatistics[][] statistics = new CellStatistics[definition.fields().size()]
                [definition.factors().size()];
        for (int field = 0; field < statistics.length; field++) {
            for (int factor = 0; factor < statistics[field].length; factor++) {
                CellKey key = new CellKey(
                        definition.fields().get(field).key(),
                        definition.factors().get(factor).key());
                CellCounts cell = byCell.get(key);
                statistics[field][factor] = cell == null
                        ? CellStatistics.of(
                                new int[points], 0, definition.scale().min())
                        : CellStatistics.of(
                                cell.histogram(),
                                cell.dontKnow(),
                                definition.scale().min());
            }
        }
        return statistics;
    }

    private static void fillSums(CellStatistics[][] statistics, double[][] sums, int[][] counts) {
        for (int field = 0; field < statistics.length; field++) {
            for (int factor = 0; factor < statistics[field].length; factor++) {
                CellStatistics cell = statistics[field][factor];
                counts[field][factor] = cell.n();
                sums[field][factor] = cell.n() == 0 ? 0 : cell.mean() * cell.n();
            }
        }
    }

    private static List<FactorInfo> factors(PollDefinition definition) {
        return definition.factors().stream()
                .map(f -> new FactorInfo(f.key(), f.name(), f.weight()))
                .toList();
    }

    private static List<CellReport> cells(PollDefinition definition, CellStatistics[][] statistics, int minVoters) {
        List<CellReport> cells = new ArrayList<>();
        for (int field = 0; field < statistics.length; field++) {
            Field fieldInfo = definition.fields().get(field);
            for (int factor = 0; factor < statistics[field].length; factor++) {
                CellStatistics cell = statistics[field][factor];
                String factorKey = definition.factors().get(factor).key();
                cells.add(
                        cell.n() >= minVoters
                                ? new CellReport(
                                        fieldInfo.key(),
                                        fieldInfo.name(),
                                        factorKey,
                                        cell.n(),
                                        cell.dontKnow(),
                                        cell.histogram(),
                                        finite(cell.mean()),
                                        finite(cell.sd()),
                                        finite(cell.median()),
                                        finite(cell.consensus()),
                                        cell.lowShare(),
                                        cell.highShare(),
                                        cell.label().keyword())
                                : new CellReport(
                                        fieldInfo.key(),
                                        fieldInfo.name(),
                                        factorKey,
                                        cell.n(),
                                        cell.dontKnow(),
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        CellLabel.TOO_FEW.keyword()));
            }
        }
        return cells;
    }

    private static List<RankingEntry> ranking(
            PollDefinition definition, double[] scores, int[] tiers, RankIntervals intervals) {
        int[] ranks = Ranking.ranks(scores);
        int[] order = new int[scores.length];
        for (int field = 0; field < scores.length; field++) {
            order[ranks[field] - 1] = field;
        }
        boolean[] ties = TieDetection.tiedWithNext(order, intervals.probabilityAbove());
        List<RankingEntry> ranking = new ArrayList<>();
        for (int position = 0; position < order.length; position++) {
            int field = order[position];
            Field info = definition.fields().get(field);
            ranking.add(new RankingEntry(
                    position + 1,
                    info.key(),
                    info.name(),
                    scores[field],
                    tiers[field],
                    intervals.low()[field],
                    intervals.high()[field],
                    ties[position]));
        }
        return ranking;
    }

    /** Cells with enough voters to judge, most disagreement (lowest consensus) first. */
    private static List<Highlight> highlights(PollDefinition definition, CellStatistics[][] statistics, int minVoters) {
        int needed = Math.max(CellLabel.MIN_VOTERS_FOR_LABEL, minVoters);
        List<Highlight> highlights = new ArrayList<>();
        for (int field = 0; field < statistics.length; field++) {
            for (int factor = 0; factor < statistics[field].length; factor++) {
                CellStatistics cell = statistics[field][factor];
                if (cell.n() >= needed) {
                    Field fieldInfo = definition.fields().get(field);
                    Factor factorInfo = definition.factors().get(factor);
                    highlights.add(new Highlight(
                            fieldInfo.key(),
                            fieldInfo.name(),
                            factorInfo.key(),
                            factorInfo.name(),
                            cell.label().keyword(),
                            cell.consensus(),
                            cell.n(),
                            cell.lowShare(),
                            cell.highShare()));
                }
            }
        }
        highlights.sort(Comparator.comparingDouble(Highlight::consensus));
        return highlights.subList(0, Math.min(HIGHLIGHTS, highlights.size()));
    }

    private static Agreement agreement(CellStatistics[][] statistics) {
        List<int[]> units = new ArrayList<>();
        for (CellStatistics[] row : statistics) {
            for (CellStatistics cell : row) {
                units.add(cell.histogram());
            }
        }
        double alpha = KrippendorffAlpha.ordinal(units);
        return new Agreement(finite(alpha), AgreementReading.of(alpha).describe());
    }

    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
