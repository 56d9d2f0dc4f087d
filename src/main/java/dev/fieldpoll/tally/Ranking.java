package dev.fieldpoll.tally;

import java.util.Objects;

/** Ranks of field scores: the highest score is rank 1. */
public final class Ranking {

    private Ranking() {}

    /**
     * 1-based ranks, highest score first. Exact ties are broken by position: of two equal
     * scores, the one at the lower index gets the better rank, so ranks are always 1..n,
     * each once, and reproducible.
     */
    public static int[] ranks(double[] scores) {
        Objects.requireNonNull(scores, "scores");
        for (double score : scores) {
            if (Double.isNaN(score)) {
                throw new IllegalArgumentException("scores must not be NaN");
            }
        }
        int[] ranks = new int[scores.length];
        ranksInto(scores, ranks);
        return ranks;
    }

    // Fields are few (tens), so counting who is ahead beats sorting and allocates nothing,
    // which matters inside the bootstrap.
    static void ranksInto(double[] scores, int[] ranks) {
        ranksInto(scores, null, ranks);
    }

    /**
     * Ranks with exact ties broken by {@code tieOrder} (lower goes first), or by index when it
     * is null. The bootstrap passes a fresh random order per resample, so tied fields come out
     * "either way, half the time" instead of always in index order.
     */
    static void ranksInto(double[] scores, int[] tieOrder, int[] ranks) {
        for (int field = 0; field < scores.length; field++) {
            int rank = 1;
            for (int other = 0; other < scores.length; other++) {
                boolean earlier = tieOrder == null ? other < field : tieOrder[other] < tieOrder[field];
                if (scores[other] > scores[field] || (scores[other] == scores[field] && earlier)) {
                    rank++;
                }
            }
            ranks[field] = rank;
        }
    }
}
