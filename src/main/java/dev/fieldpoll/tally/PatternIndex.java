package dev.fieldpoll.tally;

import java.util.Arrays;

/**
 * Dense ids for ballot patterns (which eligible cells a ballot scored), by first appearance:
 * open addressing over bit masks, no object per ballot. Not thread-safe; used while building.
 */
final class PatternIndex {

    private final int words;
    private long[] keys;
    private int[] ids;
    private long[] masks;
    private int size;

    PatternIndex(int columns) {
        this.words = wordsFor(columns);
        this.keys = new long[64 * words];
        this.ids = new int[64];
        Arrays.fill(ids, -1);
        this.masks = new long[16 * words];
    }

    static int wordsFor(int columns) {
        return Math.max(1, (columns + 63) / 64);
    }

    /** Writes the pattern of a row of score indexes (non-zero = scored) into {@code mask}. */
    static void maskOf(byte[] rows, int row, int columns, long[] mask) {
        Arrays.fill(mask, 0);
        for (int column = 0; column < columns; column++) {
            if (rows[row * columns + column] != 0) {
                mask[column >>> 6] |= 1L << column;
            }
        }
    }

    int size() {
        return size;
    }

    long[] mask(int id) {
        return Arrays.copyOfRange(masks, id * words, (id + 1) * words);
    }

    int idOf(long[] mask) {
        int slot = slotOf(mask);
        if (ids[slot] >= 0) {
            return ids[slot];
        }
        if (2 * (size + 1) > ids.length) {
            grow();
            slot = slotOf(mask);
        }
        if (masks.length < (size + 1) * words) {
            masks = Arrays.copyOf(masks, masks.length * 2);
        }
        System.arraycopy(mask, 0, masks, size * words, words);
        System.arraycopy(mask, 0, keys, slot * words, words);
        ids[slot] = size;
        return size++;
    }

    private int slotOf(long[] mask) {
        long hash = 0;
        for (long word : mask) {
            hash = EligibleBallots.mix64(hash ^ word);
        }
        int slot = (int) (hash & (ids.length - 1));
        while (ids[slot] >= 0 && !sameMask(slot, mask)) {
            slot = (slot + 1) & (ids.length - 1);
        }
        return slot;
    }

    private boolean sameMask(int slot, long[] mask) {
        for (int word = 0; word < words; word++) {
            if (keys[slot * words + word] != mask[word]) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldIds = ids;
        keys = new long[oldKeys.length * 2];
        ids = new int[oldIds.length * 2];
        Arrays.fill(ids, -1);
        long[] mask = new long[words];
        for (int slot = 0; slot < oldIds.length; slot++) {
            if (oldIds[slot] >= 0) {
                System.arraycopy(oldKeys, slot * words, mask, 0, words);
                int target = slotOf(mask);
                System.arraycopy(mask, 0, keys, target * words, words);
                ids[target] = oldIds[slot];
            }
        }
    }
}
