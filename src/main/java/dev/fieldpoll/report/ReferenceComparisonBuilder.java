package dev.fieldpoll.report;

import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Factor;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.report.PollReport.ReferenceComparison;
import dev.fieldpoll.report.PollReport.ReferenceField;
import dev.fieldpoll.tally.CellStatistics;
import dev.fieldpoll.tally.DifferenceInterval;
import dev.fieldpoll.tally.FieldScores;
import dev.fieldpoll.tally.KendallTau;
import dev.fieldpoll.tally.ReferenceDifference;
import java.util.ArrayList;
import java.util.List;

/** Community against the poll's reference scores: rank agreement and per-field differences. */
final class ReferenceComparisonBuilder {

    static final double CONFIDENCE = 0.90;

    private ReferenceComparisonBuilder() {}

    /** Null when the poll has no reference scores. Fields need a reference on every factor to take part. */
    static ReferenceComparison compare(
            PollDefinition definition, CellStatistics[][] statistics, double[] scores, int minVoters) {
        if (!definition.hasReference()) {
            return null;
        }
        double[] weights =
                definition.factors().stream().mapToDouble(Factor::weight).toArray();
        List<ReferenceField> fields = new ArrayList<>();
        List<Double> community = new ArrayList<>();
        List<Double> reference = new ArrayList<>();
        for (int field = 0; field < statistics.length; field++) {
            double[] referenceScores = referenceScores(definition, field);
            if (referenceScores == null) {
                continue;
            }
            DifferenceInterval difference = interval(statistics[field], weights, referenceScores, minVoters);
            double referenceScore = weightedMean(referenceScores, weights);
            Field info = definition.fields().get(field);
            fields.add(new ReferenceField(
                    info.key(),
                    info.name(),
                    ReportBuilder.finite(difference.community()),
                    referenceScore,
                    ReportBuilder.finite(difference.difference()),
                    ReportBuilder.finite(difference.low()),
                    ReportBuilder.finite(difference.high())));
            community.add(scores[field]);
            reference.add(referenceScore);
        }
        double tau = KendallTau.tauB(unbox(community), unbox(reference));
        return new ReferenceComparison(ReportBuilder.finite(tau), fields);
    }

    private static double[] referenceScores(PollDefinition definition, int field) {
        String fieldKey = definition.fields().get(field).key();
        double[] scores = new double[definition.factors().size()];
        for (int factor = 0; factor < scores.length; factor++) {
            Double score = definition
                    .reference()
                    .get(new CellKey(fieldKey, definition.factors().get(factor).key()));
            if (score == null) {
                return null;
            }
            scores[factor] = score;
        }
        return scores;
    }

    /** A factor answered by fewer than minVoters is left out, as if unanswered, so no one's vote shows through. */
    private static DifferenceInterval interval(
            CellStatistics[] cells, double[] weights, double[] referenceScores, int minVoters) {
        double[] means = new double[cells.length];
        double[] sds = new double[cells.length];
        int[] counts = new int[cells.length];
        for (int factor = 0; factor < cells.length; factor++) {
            means[factor] = cells[factor].mean();
            sds[factor] = cells[factor].sd();
            counts[factor] = cells[factor].n() >= minVoters ? cells[factor].n() : 0;
        }
        return ReferenceDifference.of(means, sds, counts, weights, referenceScores, CONFIDENCE);
    }

    /**
     * The reference's field score over every factor. The difference may use fewer factors (those the
     * community answered), so both sides of a difference always cover the same factors.
     */
    private static double weightedMean(double[] values, double[] weights) {
        double[] normalized = FieldScores.normalized(weights);
        double sum = 0;
        for (int factor = 0; factor < values.length; factor++) {
            sum += normalized[factor] * values[factor];
        }
        return sum;
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
