package dev.fieldpoll.report;

import dev.fieldpoll.poll.CellCounts;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Factor;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.report.PollReport.Agreement;
import dev.fieldpoll.report.PollReport.FactorInfo;
import dev.fieldpoll.report.PollReport.Measure;
import dev.fieldpoll.report.PollReport.Method;
import dev.fieldpoll.tally.AnalysisSettings;
import dev.fieldpoll.tally.CellStatistics;
import dev.fieldpoll.tally.GroupAnalyzer;
import dev.fieldpoll.tally.PollAnalysis;
import dev.fieldpoll.tally.PollAnalyzer;
import dev.fieldpoll.tally.Reliability;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Computes a PollReport from counts and ballots with the statistics of the tally package. */
public final class ReportBuilder {

    /** How many split highlights a report carries. */
    public static final int HIGHLIGHTS = 5;

    private final int resamples;

    public ReportBuilder() {
        this(AnalysisSettings.DEFAULT_RESAMPLES);
    }

    /** Fewer resamples only for simulation tests that build hundreds of reports. */
    ReportBuilder(int resamples) {
        this.resamples = resamples;
    }

    public PollReport build(ReportInput input) {
        PollDefinition definition = input.definition();
        CellStatistics[][] statistics = statistics(definition, input.counts());
        double[] weights =
                definition.factors().stream().mapToDouble(Factor::weight).toArray();
        AnalysisSettings settings = new AnalysisSettings(
                definition.scale().min(),
                definition.scale().points(),
                weights,
                input.minVoters(),
                input.labelFrom(),
                resamples);
        PollAnalysis analysis = PollAnalyzer.analyze(input.ballots(), settings, referenceScores(definition, weights));
        CellSections cells = new CellSections(definition, statistics, analysis);
        RankingSections ranking = new RankingSections(definition, statistics, analysis);
        return new PollReport(
                input.poll(),
                factors(definition),
                cells.cells(),
                ranking.ranking(),
                ranking.notRanked(),
                cells.highlights(HIGHLIGHTS),
                ranking.reference(),
                agreement(analysis),
                method(analysis),
                input.minVoters(),
                input.labelFrom(),
                new GroupSections(definition, GroupAnalyzer.analyze(analysis.ballots(), settings, input.groupsFrom()))
                        .groups());
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

    /** Per field, the reference's weighted mean over every factor; NaN without a full reference. */
    private static double[] referenceScores(PollDefinition definition, double[] weights) {
        if (!definition.hasReference()) {
            return null;
        }
        double total = java.util.Arrays.stream(weights).sum();
        double[] scores = new double[definition.fields().size()];
        for (int field = 0; field < scores.length; field++) {
            String fieldKey = definition.fields().get(field).key();
            double score = 0;
            for (int factor = 0; factor < weights.length; factor++) {
                Double reference = definition
                        .reference()
                        .get(new CellKey(
                                fieldKey, definition.factors().get(factor).key()));
                score = reference == null ? Double.NaN : score + weights[factor] / total * reference;
            }
            scores[field] = score;
        }
        return scores;
    }

    private static List<FactorInfo> factors(PollDefinition definition) {
        return definition.factors().stream()
                .map(f -> new FactorInfo(f.key(), f.name(), f.weight()))
                .toList();
    }

    private static Agreement agreement(PollAnalysis analysis) {
        Reliability reliability = analysis.reliability();
        return new Agreement(
                finite(analysis.krippendorffAlpha()),
                measure(reliability.value(), reliability.low(), reliability.high()));
    }

    private static Method method(PollAnalysis analysis) {
        PollAnalysis.Method method = analysis.method();
        return new Method(
                finite(method.prior()),
                finite(method.offsetShrinkage()),
                method.resamples(),
                String.format("%016x", method.seed()),
                method.ballots());
    }

    static Measure measure(double value, double low, double high) {
        return new Measure(finite(value), finite(low), finite(high));
    }

    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
