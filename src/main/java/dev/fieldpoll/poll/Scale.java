package dev.fieldpoll.poll;

/** The closed range of scores a poll accepts, e.g. 1–5. */
public record Scale(int min, int max) {

    public static final Scale ONE_TO_FIVE = new Scale(1, 5);

    public Scale {
        if (min < 0 || max > 100 || max - min < 1) {
            throw new IllegalArgumentException("scale must be a range like 1-5 within 0-100, was " + min + "-" + max);
        }
    }

    public boolean contains(int score) {
        return score >= min && score <= max;
    }

    /** Number of points on the scale (K in the statistics). */
    public int points() {
        return max - min + 1;
    }

    public double midpoint() {
        return (min + max) / 2.0;
    }

    @Override
    public String toString() {
        return min + "-" + max;
    }
}
