package dev.fieldpoll.tally;

/**
 * Hubert &amp; Arabie's (1985) adjusted Rand index of two partitions of the same items: 1 when they
 * agree exactly (whatever the labels), about 0 when they agree no more than chance. Items labelled
 * −1 in either partition are left out.
 */
final class AdjustedRand {

    private AdjustedRand() {}

    static double of(int[] first, int[] second) {
        if (first.length != second.length) {
            throw new IllegalArgumentException("the partitions must cover the same items");
        }
        int rows = 1 + java.util.Arrays.stream(first).max().orElse(0);
        int columns = 1 + java.util.Arrays.stream(second).max().orElse(0);
        long[][] table = new long[rows][columns];
        long n = 0;
        for (int item = 0; item < first.length; item++) {
            if (first[item] >= 0 && second[item] >= 0) {
                table[first[item]][second[item]]++;
                n++;
            }
        }
        double pairs = 0;
        double rowPairs = 0;
        double columnPairs = 0;
        long[] columnSums = new long[columns];
        for (long[] row : table) {
            long rowSum = 0;
            for (int column = 0; column < columns; column++) {
                pairs += choose2(row[column]);
                rowSum += row[column];
                columnSums[column] += row[column];
            }
            rowPairs += choose2(rowSum);
        }
        for (long sum : columnSums) {
            columnPairs += choose2(sum);
        }
        double expected = rowPairs * columnPairs / choose2(n);
        double maximum = (rowPairs + columnPairs) / 2;
        return maximum == expected ? 1 : (pairs - expected) / (maximum - expected);
    }

    private static double choose2(long count) {
        return count * (count - 1) / 2.0;
    }
}
