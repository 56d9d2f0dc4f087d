package dev.fieldpoll.tally;

import java.util.Objects;

/**
 * The ballots every statistic of a report is computed from (DESIGN: "Eligibility" and
 * "Determinism"). A cell is eligible when at least {@code minVoters} voters scored it; the
 * others are dropped here, so no later computation can see them. Voters without an eligible
 * score are dropped too: they carry nothing any statistic uses.
 *
 * <p>Ballots are sorted by content (grouped by which eligible cells they scored, then
 * lexicographically by score; see {@link CanonicalOrder}), never by voter id, and
 * {@link #seed()} is a hash of that sorted content. The same votes therefore
 * give the same matrix and the same seed however they were stored, exported, shuffled or
 * renamed, and a vote in a cell below the threshold changes neither.
 *
 * <p>Layout: {@code scoreIndex(voter, column)} over eligible columns, 0 = no score (missing or
 * "don't know"), otherwise {@code score − scaleMin + 1}. One byte per answer, no object per
 * vote. Immutable.
 */
public final class EligibleBallots {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final int fields;
    private final int factors;
    private final int scalePoints;
    private final int minVoters;
    private final int[] cellOfColumn;
    private final int[] columnOfCell;
    private final int voters;
    private final byte[] rows;
    private final long seed;

    private EligibleBallots(
            VoteMatrix votes, int scalePoints, int minVoters, int[] cellOfColumn, int voters, byte[] rows) {
        this.fields = votes.fields();
        this.factors = votes.factors();
        this.scalePoints = scalePoints;
        this.minVoters = minVoters;
        this.cellOfColumn = cellOfColumn;
        this.columnOfCell = new int[fields * factors];
        java.util.Arrays.fill(columnOfCell, -1);
        for (int column = 0; column < cellOfColumn.length; column++) {
            columnOfCell[cellOfColumn[column]] = column;
        }
        this.voters = voters;
        this.rows = rows;
        this.seed = hash(fields, factors, scalePoints, cellOfColumn, rows);
    }

    /**
     * Keeps the cells with at least {@code minVoters} scores and puts the ballots in canonical order.
     *
     * @param scalePoints K, the number of points on the scale; every score index must be 0..K
     */
    public static EligibleBallots of(VoteMatrix votes, int scalePoints, int minVoters) {
        Objects.requireNonNull(votes, "votes");
        if (scalePoints < 2 || minVoters < 1) {
            throw new IllegalArgumentException("need a scale of at least 2 points and minVoters >= 1");
        }
        byte[] answers = votes.answers();
        int cells = votes.fields() * votes.factors();
        int[] scored = new int[cells];
        for (int index = 0; index < answers.length; index++) {
            if (answers[index] > scalePoints) {
                throw new IllegalArgumentException(
                        "score index " + answers[index] + " beyond a " + scalePoints + "-point scale");
            }
            if (answers[index] != 0) {
                scored[index % cells]++;
            }
        }
        int[] cellOfColumn = java.util.stream.IntStream.range(0, cells)
                .filter(cell -> scored[cell] >= minVoters)
                .toArray();
        int columns = cellOfColumn.length;
        byte[] kept = new byte[Math.multiplyExact(votes.voters(), columns)];
        int keptVoters = 0;
        for (int voter = 0; voter < votes.voters(); voter++) {
            boolean any = false;
            for (int column = 0; column < columns; column++) {
                byte answer = answers[voter * cells + cellOfColumn[column]];
                kept[keptVoters * columns + column] = answer;
                any |= answer != 0;
            }
            keptVoters += any ? 1 : 0;
        }
        byte[] sorted = CanonicalOrder.canonical(kept, keptVoters, columns, scalePoints);
        return new EligibleBallots(votes, scalePoints, minVoters, cellOfColumn, keptVoters, sorted);
    }

    /** Voters with at least one eligible score. */
    public int voters() {
        return voters;
    }

    /** Eligible cells, i.e. columns of the matrix. */
    public int columns() {
        return cellOfColumn.length;
    }

    public int fields() {
        return fields;
    }

    public int factors() {
        return factors;
    }

    public int scalePoints() {
        return scalePoints;
    }

    public int minVoters() {
        return minVoters;
    }

    /** The cell ({@code field * factors + factor}) of an eligible column. */
    public int cellOf(int column) {
        return cellOfColumn[column];
    }

    /** The column of a cell, or −1 when the cell is not eligible. */
    public int columnOf(int cell) {
        return columnOfCell[cell];
    }

    public boolean isEligible(int cell) {
        return columnOfCell[cell] >= 0;
    }

    /** Whether every factor cell of the field is eligible: only such fields are ranked. */
    public boolean isComplete(int field) {
        for (int factor = 0; factor < factors; factor++) {
            if (!isEligible(field * factors + factor)) {
                return false;
            }
        }
        return true;
    }

    /** 0 = no score, otherwise score − scaleMin + 1. */
    public int scoreIndex(int voter, int column) {
        Objects.checkIndex(voter, voters);
        Objects.checkIndex(column, columns());
        return rows[voter * columns() + column];
    }

    /** Scores per point of the scale in an eligible column (index 0 = the scale's lowest). */
    public int[] histogram(int column) {
        Objects.checkIndex(column, columns());
        int[] histogram = new int[scalePoints];
        for (int voter = 0; voter < voters; voter++) {
            int scoreIndex = rows[voter * columns() + column];
            if (scoreIndex > 0) {
                histogram[scoreIndex - 1]++;
            }
        }
        return histogram;
    }

    /** A hash of the sorted eligible ballots: the bootstrap's seed, the same for the same votes. */
    public long seed() {
        return seed;
    }

    /** The raw rows for the packing classes of this package: never modified. */
    byte[] rows() {
        return rows;
    }

    private static long hash(int fields, int factors, int scalePoints, int[] cellOfColumn, byte[] rows) {
        long hash = mix64(((long) fields << 40) ^ ((long) factors << 32) ^ scalePoints);
        for (int cell : cellOfColumn) {
            hash = mix64(hash + GOLDEN_GAMMA * (cell + 1L));
        }
        long word = 0;
        for (int index = 0; index < rows.length; index++) {
            word = (word << 8) | (rows[index] & 0xFF);
            if (index % 8 == 7) {
                hash = mix64(hash ^ word) + GOLDEN_GAMMA;
                word = 0;
            }
        }
        return mix64(hash ^ word ^ rows.length);
    }

    /** SplitMix64's finalizer: spreads every input bit over the whole word. */
    static long mix64(long value) {
        long z = (value ^ (value >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
