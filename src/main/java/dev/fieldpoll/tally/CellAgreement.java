package dev.fieldpoll.tally;

import java.util.SplittableRandom;

/**
 * A cell's two agreement measures, Tastle &amp; Wierman's consensus and van der Eijk's A, each with
 * a bootstrap standard error (DESIGN: "Splits").
 *
 * <p>The standard errors come from the Poisson bootstrap of the cell's own answers (Hanley &amp;
 * MacGibbon 2006): each answer is counted a Poisson(1) number of times, so each point of the
 * histogram is redrawn as Poisson(its count). A cell's measures depend on its own answers only,
 * so this is the marginal of the ballot bootstrap for that cell, at a cost of K draws per
 * resample however many voted.
 */
public record CellAgreement(double consensus, double consensusSe, double agreementA, double agreementASe) {

    public CellAgreement {
        if (consensusSe < 0 || agreementASe < 0) {
            throw new IllegalArgumentException("standard errors are never negative");
        }
    }

    /** Seeded from the votes and the cell, so the same answers always give the same errors. */
    static CellAgreement of(int[] histogram, int resamples, long seed) {
        double consensus = Consensus.tastleWierman(histogram);
        double agreement = VanDerEijk.agreement(histogram);
        SplittableRandom random = new SplittableRandom(seed);
        int[] drawn = new int[histogram.length];
        int[] scratch = new int[histogram.length];
        RunningVariance consensusSpread = new RunningVariance();
        RunningVariance agreementSpread = new RunningVariance();
        for (int resample = 0; resample < resamples; resample++) {
            long total = 0;
            for (int point = 0; point < histogram.length; point++) {
                drawn[point] = PoissonDraws.draw(random, histogram[point]);
                total += drawn[point];
            }
            if (total == 0) {
                continue;
            }
            consensusSpread.add(Consensus.tastleWierman(drawn));
            agreementSpread.add(VanDerEijk.agreement(drawn, scratch));
        }
        return new CellAgreement(
                consensus, consensusSpread.standardDeviation(), agreement, agreementSpread.standardDeviation());
    }

    /** Welford's running mean and variance, stable for values that barely differ. */
    private static final class RunningVariance {

        private long count;
        private double mean;
        private double squares;

        void add(double value) {
            if (Double.isNaN(value)) {
                return;
            }
            count++;
            double delta = value - mean;
            mean += delta / count;
            squares += delta * (value - mean);
        }

        double standardDeviation() {
            return count < 2 ? Double.NaN : Math.sqrt(squares / (count - 1));
        }
    }
}
