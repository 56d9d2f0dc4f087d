package dev.fieldpoll.tally;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Labels cells only on evidence (DESIGN: "Splits"). A cell with fewer than {@code labelFrom}
 * scores is {@link CellLabel#TOO_FEW}. For the others:
 *
 * <ul>
 *   <li><b>contested</b> when its consensus is below .6 beyond doubt: the one-sided test of
 *       "consensus ≥ .6" (z = (Cns − .6) / se) rejects, with Benjamini–Hochberg at a false
 *       discovery rate of 5% across all labelled cells, so 20 noisy cells do not produce a split;
 *   <li><b>polarized</b> when, in addition, van der Eijk's A is below 0 at the same adjusted level
 *       (the level Benjamini &amp; Yekutieli's false-coverage rule gives the R cells selected of m):
 *       two camps rather than one spread-out crowd;
 *   <li><b>consensus</b> when its consensus is at least .8: a description of the answers, not an
 *       alarm, so it needs no test;
 *   <li><b>mixed</b> otherwise: no clear split and no broad agreement.
 * </ul>
 *
 * Intervals are estimate ± z·se with bootstrap standard errors (see {@link CellAgreement}); a label
 * of contested or polarized implies that the shown 90% interval clears its threshold.
 */
public final class SplitLabels {

    /** False discovery rate for split claims across a poll's cells. */
    public static final double FALSE_DISCOVERY_RATE = 0.05;
    /** Two-sided level of the intervals shown. */
    public static final double CONFIDENCE = 0.90;

    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);
    private static final double Z = NORMAL.inverseCumulativeProbability(0.5 + CONFIDENCE / 2);

    private SplitLabels() {}

    /** Half-width of the shown interval: z(0.95) standard errors. */
    public static double halfWidth(double standardError) {
        return Z * standardError;
    }

    /**
     * @param scored scores per cell
     * @param agreements per cell, null for cells not to be labelled (not eligible)
     */
    public static CellLabel[] label(int[] scored, CellAgreement[] agreements, int labelFrom) {
        int cells = scored.length;
        double[] contestedP = new double[cells];
        java.util.Arrays.fill(contestedP, Double.NaN);
        int tested = 0;
        for (int cell = 0; cell < cells; cell++) {
            if (agreements[cell] != null && scored[cell] >= labelFrom) {
                CellAgreement agreement = agreements[cell];
                contestedP[cell] = lowerTail(agreement.consensus(), agreement.consensusSe(), CellLabel.CONTESTED_BELOW);
                tested++;
            }
        }
        boolean[] contested = BenjaminiHochberg.reject(contestedP, FALSE_DISCOVERY_RATE);
        int selected = 0;
        for (boolean claim : contested) {
            selected += claim ? 1 : 0;
        }
        double adjustedLevel = tested == 0 ? 0 : FALSE_DISCOVERY_RATE * selected / tested;
        CellLabel[] labels = new CellLabel[cells];
        for (int cell = 0; cell < cells; cell++) {
            labels[cell] = labelOf(agreements[cell], scored[cell] >= labelFrom, contested[cell], adjustedLevel);
        }
        return labels;
    }

    private static CellLabel labelOf(CellAgreement agreement, boolean labelled, boolean contested, double level) {
        if (agreement == null || !labelled) {
            return CellLabel.TOO_FEW;
        }
        if (contested) {
            double polarizedP = lowerTail(agreement.agreementA(), agreement.agreementASe(), CellLabel.POLARIZED_BELOW);
            return polarizedP <= level ? CellLabel.POLARIZED : CellLabel.CONTESTED;
        }
        return agreement.consensus() >= CellLabel.CONSENSUS_FROM ? CellLabel.CONSENSUS : CellLabel.MIXED;
    }

    /**
     * One-sided p-value of "the measure is at least {@code threshold}" given an estimate below it:
     * Φ((estimate − threshold) / se). A measure without spread is decided by its estimate alone.
     */
    static double lowerTail(double estimate, double standardError, double threshold) {
        if (Double.isNaN(estimate)) {
            return Double.NaN;
        }
        if (!(standardError > 0)) {
            return estimate < threshold ? 0 : 1;
        }
        return NORMAL.cumulativeProbability((estimate - threshold) / standardError);
    }
}
