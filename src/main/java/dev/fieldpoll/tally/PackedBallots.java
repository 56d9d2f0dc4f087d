package dev.fieldpoll.tally;

/**
 * Per-voter small non-negative numbers (lanes) laid out for fast resampling; by default each
 * voter's score indexes (0 = none), one lane per eligible column. Lanes are 16 bits, four to a long. Longs are stored word by word
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

    /** A voter's value in a lane, 0..max. */
    interface LaneValues {
        int value(int voter, int lane);
    }

    final int voters;
    final int columns;
    final int maxDrawsPerBlock;
    private final int words;
    private final long[] packed;

    private PackedBallots(int voters, int lanes, int maxValue, long[] packed) {
        this.voters = voters;
        this.columns = lanes;
        this.maxDrawsPerBlock = (int) (LANE_MASK / Math.max(1, maxValue));
        this.words = wordsFor(lanes);
        this.packed = packed;
    }

    /** The ballots' score indexes, one lane per eligible column. */
    static PackedBallots of(EligibleBallots ballots) {
        byte[] rows = ballots.rows();
        int columns = ballots.columns();
        return of(ballots.voters(), columns, ballots.scalePoints(), (voter, lane) -> rows[voter * columns + lane]);
    }

    /** Any lanes, each value within 0..maxValue (at most 65,535). */
    static PackedBallots of(int voters, int lanes, int maxValue, LaneValues values) {
        if (maxValue < 0 || maxValue > LANE_MASK) {
            throw new IllegalArgumentException("lane values must fit 16 bits, max was " + maxValue);
        }
        long[] packed = new long[Math.multiplyExact(voters, wordsFor(lanes))];
        for (int voter = 0; voter < voters; voter++) {
            for (int lane = 0; lane < lanes; lane++) {
                long value = values.value(voter, lane);
                if (value < 0 || value > maxValue) {
                    throw new IllegalArgumentException("lane value " + value + " outside 0.." + maxValue);
                }
                packed[wordOf(lane) * voters + voter] |= value << shiftOf(lane);
            }
        }
        return new PackedBallots(voters, lanes, maxValue, packed);
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
