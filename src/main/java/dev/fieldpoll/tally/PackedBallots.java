package dev.fieldpoll.tally;

/**
 * Eligible ballots laid out for fast resampling. A voter's score indexes (0 = none) sit in
 * 16-bit lanes, one per eligible column, four lanes to a long. Longs are stored word by word
 * across voters ({@code packed[word * voters + voter]}), so adding up a resample is, per word,
 * one straight dot product of "times drawn" with that word: one multiply-add covers four cells
 * (measured faster than a voter's words side by side, whose accumulators cannot stay in registers).
 * (How many drew each cell comes from the ballot patterns, see {@link BallotPatterns}.)
 *
 * <p>A lane holds at most 65,535, so voters are added in blocks of at most
 * {@link #maxDrawsPerBlock} draws; a voter drawn more often than that is added unpacked.
 * Immutable after construction.
 */
final class PackedBallots {

    private static final int LANE_BITS = 16;
    private static final int LANES_PER_WORD = Long.SIZE / LANE_BITS;
    private static final long LANE_MASK = (1L << LANE_BITS) - 1;

    final int voters;
    final int columns;
    final int maxDrawsPerBlock;
    private final int words;
    private final long[] packed;

    private PackedBallots(int voters, int columns, int scalePoints, long[] packed) {
        this.voters = voters;
        this.columns = columns;
        this.maxDrawsPerBlock = (int) (LANE_MASK / scalePoints);
        this.words = wordsFor(columns);
        this.packed = packed;
    }

    static PackedBallots of(EligibleBallots ballots) {
        int voters = ballots.voters();
        int columns = ballots.columns();
        byte[] rows = ballots.rows();
        long[] packed = new long[Math.multiplyExact(voters, wordsFor(columns))];
        for (int voter = 0; voter < voters; voter++) {
            for (int column = 0; column < columns; column++) {
                long scoreIndex = rows[voter * columns + column];
                packed[wordOf(column) * voters + voter] |= scoreIndex << shiftOf(column);
            }
        }
        return new PackedBallots(voters, columns, ballots.scalePoints(), packed);
    }

    /**
     * Adds every voter's score indexes, times drawn, to {@code sums} (one per column). Cuts the
     * voters into blocks of at most {@link #maxDrawsPerBlock} draws so that no lane overflows.
     */
    void addDrawn(int[] timesDrawn, long[] sums) {
        int blockStart = 0;
        int drawsInBlock = 0;
        for (int voter = 0; voter < voters; voter++) {
            int times = timesDrawn[voter];
            if (drawsInBlock + times <= maxDrawsPerBlock) {
                drawsInBlock += times;
                continue;
            }
            addBlock(timesDrawn, blockStart, voter, sums);
            if (times > maxDrawsPerBlock) {
                addUnpacked(voter, times, sums);
                blockStart = voter + 1;
                drawsInBlock = 0;
            } else {
                blockStart = voter;
                drawsInBlock = times;
            }
        }
        addBlock(timesDrawn, blockStart, voters, sums);
    }

    private void addBlock(int[] timesDrawn, int from, int to, long[] sums) {
        for (int word = 0; word < words; word++) {
            int start = word * voters;
            long lanes = 0;
            for (int voter = from; voter < to; voter++) {
                lanes += timesDrawn[voter] * packed[start + voter];
            }
            for (int lane = word * LANES_PER_WORD; lane < Math.min(columns, (word + 1) * LANES_PER_WORD); lane++) {
                sums[lane] += (lanes >>> shiftOf(lane)) & LANE_MASK;
            }
        }
    }

    // Only for a voter drawn hundreds of times on a wide scale: packed, it would overflow a lane.
    private void addUnpacked(int voter, int times, long[] sums) {
        for (int lane = 0; lane < columns; lane++) {
            sums[lane] += times * ((packed[wordOf(lane) * voters + voter] >>> shiftOf(lane)) & LANE_MASK);
        }
    }

    private static int wordOf(int lane) {
        return lane / LANES_PER_WORD;
    }

    private static int shiftOf(int lane) {
        return (lane % LANES_PER_WORD) * LANE_BITS;
    }

    private static int wordsFor(int columns) {
        return (columns + LANES_PER_WORD - 1) / LANES_PER_WORD;
    }
}
