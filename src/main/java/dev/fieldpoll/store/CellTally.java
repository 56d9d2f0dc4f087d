package dev.fieldpoll.store;

import dev.fieldpoll.poll.CellCounts;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Scale;

/** Adds up one cell's grouped counts into a histogram over the poll's scale. */
final class CellTally {

    private final Scale scale;
    private final int[] histogram;
    private int dontKnow;

    CellTally(Scale scale) {
        this.scale = scale;
        this.histogram = new int[scale.points()];
    }

    /** @param score null for "don't know"; false when the score lies outside the scale and was not added */
    boolean add(Integer score, int answers) {
        if (score == null) {
            dontKnow += answers;
            return true;
        }
        if (!scale.contains(score)) {
            return false;
        }
        histogram[score - scale.min()] += answers;
        return true;
    }

    boolean isEmpty() {
        if (dontKnow > 0) {
            return false;
        }
        for (int count : histogram) {
            if (count > 0) {
                return false;
            }
        }
        return true;
    }

    CellCounts toCounts(CellKey cell) {
        return new CellCounts(cell, histogram, dontKnow);
    }
}
