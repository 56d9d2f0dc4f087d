package dev.fieldpoll.tally;

/**
 * Summarizes the ranks of every resample ({@code rankTable[resample * fields + field]})
 * into rank intervals and pairwise probabilities.
 */
final class ResampledRanks {

    static final int LOW_PERCENT = 5;
    static final int HIGH_PERCENT = 95;

    private ResampledRanks() {}

    static RankIntervals summarize(int[] rankTable, int fields, int resamples) {
        int[][] timesAtRank = new int[fields][fields];
        for (int resample = 0; resample < resamples; resample++) {
            for (int field = 0; field < fields; field++) {
                timesAtRank[field][rankTable[resample * fields + field] - 1]++;
            }
        }
        int[] low = new int[fields];
        int[] high = new int[fields];
        for (int field = 0; field < fields; field++) {
            low[field] = nearestRankPercentile(timesAtRank[field], resamples, LOW_PERCENT);
            high[field] = nearestRankPercentile(timesAtRank[field], resamples, HIGH_PERCENT);
        }
        return new RankIntervals(low, high, probabilityAbove(rankTable, fields, resamples));
    }

    /**
     * Nearest-rank percentile: the ⌈p/100 · B⌉-th smallest of the B resampled ranks (at least
     * the first). It is always a rank that occurred, never an interpolation between two.
     * Integer arithmetic keeps ⌈5/100 · 1000⌉ exactly 50.
     */
    static int nearestRankPercentile(int[] timesAtRank, int resamples, int percent) {
        long position = Math.max(1, ((long) percent * resamples + 99) / 100);
        long seen = 0;
        for (int rankIndex = 0; rankIndex < timesAtRank.length; rankIndex++) {
            seen += timesAtRank[rankIndex];
            if (seen >= position) {
                return rankIndex + 1;
            }
        }
        throw new IllegalStateException("fewer resampled ranks than resamples");
    }

    private static double[][] probabilityAbove(int[] rankTable, int fields, int resamples) {
        int[][] timesAbove = new int[fields][fields];
        for (int resample = 0; resample < resamples; resample++) {
            int offset = resample * fields;
            for (int a = 0; a < fields; a++) {
                for (int b = 0; b < fields; b++) {
                    if (rankTable[offset + a] < rankTable[offset + b]) {
                        timesAbove[a][b]++;
                    }
                }
            }
        }
        double[][] probability = new double[fields][fields];
        for (int a = 0; a < fields; a++) {
            for (int b = 0; b < fields; b++) {
                probability[a][b] = (double) timesAbove[a][b] / resamples;
            }
        }
        return probability;
    }
}
