package dev.fieldpoll.tally;

/**
 * Van der Eijk's (2001) agreement A for answers on an ordered scale: +1 when everyone gives the
 * same answer, 0 for answers spread evenly over the scale, −1 when the answers split into two
 * equal camps at the two ends. Unlike a spread measure it sees bimodality: A &lt; 0 means the
 * answers look more like two camps than like one spread-out crowd (DESIGN: "Splits").
 *
 * <p>The distribution is peeled into layers, each a uniform distribution over the points still
 * occupied (its pattern); a pattern's agreement is U · (1 − (S − 1)/(K − 1)) with S occupied
 * points of K and unimodality U = ((K − 2)·TU − (K − 1)·TDU) / ((K − 2)·(TU + TDU)) over the
 * triples of points (i &lt; j &lt; k) that look unimodal (occupied-occupied-empty or
 * empty-occupied-occupied, TU) or bimodal (occupied-empty-occupied, TDU); U = 1 when there are
 * neither. A is the layers' agreement weighted by their share of the answers.
 */
public final class VanDerEijk {

    private VanDerEijk() {}

    /** A of a histogram (index 0 = the scale's lowest point); NaN when empty or the scale has under 3 points. */
    public static double agreement(int[] histogram) {
        Histograms.total(histogram);
        return agreement(histogram, new int[histogram.length]);
    }

    /** As {@link #agreement(int[])}, with a scratch array of the histogram's length (for resampling). */
    static double agreement(int[] histogram, int[] remaining) {
        int points = histogram.length;
        long total = 0;
        for (int index = 0; index < points; index++) {
            remaining[index] = histogram[index];
            total += histogram[index];
        }
        if (total == 0 || points < 3) {
            return Double.NaN;
        }
        double weighted = 0;
        while (true) {
            int smallest = Integer.MAX_VALUE;
            int occupied = 0;
            for (int count : remaining) {
                if (count > 0) {
                    smallest = Math.min(smallest, count);
                    occupied++;
                }
            }
            if (occupied == 0) {
                return weighted / total;
            }
            weighted += (double) smallest * occupied * patternAgreement(remaining, occupied);
            for (int index = 0; index < points; index++) {
                if (remaining[index] > 0) {
                    remaining[index] -= smallest;
                }
            }
        }
    }

    /** Agreement of the uniform layer over the points where {@code counts} is positive. */
    private static double patternAgreement(int[] counts, int occupied) {
        int points = counts.length;
        if (occupied == 1) {
            return 1;
        }
        long unimodal = 0;
        long bimodal = 0;
        int onesLeft = 0;
        for (int middle = 0; middle < points; middle++) {
            boolean one = counts[middle] > 0;
            int onesRight = occupied - onesLeft - (one ? 1 : 0);
            int zerosLeft = middle - onesLeft;
            int zerosRight = points - 1 - middle - onesRight;
            if (one) {
                unimodal += (long) onesLeft * zerosRight + (long) zerosLeft * onesRight;
                onesLeft++;
            } else {
                bimodal += (long) onesLeft * onesRight;
            }
        }
        double unimodality = unimodal + bimodal == 0
                ? 1
                : ((points - 2.0) * unimodal - (points - 1.0) * bimodal) / ((points - 2.0) * (unimodal + bimodal));
        return unimodality * (1 - (occupied - 1.0) / (points - 1.0));
    }
}
