package dev.fieldpoll.bot;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.Scale;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads a typed or submitted score: a number on the scale, or one of the ways to say "don't know". */
final class ScoreText {

    private static final Set<String> DONT_KNOW =
            Set.of("?", "dk", "dont-know", "don't-know", "dontknow", "unsure", "skip");
    static final Set<String> CLEAR = Set.of("clear", "-", "none");

    private ScoreText() {}

    static Optional<Answer> parse(String text, Scale scale) {
        String value = text.strip().toLowerCase(Locale.ROOT).replace(' ', '-');
        if (DONT_KNOW.contains(value)) {
            return Optional.of(Answer.DONT_KNOW);
        }
        if (!isSmallNumber(value)) {
            return Optional.empty();
        }
        int score = Integer.parseInt(value);
        return scale.contains(score) ? Optional.of(Answer.score(score)) : Optional.empty();
    }

    /** One to three ASCII digits: what {@code matches("\\d{1,3}")} says, without compiling a pattern per vote. */
    private static boolean isSmallNumber(String value) {
        if (value.isEmpty() || value.length() > 3) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char digit = value.charAt(i);
            if (digit < '0' || digit > '9') {
                return false;
            }
        }
        return true;
    }

    static boolean isClear(String text) {
        return CLEAR.contains(text.strip().toLowerCase(Locale.ROOT));
    }

    static String expected(Scale scale) {
        return "a score from " + scale.min() + " to " + scale.max() + ", or ? for don't know";
    }
}
