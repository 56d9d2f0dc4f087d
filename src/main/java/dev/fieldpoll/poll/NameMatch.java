package dev.fieldpoll.poll;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * What a member typed, matched against named items, in any script: by exact key or name (NFKC,
 * case-folded, spaces, dashes and underscores alike), else by a unique prefix of the key or name,
 * else by a unique prefix of a later word of the name ("interp" finds "Mech Interp"); otherwise
 * the close names as suggestions, nearest first.
 */
public sealed interface NameMatch<T> {

    record Found<T>(T item) implements NameMatch<T> {}

    record Ambiguous<T>(List<T> candidates) implements NameMatch<T> {}

    /** Nothing matched; {@code suggestions} are the names close to what was typed, possibly none. */
    record Unknown<T>(List<T> suggestions) implements NameMatch<T> {}

    static <T> NameMatch<T> of(String typed, List<T> items, Function<T, String> key, Function<T, String> name) {
        String wanted = normalize(typed);
        if (wanted.isEmpty()) {
            return new Unknown<>(List.of());
        }
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
        if (prefixed.isEmpty()) {
            prefixed = items.stream()
                    .filter(item -> aWordStartsWith(normalize(name.apply(item)), wanted))
                    .toList();
        }
        if (prefixed.size() == 1) {
            return new Found<>(prefixed.get(0));
        }
        if (prefixed.size() > 1) {
            return new Ambiguous<>(prefixed);
        }
        return new Unknown<>(Suggestions.closest(wanted, items, item -> normalize(name.apply(item))));
    }

    private static boolean aWordStartsWith(String name, String wanted) {
        for (int at = name.indexOf('-'); at >= 0; at = name.indexOf('-', at + 1)) {
            if (name.startsWith(wanted, at + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Case, width, spaces, dashes and underscores do not matter: "mech_interp" and "ＭＥＣＨ interp" find "Mech Interp". */
    private static String normalize(String text) {
        return text == null
                ? ""
                : Keys.fold(text).strip().replaceAll("[\\s_-]+", "-").replaceAll("^-|-$", "");
    }

    /** "Did you mean": names within a few typos of what was typed, the nearest first. */
    final class Suggestions {

        static final int MAX = 3;

        private Suggestions() {}

        static <T> List<T> closest(String wanted, List<T> items, Function<T, String> normalizedName) {
            List<Scored<T>> close = new ArrayList<>();
            for (T item : items) {
                String name = normalizedName.apply(item);
                int distance = distance(
                        wanted, name.length() > wanted.length() + 3 ? name.substring(0, wanted.length()) : name);
                int fullDistance = distance(wanted, name);
                int best = Math.min(distance, fullDistance);
                if (best <= allowedTypos(wanted)) {
                    close.add(new Scored<>(item, best, fullDistance, commonPrefix(wanted, name)));
                }
            }
            close.sort(Comparator.<Scored<T>>comparingInt(Scored::distance)
                    .thenComparing(
                            Comparator.<Scored<T>>comparingInt(Scored::prefix).reversed())
                    .thenComparingInt(Scored::fullDistance));
            if (close.size() > 1 && close.get(0).distance() < close.get(1).distance()) {
                // One name is clearly nearer than the rest: suggest only it.
                return List.of(close.get(0).item());
            }
            return close.stream().limit(MAX).map(Scored::item).toList();
        }

        /** One typo in a short word, about one in three characters in a longer one. */
        static int allowedTypos(String wanted) {
            return Math.max(1, wanted.length() / 3);
        }

        private record Scored<T>(T item, int distance, int fullDistance, int prefix) {}

        private static int commonPrefix(String a, String b) {
            int i = 0;
            while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
                i++;
            }
            return i;
        }

        /** Edit distance counting a swap of neighbours as one edit (optimal string alignment). */
        static int distance(String a, String b) {
            int[][] d = new int[a.length() + 1][b.length() + 1];
            for (int i = 0; i <= a.length(); i++) {
                d[i][0] = i;
            }
            for (int j = 0; j <= b.length(); j++) {
                d[0][j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                    if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                    }
                }
            }
            return d[a.length()][b.length()];
        }
    }
}
