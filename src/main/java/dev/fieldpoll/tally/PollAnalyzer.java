package dev.fieldpoll.tally;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Computes a {@link PollAnalysis} by the rules of DESIGN.md "Statistics": eligible ballots in
 * canonical order, the voter + cell model, empirical-Bayes shrinkage, field scores, the ballot
 * bootstrap for every interval, evidence-based split labels, reliability and α.
 */
public final class PollAnalyzer {

    /** False discovery rate for "this reference difference is real" across fields. */
    public static final double REFERENCE_FALSE_DISCOVERY_RATE = 0.10;

    private PollAnalyzer() {}

    /**
     * @param votes every ballot, in any order (only eligible answers are used)
     * @param referenceScores per field, the reference's weighted score; NaN (or a null array) when none
     */
    public static PollAnalysis analyze(VoteMatrix votes, AnalysisSettings settings, double[] referenceScores) {
        EligibleBallots ballots = EligibleBallots.of(votes, settings.scalePoints(), settings.minVoters());
        PollAnalysis.Builder result = new PollAnalysis.Builder(ballots);
        result.method = new PollAnalysis.Method(Double.NaN, Double.NaN, settings.resamples(), ballots.seed(), 0);
        if (ballots.columns() == 0) {
            return new PollAnalysis(result);
        }
        BallotPatterns patterns = BallotPatterns.of(ballots);
        VarianceComponents variances = VarianceComponents.of(ballots, patterns);
        // A single pattern means complete ballots: offsets change nothing, so skip them.
        double lambda = patterns.patterns == 1 ? Double.POSITIVE_INFINITY : variances.offsetShrinkage();
        double[] weights = settings.weights();
        double[] noFallback = new double[ballots.factors()];
        Arrays.fill(noFallback, Double.NaN);
        Estimator full = new Estimator(ballots, patterns, variances, lambda, weights, settings.scaleMin(), noFallback);
        FullSample all = FullSample.of(ballots, patterns);
        full.fit(all.sums(), all.draws(), all.totals());
        Estimator plain = new Estimator(
                ballots, patterns, variances, Double.POSITIVE_INFINITY, weights, settings.scaleMin(), noFallback);
        plain.fit(all.sums(), all.draws(), all.totals(), full.prior());
        result.method =
                new PollAnalysis.Method(full.prior(), lambda, settings.resamples(), ballots.seed(), ballots.voters());
        int[] ranked = rankedFields(ballots, full);
        fillPointEstimates(result, ballots, full, plain, ranked);
        double[] targets = full.targets();
        Supplier<BallotBootstrap.Refit> refits = LinearizedRefit.pays(ballots, patterns, lambda)
                ? BallotBootstrap.linearized(LinearizedRefit.of(ballots, patterns, lambda), ballots.columns())
                : BallotBootstrap.exact(ballots, patterns);
        BallotBootstrap.Tables tables = BallotBootstrap.run(
                ballots,
                refits,
                () -> new Estimator(ballots, patterns, variances, lambda, weights, settings.scaleMin(), targets),
                ranked,
                settings.resamples(),
                ballots.seed());
        fillIntervals(result, ballots, tables);
        result.reference = reference(result, referenceScores, tables, fewestScores(ballots), settings.labelFrom());
        result.reliability = reliability(result, tables, ballots.voters());
        fillSplits(result, ballots, settings);
        return new PollAnalysis(result);
    }

    /**
     * Only the field scores of {@link #analyze} (NaN for a field not scored on every factor), with no
     * interval: the same model and shrinkage, fitted once. For statistics that resample whole polls
     * (a round's paired bootstrap), where a full analysis per resample would be wasted.
     */
    static double[] fieldScores(VoteMatrix votes, AnalysisSettings settings) {
        EligibleBallots ballots = EligibleBallots.of(votes, settings.scalePoints(), settings.minVoters());
        double[] scores = new double[votes.fields()];
        Arrays.fill(scores, Double.NaN);
        if (ballots.columns() == 0) {
            return scores;
        }
        BallotPatterns patterns = BallotPatterns.of(ballots);
        VarianceComponents variances = VarianceComponents.of(ballots, patterns);
        double lambda = patterns.patterns == 1 ? Double.POSITIVE_INFINITY : variances.offsetShrinkage();
        double[] noFallback = new double[ballots.factors()];
        Arrays.fill(noFallback, Double.NaN);
        Estimator full = new Estimator(
                ballots, patterns, variances, lambda, settings.weights(), settings.scaleMin(), noFallback);
        FullSample all = FullSample.of(ballots, patterns);
        full.fit(all.sums(), all.draws(), all.totals());
        for (int field = 0; field < scores.length; field++) {
            if (ballots.isComplete(field)) {
                scores[field] = full.score(field);
            }
        }
        return scores;
    }

    /** Complete fields by score, best first; exact ties by field index. */
    private static int[] rankedFields(EligibleBallots ballots, Estimator full) {
        return IntStream.range(0, ballots.fields())
                .filter(ballots::isComplete)
                .boxed()
                .sorted((a, b) -> {
                    int byScore = Double.compare(full.score(b), full.score(a));
                    return byScore != 0 ? byScore : Integer.compare(a, b);
                })
                .mapToInt(Integer::intValue)
                .toArray();
    }

    private static void fillPointEstimates(
            PollAnalysis.Builder result, EligibleBallots ballots, Estimator full, Estimator plain, int[] ranked) {
        for (int column = 0; column < ballots.columns(); column++) {
            result.estimate[ballots.cellOf(column)] = full.estimate(column);
        }
        result.order = ranked;
        double[][] factorEstimates = new double[ranked.length][ballots.factors()];
        for (int position = 0; position < ranked.length; position++) {
            int field = ranked[position];
            result.score[field] = full.score(field);
            result.unadjusted[field] = plain.score(field);
            for (int factor = 0; factor < ballots.factors(); factor++) {
                factorEstimates[position][factor] = result.estimate[field * ballots.factors() + factor];
            }
        }
        int[] tiers = ParetoTiers.of(factorEstimates);
        for (int position = 0; position < ranked.length; position++) {
            result.tier[ranked[position]] = tiers[position];
        }
    }

    private static void fillIntervals(
            PollAnalysis.Builder result, EligibleBallots ballots, BallotBootstrap.Tables tables) {
        for (int column = 0; column < ballots.columns(); column++) {
            double[] interval = Percentiles.interval(tables.estimatesOf(column));
            result.estimateLow[ballots.cellOf(column)] = interval[0];
            result.estimateHigh[ballots.cellOf(column)] = interval[1];
        }
        int ranked = result.order.length;
        for (int position = 0; position < ranked; position++) {
            int field = result.order[position];
            double[] interval = Percentiles.interval(tables.scoresOf(position));
            result.scoreLow[field] = interval[0];
            result.scoreHigh[field] = interval[1];
            int[] ranks = new int[tables.resamples()];
            for (int resample = 0; resample < ranks.length; resample++) {
                ranks[resample] = tables.ranks()[resample * ranked + position];
            }
            int[] rankInterval = Percentiles.rankInterval(ranks, ranked);
            result.rankLow[field] = rankInterval[0];
            result.rankHigh[field] = rankInterval[1];
        }
        result.tiedWithNext = new boolean[ranked];
        for (int position = 0; position + 1 < ranked; position++) {
            double[] gaps = new double[tables.resamples()];
            for (int resample = 0; resample < gaps.length; resample++) {
                gaps[resample] = tables.score(resample, position) - tables.score(resample, position + 1);
            }
            double[] interval = Percentiles.interval(gaps);
            result.tiedWithNext[position] = interval[0] <= 0 && interval[1] >= 0;
        }
    }

    /** Per field, the fewest scores any of its eligible cells has (0 when none is eligible). */
    private static int[] fewestScores(EligibleBallots ballots) {
        int[] fewest = new int[ballots.fields()];
        Arrays.fill(fewest, Integer.MAX_VALUE);
        for (int column = 0; column < ballots.columns(); column++) {
            int field = ballots.cellOf(column) / ballots.factors();
            fewest[field] = Math.min(
                    fewest[field], Arrays.stream(ballots.histogram(column)).sum());
        }
        for (int field = 0; field < fewest.length; field++) {
            fewest[field] = fewest[field] == Integer.MAX_VALUE ? 0 : fewest[field];
        }
        return fewest;
    }

    /**
     * Differences from the reference with their intervals. Like a split, "real" is a claim: it is
     * tested only for fields whose every cell has {@code labelFrom} scores (a bootstrap of a handful
     * of ballots understates its own spread), and Benjamini–Hochberg runs over the fields tested.
     */
    private static PollAnalysis.ReferenceResult reference(
            PollAnalysis.Builder result,
            double[] referenceScores,
            BallotBootstrap.Tables tables,
            int[] fewestScores,
            int labelFrom) {
        if (referenceScores == null) {
            return null;
        }
        List<Integer> positions = new ArrayList<>();
        for (int position = 0; position < result.order.length; position++) {
            if (!Double.isNaN(referenceScores[result.order[position]])) {
                positions.add(position);
            }
        }
        if (positions.isEmpty()) {
            return null;
        }
        int fields = result.score.length;
        PollAnalysis.ReferenceDifference[] perField = new PollAnalysis.ReferenceDifference[fields];
        double[] pValues = new double[positions.size()];
        double[][] intervals = new double[positions.size()][];
        for (int at = 0; at < positions.size(); at++) {
            int position = positions.get(at);
            double reference = referenceScores[result.order[position]];
            double[] differences = tables.scoresOf(position);
            for (int resample = 0; resample < differences.length; resample++) {
                differences[resample] -= reference;
            }
            intervals[at] = Percentiles.interval(differences);
            pValues[at] =
                    fewestScores[result.order[position]] >= labelFrom ? Percentiles.twoSidedP(differences) : Double.NaN;
        }
        boolean[] real = BenjaminiHochberg.reject(pValues, REFERENCE_FALSE_DISCOVERY_RATE);
        double[] community = new double[positions.size()];
        double[] references = new double[positions.size()];
        for (int at = 0; at < positions.size(); at++) {
            int field = result.order[positions.get(at)];
            community[at] = result.score[field];
            references[at] = referenceScores[field];
            perField[field] = new PollAnalysis.ReferenceDifference(
                    references[at], community[at] - references[at], intervals[at][0], intervals[at][1], real[at]);
        }
        double[] tauInterval = Percentiles.interval(resampledTau(tables, positions, references));
        return new PollAnalysis.ReferenceResult(
                perField, tauOrNaN(community, references), tauInterval[0], tauInterval[1]);
    }

    private static double[] resampledTau(BallotBootstrap.Tables tables, List<Integer> positions, double[] references) {
        double[] taus = new double[tables.resamples()];
        double[] community = new double[positions.size()];
        for (int resample = 0; resample < taus.length; resample++) {
            for (int at = 0; at < community.length; at++) {
                community[at] = tables.score(resample, positions.get(at));
            }
            taus[resample] = tauOrNaN(community, references);
        }
        return taus;
    }

    private static double tauOrNaN(double[] community, double[] references) {
        return community.length < 2 ? Double.NaN : KendallTau.tauB(community, references);
    }

    private static Reliability reliability(PollAnalysis.Builder result, BallotBootstrap.Tables tables, int voters) {
        int ranked = result.order.length;
        double[] scores = new double[ranked];
        double[] variances = new double[ranked];
        for (int position = 0; position < ranked; position++) {
            scores[position] = result.score[result.order[position]];
            variances[position] = Percentiles.variance(tables.scoresOf(position));
        }
        return Reliability.of(scores, variances, voters);
    }

    private static void fillSplits(PollAnalysis.Builder result, EligibleBallots ballots, AnalysisSettings settings) {
        int cells = ballots.fields() * ballots.factors();
        int[] scored = new int[cells];
        List<int[]> units = new ArrayList<>();
        for (int column = 0; column < ballots.columns(); column++) {
            int cell = ballots.cellOf(column);
            int[] histogram = ballots.histogram(column);
            units.add(histogram);
            scored[cell] = Arrays.stream(histogram).sum();
            long seed = EligibleBallots.mix64(ballots.seed() ^ (0x5DEECE66DL * (cell + 1L)));
            result.agreements[cell] = CellAgreement.of(histogram, settings.resamples(), seed);
        }
        result.labels = SplitLabels.label(scored, result.agreements, settings.labelFrom());
        result.krippendorffAlpha = KrippendorffAlpha.ordinal(units);
    }
}
