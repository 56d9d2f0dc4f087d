package dev.fieldpoll.tally;

import java.util.Arrays;

/**
 * Ballots grouped by which eligible cells they scored (their pattern). The voter + cell model
 * needs, per resample, only how often each pattern was drawn and the drawn voters' score totals
 * per pattern, so its work grows with the number of patterns, not of voters. The canonical order
 * keeps a pattern's ballots together, so those sums are one straight run over the voters.
 *
 * <p>A pattern is stored by the shorter of its list of scored cells and its list of missing
 * cells, so the common nearly complete ballot costs almost nothing. Immutable after construction.
 */
final class BallotPatterns {

    final int columns;
    final int patterns;
    private final int[] firstVoter;
    private final int[] voterTotal;
    private final int[] size;
    private final boolean[] listsMissing;
    private final int[] listStart;
    private final int[] list;

    private BallotPatterns(
            int columns,
            int[] firstVoter,
            int[] voterTotal,
            int[] size,
            boolean[] listsMissing,
            int[] listStart,
            int[] list) {
        this.columns = columns;
        this.patterns = size.length;
        this.firstVoter = firstVoter;
        this.voterTotal = voterTotal;
        this.size = size;
        this.listsMissing = listsMissing;
        this.listStart = listStart;
        this.list = list;
    }

    /** Requires the canonical order of {@link EligibleBallots}: a pattern's ballots are adjacent. */
    static BallotPatterns of(EligibleBallots ballots) {
        int columns = ballots.columns();
        int voters = ballots.voters();
        byte[] rows = ballots.rows();
        int[] voterTotal = new int[voters];
        int[] firstVoter = new int[voters + 1];
        int patterns = 0;
        long[] mask = new long[PatternIndex.wordsFor(columns)];
        long[] previous = new long[mask.length];
        for (int voter = 0; voter < voters; voter++) {
            PatternIndex.maskOf(rows, voter, columns, mask);
            if (voter == 0 || !Arrays.equals(mask, previous)) {
                firstVoter[patterns++] = voter;
                System.arraycopy(mask, 0, previous, 0, mask.length);
            }
            int total = 0;
            for (int column = 0; column < columns; column++) {
                total += rows[voter * columns + column];
            }
            voterTotal[voter] = total;
        }
        firstVoter[patterns] = voters;
        return lists(ballots, Arrays.copyOf(firstVoter, patterns + 1), voterTotal);
    }

    private static BallotPatterns lists(EligibleBallots ballots, int[] firstVoter, int[] voterTotal) {
        int columns = ballots.columns();
        int patterns = firstVoter.length - 1;
        int[] size = new int[patterns];
        boolean[] listsMissing = new boolean[patterns];
        int[] listStart = new int[patterns + 1];
        int[] list = new int[Math.multiplyExact(patterns, columns / 2 + 1)];
        int used = 0;
        for (int pattern = 0; pattern < patterns; pattern++) {
            int voter = firstVoter[pattern];
            int scored = 0;
            for (int column = 0; column < columns; column++) {
                scored += ballots.scoreIndex(voter, column) != 0 ? 1 : 0;
            }
            size[pattern] = scored;
            listsMissing[pattern] = 2 * scored > columns;
            listStart[pattern] = used;
            for (int column = 0; column < columns; column++) {
                if ((ballots.scoreIndex(voter, column) != 0) != listsMissing[pattern]) {
                    list[used++] = column;
                }
            }
        }
        listStart[patterns] = used;
        return new BallotPatterns(
                columns, firstVoter, voterTotal, size, listsMissing, listStart, Arrays.copyOf(list, used));
    }

    /** Work of one exact refit's "scored together" matrix: Σ over patterns of its list length squared. */
    long gramCost() {
        long cost = 0;
        for (int pattern = 0; pattern < patterns; pattern++) {
            long length = listStart[pattern + 1] - listStart[pattern];
            cost += length * length;
        }
        return cost;
    }

    /** Times each pattern was drawn and the drawn voters' score-index totals, overwriting both. */
    void accumulate(int[] timesDrawn, int[] draws, long[] totals) {
        for (int pattern = 0; pattern < patterns; pattern++) {
            int drawn = 0;
            long total = 0;
            for (int voter = firstVoter[pattern]; voter < firstVoter[pattern + 1]; voter++) {
                drawn += timesDrawn[voter];
                total += (long) timesDrawn[voter] * voterTotal[voter];
            }
            draws[pattern] = drawn;
            totals[pattern] = total;
        }
    }

    /** Every voter once: the full data. */
    void accumulateAll(int[] draws, long[] totals) {
        int[] once = new int[voterTotal.length];
        Arrays.fill(once, 1);
        accumulate(once, draws, totals);
    }

    /** Per column, how many drawn voters scored it. */
    void counts(int[] draws, double[] counts) {
        Arrays.fill(counts, 0);
        double everywhere = 0;
        for (int pattern = 0; pattern < patterns; pattern++) {
            int drawn = draws[pattern];
            if (drawn == 0) {
                continue;
            }
            if (listsMissing[pattern]) {
                everywhere += drawn;
            }
            double signed = listsMissing[pattern] ? -drawn : drawn;
            for (int at = listStart[pattern]; at < listStart[pattern + 1]; at++) {
                counts[list[at]] += signed;
            }
        }
        for (int column = 0; column < columns; column++) {
            counts[column] += everywhere;
        }
    }

    /**
     * The voter + cell model's pattern sums in one pass (see {@link VoterCellModel}): per column
     * the drawn count N and t = Σ_{P∋c} WY_P / (|P| + λ), and {@code gram} += Σ_P g_P 1_P 1_Pᵀ with
     * g_P = W_P / (|P| + λ). A pattern listed by its missing cells adds everywhere, then takes
     * back along the rows and columns of its missing cells.
     */
    void modelSums(
            int[] draws,
            long[] totals,
            double lambda,
            double[] counts,
            double[] offsets,
            double[] gram,
            double[] missingGram) {
        Arrays.fill(counts, 0);
        Arrays.fill(offsets, 0);
        Arrays.fill(missingGram, 0);
        double everywhereCount = 0;
        double everywhereOffset = 0;
        double everywhereGram = 0;
        for (int pattern = 0; pattern < patterns; pattern++) {
            int drawn = draws[pattern];
            if (drawn == 0) {
                continue;
            }
            double shrink = 1 / (size[pattern] + lambda);
            double weight = drawn * shrink;
            double offset = totals[pattern] * shrink;
            int from = listStart[pattern];
            int to = listStart[pattern + 1];
            double sign = 1;
            if (listsMissing[pattern]) {
                everywhereCount += drawn;
                everywhereOffset += offset;
                everywhereGram += weight;
                sign = -1;
                for (int at = from; at < to; at++) {
                    missingGram[list[at]] += weight;
                }
            }
            for (int at = from; at < to; at++) {
                int row = list[at];
                counts[row] += sign * drawn;
                offsets[row] += sign * offset;
                for (int other = from; other < to; other++) {
                    gram[row * columns + list[other]] += weight;
                }
            }
        }
        for (int row = 0; row < columns; row++) {
            counts[row] += everywhereCount;
            offsets[row] += everywhereOffset;
            for (int column = 0; column < columns; column++) {
                gram[row * columns + column] += everywhereGram - missingGram[row] - missingGram[column];
            }
        }
    }
}
