package dev.fieldpoll.poll;

/** A member's answer for one cell: a score on the poll's scale, or "don't know" (which is not a midpoint). */
public sealed interface Answer {

    record Score(int value) implements Answer {}

    record DontKnow() implements Answer {}

    DontKnow DONT_KNOW = new DontKnow();

    static Answer score(int value) {
        return new Score(value);
    }

    /** Storage form: the score, or null for "don't know". */
    default Integer valueOrNull() {
        return this instanceof Score score ? score.value() : null;
    }

    static Answer fromNullable(Integer value) {
        return value == null ? DONT_KNOW : new Score(value);
    }

    default String display() {
        return this instanceof Score score ? Integer.toString(score.value()) : "?";
    }
}
