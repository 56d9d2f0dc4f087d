package dev.fieldpoll.tally;

import java.util.Objects;

/**
 * Places a ballot in the opinion group whose centre is nearest, on the same axes and by the same
 * rule that formed the groups: a voter counted in group B is placed in group B. This is how a
 * member learns their own group ({@code /poll mine}) and how {@code analyze --groups-out} labels
 * each voter of a file. Immutable.
 */
public final class GroupPlacer {

    private final BallotProjection projection;
    private final int[] columnOfCell;
    private final int scalePoints;
    private final double[] centres;
    private final int k;

    GroupPlacer(BallotProjection projection, EligibleBallots ballots, double[] centres, int k) {
        this.projection = projection;
        this.columnOfCell = new int[ballots.fields() * ballots.factors()];
        for (int cell = 0; cell < columnOfCell.length; cell++) {
            columnOfCell[cell] = ballots.columnOf(cell);
        }
        this.scalePoints = ballots.scalePoints();
        this.centres = centres.clone();
        this.k = k;
    }

    /**
     * The group (0 = A) of a ballot, or −1 when it answers too few eligible cells to be placed.
     *
     * @param scoreIndexes per cell ({@code field * factors + factor}): 0 = no score, else score − scaleMin + 1
     */
    public int place(int[] scoreIndexes) {
        Objects.requireNonNull(scoreIndexes, "scoreIndexes");
        if (scoreIndexes.length != columnOfCell.length) {
            throw new IllegalArgumentException(
                    "expected " + columnOfCell.length + " cells, got " + scoreIndexes.length);
        }
        byte[] row = new byte[projection.columns()];
        for (int cell = 0; cell < scoreIndexes.length; cell++) {
            int score = scoreIndexes[cell];
            if (score < 0 || score > scalePoints) {
                throw new IllegalArgumentException(
                        "score index " + score + " beyond a " + scalePoints + "-point scale");
            }
            if (columnOfCell[cell] >= 0) {
                row[columnOfCell[cell]] = (byte) score;
            }
        }
        return place(row, 0);
    }

    /** The group of an eligible row (score indexes by column), or −1 when it cannot be placed. */
    int place(byte[] rows, int offset) {
        double[] point = new double[projection.dims()];
        if (!projection.place(rows, offset, -1, point, 0, new double[projection.columns()])) {
            return -1;
        }
        return KMeans.nearest(point, 0, centres, k, projection.dims());
    }

    /** How many groups there are. */
    public int groups() {
        return k;
    }
}
