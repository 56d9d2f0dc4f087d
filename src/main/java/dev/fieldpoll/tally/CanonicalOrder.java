package dev.fieldpoll.tally;

/**
 * Puts ballots in a canonical order by their content alone: grouped by pattern (which cells they
 * scored, groups in order of first appearance), and within a group lexicographically by score.
 * Both steps are stable counting sorts over fixed-width byte rows, linear in the number of
 * answers and free of objects, so 100,000 ballots sort in milliseconds. Equal ballots are
 * interchangeable, so their order among themselves does not matter. Grouping by pattern lets
 * the bootstrap add up a pattern's ballots in one straight run.
 */
final class CanonicalOrder {

    private CanonicalOrder() {}

    /** Rows {@code [0, count)} of {@code rows} (each {@code width} bytes of values 0..maxValue) in canonical order. */
    static byte[] canonical(byte[] rows, int count, int width, int maxValue) {
        byte[] sorted = sortRows(rows, count, width, maxValue);
        PatternIndex patterns = new PatternIndex(width);
        long[] mask = new long[PatternIndex.wordsFor(width)];
        int[] patternOf = new int[count];
        for (int row = 0; row < count; row++) {
            PatternIndex.maskOf(sorted, row, width, mask);
            patternOf[row] = patterns.idOf(mask);
        }
        int[] starts = new int[patterns.size() + 1];
        for (int row = 0; row < count; row++) {
            starts[patternOf[row] + 1]++;
        }
        for (int pattern = 1; pattern < starts.length; pattern++) {
            starts[pattern] += starts[pattern - 1];
        }
        byte[] grouped = new byte[sorted.length];
        for (int row = 0; row < count; row++) {
            System.arraycopy(sorted, row * width, grouped, starts[patternOf[row]]++ * width, width);
        }
        return grouped;
    }

    /** Rows {@code [0, count)} of {@code rows} sorted ascending, lexicographically. */
    static byte[] sortRows(byte[] rows, int count, int width, int maxValue) {
        int[] order = new int[count];
        int[] next = new int[count];
        for (int row = 0; row < count; row++) {
            order[row] = row;
        }
        int[] starts = new int[maxValue + 2];
        for (int column = width - 1; column >= 0; column--) {
            java.util.Arrays.fill(starts, 0);
            for (int row = 0; row < count; row++) {
                starts[rows[row * width + column] + 1]++;
            }
            for (int value = 1; value < starts.length; value++) {
                starts[value] += starts[value - 1];
            }
            for (int position = 0; position < count; position++) {
                int row = order[position];
                next[starts[rows[row * width + column]]++] = row;
            }
            int[] swap = order;
            order = next;
            next = swap;
        }
        byte[] sorted = new byte[count * width];
        for (int position = 0; position < count; position++) {
            System.arraycopy(rows, order[position] * width, sorted, position * width, width);
        }
        return sorted;
    }
}
