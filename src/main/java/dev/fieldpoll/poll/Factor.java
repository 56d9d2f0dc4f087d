package dev.fieldpoll.poll;

/** A criterion every field is scored on, e.g. "Feedback quality", with what its ends mean. */
public record Factor(String key, String name, String question, String lowLabel, String highLabel, double weight) {

    public Factor {
        key = Keys.requireKey(key, "factor");
        name = Keys.requireText(name, "factor name", 80);
        question = Keys.cleanOrEmpty(question).isEmpty() ? name + "?" : Keys.cleanOrEmpty(question);
        lowLabel = Keys.cleanOrEmpty(lowLabel);
        highLabel = Keys.cleanOrEmpty(highLabel);
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("factor " + key + ": weight must be a positive number, was " + weight);
        }
    }

    /**
     * False for an ad-hoc factor, whose question is only its name with "?": showing both would
     * read "x: x?", so the name is shown once.
     */
    public boolean hasOwnQuestion() {
        return !question.equals(name + "?");
    }

    /** A factor with the defaults an ad-hoc poll uses: no question text, equal weight. */
    public static Factor named(String key, String name) {
        return new Factor(key, name, null, null, null, 1.0);
    }
}
