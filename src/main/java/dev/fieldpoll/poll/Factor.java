package dev.fieldpoll.poll;

/** A criterion every field is scored on, e.g. "Feedback quality", with what its ends mean. */
public record Factor(String key, String name, String question, String lowLabel, String highLabel, double weight) {

    public Factor {
        key = Keys.requireKey(key, "factor");
        name = Keys.requireText(name, "factor name", 80);
        question = question == null || question.isBlank() ? name + "?" : question.strip();
        lowLabel = lowLabel == null ? "" : lowLabel.strip();
        highLabel = highLabel == null ? "" : highLabel.strip();
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("factor " + key + ": weight must be a positive number, was " + weight);
        }
    }

    /** A factor with the defaults an ad-hoc poll uses: no question text, equal weight. */
    public static Factor named(String name) {
        return new Factor(Keys.slug(name), name, null, null, null, 1.0);
    }
}
