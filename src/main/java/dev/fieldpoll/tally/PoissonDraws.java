package dev.fieldpoll.tally;

import java.util.SplittableRandom;
import org.apache.commons.math3.special.Gamma;

/**
 * Poisson random numbers for the Poisson bootstrap of a cell's answers: inversion for small means,
 * Hörmann's (1993) transformed rejection (PTRS) from a mean of 10, exact and O(1) however large.
 */
final class PoissonDraws {

    private static final double REJECTION_FROM = 10;

    private PoissonDraws() {}

    static int draw(SplittableRandom random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        return mean < REJECTION_FROM ? inversion(random, mean) : transformedRejection(random, mean);
    }

    private static int inversion(SplittableRandom random, double mean) {
        double uniform = random.nextDouble();
        double probability = Math.exp(-mean);
        double cumulative = probability;
        int k = 0;
        while (uniform > cumulative && probability > 0) {
            k++;
            probability *= mean / k;
            cumulative += probability;
        }
        return k;
    }

    private static int transformedRejection(SplittableRandom random, double mean) {
        double root = Math.sqrt(mean);
        double logMean = Math.log(mean);
        double b = 0.931 + 2.53 * root;
        double a = -0.059 + 0.02483 * b;
        double inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double acceptAt = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = random.nextDouble() - 0.5;
            double v = random.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= acceptAt) {
                return (int) k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            double left = Math.log(v) + Math.log(inverseAlpha) - Math.log(a / (us * us) + b);
            if (left <= -mean + k * logMean - Gamma.logGamma(k + 1.0)) {
                return (int) k;
            }
        }
    }
}
