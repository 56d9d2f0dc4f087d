package dev.fieldpoll.poll;

/**
 * Aggregated answers of one cell: how many chose each point of the scale
 * ({@code histogram[0]} counts the scale's minimum) and how many said "don't know".
 */
public record CellCounts(CellKey cell, int[] histogram, int dontKnow) {

    public CellCounts {
        histogram = histogram.clone();
        if (dontKnow < 0) {
            throw new IllegalArgumentException("negative count");
        }
    }

    @Override
    public int[] histogram() {
        return histogram.clone();
    }

    public int scored() {
        int total = 0;
        for (int count : histogram) {
            total += count;
        }
        return total;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CellCounts that
                && cell.equals(that.cell)
                && dontKnow == that.dontKnow
                && java.util.Arrays.equals(histogram, that.histogram);
    }

    @Override
    public int hashCode() {
        return cell.hashCode() * 31 + java.util.Arrays.hashCode(histogram) + dontKnow;
    }

    @Override
    public String toString() {
        return "CellCounts[" + cell + ", " + java.util.Arrays.toString(histogram) + ", dontKnow=" + dontKnow + "]";
    }
}
