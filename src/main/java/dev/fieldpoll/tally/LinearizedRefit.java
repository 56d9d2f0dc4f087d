package dev.fieldpoll.tally;

/**
 * The voter + cell model refitted by one Newton step from the full-data fit, for large polls
 * whose ballots form so many patterns that refitting exactly would cost more than a pass over
 * the ballots. The model is least squares, so its gradient at the full-data fit μ̂ for a resample
 * that draws voter v w_v times is Σ_v w_v e_v, e_vc = y_vc − μ̂_c − b̂_v the full-data residuals
 * (the offsets profiled out), and the step is μ* = μ̂ + H⁻¹ Σ_v w_v e_v with H the full-data
 * Hessian diag(N) − G, factored once. The resample's own Hessian differs from H by O(1/√n), so
 * each resample's values are off by a few percent of the resampling spread (about 5% at 3,000
 * sparse ballots, less with more), a jitter that leaves the percentile intervals all but
 * unchanged; it is used only from 2,000 ballots, and a test bounds it on such a poll.
 *
 * <p>Residuals are packed as fixed-point numbers (1/2^F of a scale point; F as fine as keeps 64
 * voters per 16-bit block), beside a 0/1 "scored" lane per cell, so a resample is one pass over
 * packed ballots. Immutable after construction: workers share it and bring their own scratch.
 */
final class LinearizedRefit {

    /** Below this many ballots every resample is refitted exactly. */
    static final int MIN_VOTERS = 2000;

    private static final int MIN_DRAWS_PER_BLOCK = 64;

    private final PackedBallots lanes;
    private final double[] hessianFactor;
    private final double[] fitted;
    private final double[] quantizationError;
    private final double[] fullCounts;
    private final int columns;
    private final int scalePoints;
    private final long laneOffset;
    private final double unit;

    private LinearizedRefit(
            PackedBallots lanes,
            double[] hessianFactor,
            double[] fitted,
            double[] quantizationError,
            double[] fullCounts,
            int scalePoints,
            long laneOffset,
            double unit) {
        this.lanes = lanes;
        this.hessianFactor = hessianFactor;
        this.fitted = fitted;
        this.quantizationError = quantizationError;
        this.fullCounts = fullCounts;
        this.columns = fitted.length;
        this.scalePoints = scalePoints;
        this.laneOffset = laneOffset;
        this.unit = unit;
    }

    /** Whether a poll is large and patterned enough for the linearized refit to pay. */
    static boolean pays(EligibleBallots ballots, BallotPatterns patterns, double lambda) {
        return lambda < Double.POSITIVE_INFINITY
                && ballots.voters() >= MIN_VOTERS
                && patterns.gramCost() > 4L * ballots.voters();
    }

    static LinearizedRefit of(EligibleBallots ballots, BallotPatterns patterns, double lambda) {
        int columns = ballots.columns();
        VoterCellModel model = new VoterCellModel(patterns, lambda, ballots.scalePoints());
        FullSample all = FullSample.of(ballots, patterns);
        byte[] rows = ballots.rows();
        double[] counts = new double[columns];
        double[] fitted = new double[columns];
        model.solve(all.sums(), all.draws(), all.totals(), counts, fitted);
        double[] offsets = offsets(ballots, fitted, lambda);
        int fractionBits = fractionBits(ballots.scalePoints());
        double unit = 1.0 / (1 << fractionBits);
        long laneOffset = 2L * ballots.scalePoints() << fractionBits;
        double[] quantizationError = new double[columns];
        PackedBallots lanes = PackedBallots.of(ballots.voters(), 2 * columns, (int) (2 * laneOffset), (voter, lane) -> {
            int column = lane % columns;
            int score = rows[voter * columns + column];
            if (score == 0) {
                return 0;
            }
            if (lane >= columns) {
                return 1;
            }
            double residual = score - fitted[column] - offsets[voter];
            long quantized = Math.max(-laneOffset, Math.min(laneOffset, Math.round(residual / unit)));
            quantizationError[column] += quantized * unit - residual;
            return (int) (quantized + laneOffset);
        });
        return new LinearizedRefit(
                lanes,
                model.hessianFactor(all.draws(), all.totals()),
                fitted,
                quantizationError,
                counts,
                ballots.scalePoints(),
                laneOffset,
                unit);
    }

    /** b̂_v = (Y_v − Σ_{c∈P_v} μ̂_c) / (n_v + λ). */
    private static double[] offsets(EligibleBallots ballots, double[] fitted, double lambda) {
        int columns = ballots.columns();
        byte[] rows = ballots.rows();
        double[] offsets = new double[ballots.voters()];
        for (int voter = 0; voter < offsets.length; voter++) {
            double residual = 0;
            int answers = 0;
            for (int column = 0; column < columns; column++) {
                int score = rows[voter * columns + column];
                if (score != 0) {
                    residual += score - fitted[column];
                    answers++;
                }
            }
            offsets[voter] = residual / (answers + lambda);
        }
        return offsets;
    }

    /** As many fraction bits as keep twice the widest residual (2K points) within 1/64 of a lane. */
    private static int fractionBits(int scalePoints) {
        int bits = 0;
        while ((4L * scalePoints << (bits + 1)) * MIN_DRAWS_PER_BLOCK <= 0xFFFF) {
            bits++;
        }
        return bits;
    }

    /** Scratch a worker needs: one long per lane. */
    long[] newLaneSums() {
        return new long[2 * columns];
    }

    /** One resample's cell values (score-index units, on the scale; NaN where nobody was drawn). */
    void refit(int[] timesDrawn, long[] laneSums, double[] counts, double[] values) {
        java.util.Arrays.fill(laneSums, 0);
        lanes.addDrawn(timesDrawn, laneSums);
        for (int column = 0; column < columns; column++) {
            counts[column] = laneSums[columns + column];
            double gradient = (laneSums[column] - laneOffset * counts[column]) * unit;
            // take off what rounding the residuals added, in proportion to the voters drawn
            values[column] = gradient - quantizationError[column] * counts[column] / fullCounts[column];
        }
        Cholesky.solve(hessianFactor, columns, values);
        for (int column = 0; column < columns; column++) {
            values[column] += fitted[column];
        }
        VoterCellModel.keepOnScale(counts, values, scalePoints);
    }
}
