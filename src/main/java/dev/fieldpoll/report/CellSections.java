package dev.fieldpoll.report;

import dev.fieldpoll.poll.Factor;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.report.PollReport.CellReport;
import dev.fieldpoll.report.PollReport.Highlight;
import dev.fieldpoll.report.PollReport.Measure;
import dev.fieldpoll.tally.CellAgreement;
import dev.fieldpoll.tally.CellLabel;
import dev.fieldpoll.tally.CellStatistics;
import dev.fieldpoll.tally.PollAnalysis;
import dev.fieldpoll.tally.SplitLabels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The per-cell table and "Where we split" of a report. */
final class CellSections {

    private final PollDefinition definition;
    private final CellStatistics[][] statistics;
    private final PollAnalysis analysis;

    CellSections(PollDefinition definition, CellStatistics[][] statistics, PollAnalysis analysis) {
        this.definition = definition;
        this.statistics = statistics;
        this.analysis = analysis;
    }

    /** Every cell in ballot order; a cell that is not eligible shows nothing but that. */
    List<CellReport> cells() {
        List<CellReport> cells = new ArrayList<>();
        int factors = definition.factors().size();
        for (int field = 0; field < statistics.length; field++) {
            Field fieldInfo = definition.fields().get(field);
            for (int factor = 0; factor < factors; factor++) {
                int cell = field * factors + factor;
                String factorKey = definition.factors().get(factor).key();
                cells.add(
                        analysis.isEligible(cell)
                                ? eligible(fieldInfo, factorKey, statistics[field][factor], cell)
                                : new CellReport(
                                        fieldInfo.key(),
                                        fieldInfo.name(),
                                        factorKey,
                                        false,
                                        null,
                                        null,
                                        null,
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

    private CellReport eligible(Field field, String factor, CellStatistics cell, int index) {
        CellAgreement agreement = analysis.agreement(index);
        return new CellReport(
                field.key(),
                field.name(),
                factor,
                true,
                cell.n(),
                cell.dontKnow(),
                cell.histogram(),
                ReportBuilder.finite(cell.mean()),
                ReportBuilder.finite(cell.sd()),
                ReportBuilder.finite(cell.median()),
                consensus(agreement),
                agreementA(agreement),
                cell.lowShare(),
                cell.highShare(),
                analysis.label(index).keyword());
    }

    /** Contested and polarized cells, polarized first, then the clearest (highest interval end lowest). */
    List<Highlight> highlights(int limit) {
        List<Highlight> highlights = new ArrayList<>();
        int factors = definition.factors().size();
        for (int field = 0; field < statistics.length; field++) {
            for (int factor = 0; factor < factors; factor++) {
                int cell = field * factors + factor;
                if (analysis.label(cell).isSplit()) {
                    highlights.add(highlight(field, factor, cell));
                }
            }
        }
        highlights.sort(Comparator.comparing(
                        (Highlight highlight) -> !highlight.label().equals("polarized"))
                .thenComparing(
                        highlight -> highlight.consensus().high(), Comparator.nullsLast(Comparator.naturalOrder())));
        return highlights.subList(0, Math.min(limit, highlights.size()));
    }

    private Highlight highlight(int field, int factor, int cell) {
        Field fieldInfo = definition.fields().get(field);
        Factor factorInfo = definition.factors().get(factor);
        CellStatistics statistics = this.statistics[field][factor];
        CellAgreement agreement = analysis.agreement(cell);
        return new Highlight(
                fieldInfo.key(),
                fieldInfo.name(),
                factorInfo.key(),
                factorInfo.name(),
                analysis.label(cell).keyword(),
                statistics.n(),
                statistics.lowShare(),
                statistics.highShare(),
                consensus(agreement),
                agreementA(agreement));
    }

    private static Measure consensus(CellAgreement agreement) {
        return clipped(agreement.consensus(), agreement.consensusSe(), 0, 1);
    }

    private static Measure agreementA(CellAgreement agreement) {
        return clipped(agreement.agreementA(), agreement.agreementASe(), -1, 1);
    }

    /** Estimate ± z·se, the 90% interval of {@link SplitLabels}, kept within the measure's range. */
    private static Measure clipped(double value, double standardError, double min, double max) {
        double half = SplitLabels.halfWidth(standardError);
        return ReportBuilder.measure(value, Math.max(min, value - half), Math.min(max, value + half));
    }
}
