package dev.fieldpoll.poll;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What a member typed, matched against named items: by exact key or name (ignoring case),
 * else by a unique prefix; otherwise the closest names as suggestions.
 */
public sealed interface NameMatch<T> {

    record Found<T>(T item) implements NameMatch<T> {}

    record Ambiguous<T>(List<T> candidates) implements NameMatch<T> {}

    record Unknown<T>(List<T> suggestions) implements NameMatch<T> {}

    static <T> NameMatch<T> of(String typed, List<T> items, Function<T, String> key, Function<T, String> name) {
        String wanted = normalize(typed);
        for (T item : items) {
            if (normalize(key.apply(item)).equals(wanted)
                    || normalize(name.apply(item)).equals(wanted)) {
                return new Found<>(item);
            }
        }
        List<T> prefixed = items.stream()
                .filter(item -> normalize(key.apply(item)).startsWith(wanted)
                        || normalize(name.apply(item)).startsWith(wanted))
                .toList();
        if (prefixed.size() == 1 && !wanted.isEmpty()) {
            return new Found<>(prefixed.get(0));
        }
        if (prefixed.size() > 1 && !wanted.isEmpty()) {
            return new Ambiguous<>(prefixed);
        }
        return new Unknown<>(closest(wanted, items, name));
    }

    private static <T> List<T> closest(String wanted, List<T> items, Function<T, String> name) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingInt(item -> distance(wanted, normalize(name.apply(item)))));
        return sorted.subList(0, Math.min(3, sorted.size()));
    }

    /** Case, spaces, dashes and underscores do not matter: "mech_interp" finds "Mech Interp". */
    private static String normalize(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "-");
    }

    /** Levenshtein distance, for "did you mean". */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
