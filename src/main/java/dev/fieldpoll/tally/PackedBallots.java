package dev.fieldpoll.tally;

/**
 * Ballots laid out for fast resampling. A voter's ballot is cut into 16-bit lanes: first the
 * score index of every cell (0 = none), then a 1 for every cell the voter scored; four lanes
 * share a long. Longs are stored word by word across voters
 * ({@code packed[word * voters + voter]}), so adding up a resample is, per word, one
 * straight dot product of "times drawn" with that word: one multiply-add covers four cells.
 *
 * <p>A lane holds at most 65,535, so voters are added in blocks of at most
 * {@link #maxDrawsPerBlock} draws; a voter drawn more often than that is added unpacked.
 */
final class PackedBallots {

    private static final int LANE_BITS = 16;
    private static final int LANES_PER_WORD = Long.SIZE / LANE_BITS;
    private static final long LANE_MASK = (1L << LANE_BITS) - 1;

    final int voters;
    final int cells;
    final int maxDrawsPerBlock;
    private final int words;
    private final long[] packed;

    private PackedBallots(int voters, int cells, int scalePoints, long[] packed) {
        this.voters = voters;
        this.cells = cells;
        this.maxDrawsPerBlock = (int) (LANE_MASK / scalePoints);
        this.words = wordsFor(cells);
        this.packed = packed;
    }

    static PackedBallots of(VoteMatrix votes, int scalePoints) {
        int voters = votes.voters();
        int cells = votes.fields() * votes.factors();
        byte[] answers = votes.answers();
        long[] packed = new long[Math.multiplyExact(voters, wordsFor(cells))];
        for (int voter = 0; voter < voters; voter++) {
            for (int cell = 0; cell < cells; cell++) {
                int scoreIndex = answers[voter * cells + cell];
                if (scoreIndex > scalePoints) {
                    throw new IllegalArgumentException(
                            "score index " + scoreIndex + " beyond a " + scalePoints + "-point scale");
                }
                packed[wordOf(cell) * voters + voter] |= (long) scoreIndex << shiftOf(cell);
                packed[wordOf(cells + cell) * voters + voter] |= (scoreIndex == 0 ? 0L : 1L) << shiftOf(cells + cell);
            }
        }
        return new PackedBallots(voters, cells, scalePoints, packed);
    }

    /**
     * Adds every voter as often as drawn to {@code totals}: cell sums of score indexes in
     * {@code [0, cells)}, cell counts in {@code [cells, 2 * cells)}. Cuts the voters into blocks
     * of at most {@link #maxDrawsPerBlock} draws so that no lane overflows.
     */
    void addDrawn(int[] timesDrawn, int[] totals) {
        int blockStart = 0;
        int drawsInBlock = 0;
        for (int voter = 0; voter < voters; voter++) {
            int times = timesDrawn[voter];
            if (drawsInBlock + times <= maxDrawsPerBlock) {
                drawsInBlock += times;
                continue;
            }
            addBlock(timesDrawn, blockStart, voter, totals);
            if (times > maxDrawsPerBlock) {
                addUnpacked(voter, times, totals);
                blockStart = voter + 1;
                drawsInBlock = 0;
            } else {
                blockStart = voter;
                drawsInBlock = times;
            }
        }
        addBlock(timesDrawn, blockStart, voters, totals);
    }

    private void addBlock(int[] timesDrawn, int from, int to, int[] totals) {
        for (int word = 0; word < words; word++) {
            int start = word * voters;
            long lanes = 0;
            for (int voter = from; voter < to; voter++) {
                lanes += timesDrawn[voter] * packed[start + voter];
            }
            for (int lane = word * LANES_PER_WORD; lane < Math.min(2 * cells, (word + 1) * LANES_PER_WORD); lane++) {
                totals[lane] += (int) ((lanes >>> shiftOf(lane)) & LANE_MASK);
            }
        }
    }

    // Only for a voter drawn hundreds of times on a wide scale: packed, it would overflow a lane.
    private void addUnpacked(int voter, int times, int[] totals) {
        for (int lane = 0; lane < 2 * cells; lane++) {
            totals[lane] += times * (int) ((packed[wordOf(lane) * voters + voter] >>> shiftOf(lane)) & LANE_MASK);
        }
    }

    private static int wordOf(int lane) {
        return lane / LANES_PER_WORD;
    }

    private static int shiftOf(int lane) {
        return (lane % LANES_PER_WORD) * LANE_BITS;
    }

    private static int wordsFor(int cells) {
        return (2 * cells + LANES_PER_WORD - 1) / LANES_PER_WORD;
    }
}
