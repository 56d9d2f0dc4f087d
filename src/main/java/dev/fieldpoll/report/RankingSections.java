package dev.fieldpoll.report;

import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.report.PollReport.FactorEstimate;
import dev.fieldpoll.report.PollReport.RankingEntry;
import dev.fieldpoll.report.PollReport.ReferenceComparison;
import dev.fieldpoll.report.PollReport.ReferenceField;
import dev.fieldpoll.report.PollReport.UnrankedField;
import dev.fieldpoll.tally.CellStatistics;
import dev.fieldpoll.tally.PollAnalysis;
import java.util.ArrayList;
import java.util.List;

/** The ranking, the fields not ranked yet, and the reference comparison of a report: one score per field. */
final class RankingSections {

    private final PollDefinition definition;
    private final CellStatistics[][] statistics;
    private final PollAnalysis analysis;

    RankingSections(PollDefinition definition, CellStatistics[][] statistics, PollAnalysis analysis) {
        this.definition = definition;
        this.statistics = statistics;
        this.analysis = analysis;
    }

    List<RankingEntry> ranking() {
        int[] order = analysis.order();
        List<RankingEntry> ranking = new ArrayList<>();
        for (int position = 0; position < order.length; position++) {
            int field = order[position];
            Field info = definition.fields().get(field);
            ranking.add(new RankingEntry(
                    position + 1,
                    info.key(),
                    info.name(),
                    analysis.score(field),
                    analysis.scoreLow(field),
                    analysis.scoreHigh(field),
                    analysis.tier(field),
                    analysis.rankLow(field),
                    analysis.rankHigh(field),
                    analysis.tiedWithNext(position),
                    analysis.severityShift(field),
                    dontKnowShare(field),
                    estimates(field)));
        }
        return ranking;
    }

    private List<FactorEstimate> estimates(int field) {
        int factors = definition.factors().size();
        List<FactorEstimate> estimates = new ArrayList<>();
        for (int factor = 0; factor < factors; factor++) {
            int cell = field * factors + factor;
            estimates.add(new FactorEstimate(
                    definition.factors().get(factor).key(),
                    analysis.estimate(cell),
                    analysis.estimateLow(cell),
                    analysis.estimateHigh(cell)));
        }
        return estimates;
    }

    /** Fields with a cell below the threshold, in template order, after the ranking. */
    List<UnrankedField> notRanked() {
        int factors = definition.factors().size();
        List<UnrankedField> fields = new ArrayList<>();
        for (int field = 0; field < definition.fields().size(); field++) {
            if (analysis.isRanked(field)) {
                continue;
            }
            int counted = 0;
            for (int factor = 0; factor < factors; factor++) {
                counted += analysis.isEligible(field * factors + factor) ? 1 : 0;
            }
            Field info = definition.fields().get(field);
            fields.add(new UnrankedField(info.key(), info.name(), counted, factors, dontKnowShare(field)));
        }
        return fields;
    }

    /** Don't know among the answers of the field's eligible cells; null when none is eligible. */
    private Double dontKnowShare(int field) {
        int factors = definition.factors().size();
        long dontKnow = 0;
        long answers = 0;
        for (int factor = 0; factor < factors; factor++) {
            if (analysis.isEligible(field * factors + factor)) {
                CellStatistics cell = statistics[field][factor];
                dontKnow += cell.dontKnow();
                answers += cell.dontKnow() + cell.n();
            }
        }
        return answers == 0 ? null : (double) dontKnow / answers;
    }

    /** Null when the poll has no reference scores for a ranked field. */
    ReferenceComparison reference() {
        PollAnalysis.ReferenceResult reference = analysis.reference();
        if (reference == null) {
            return null;
        }
        List<ReferenceField> fields = new ArrayList<>();
        for (int field : analysis.order()) {
            PollAnalysis.ReferenceDifference difference = reference.of(field);
            if (difference != null) {
                Field info = definition.fields().get(field);
                fields.add(new ReferenceField(
                        info.key(),
                        info.name(),
                        analysis.score(field),
                        difference.reference(),
                        difference.difference(),
                        ReportBuilder.finite(difference.low()),
                        ReportBuilder.finite(difference.high()),
                        difference.real()));
            }
        }
        return new ReferenceComparison(
                ReportBuilder.finite(reference.tauB()),
                ReportBuilder.finite(reference.tauLow()),
                ReportBuilder.finite(reference.tauHigh()),
                fields);
    }
}
