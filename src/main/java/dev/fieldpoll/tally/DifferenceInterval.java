package dev.fieldpoll.tally;

/**
 * Community score minus reference score of one field, with a confidence interval.
 * All NaN when no weighted factor has votes; low and high NaN when the interval is undefined.
 */
public record DifferenceInterval(double community, double reference, double difference, double low, double high) {

    public DifferenceInterval {
        if (low > high) {
            throw new IllegalArgumentException("interval " + low + ".." + high + " is reversed");
        }
    }

    static DifferenceInterval undefined() {
        return new DifferenceInterval(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
}
