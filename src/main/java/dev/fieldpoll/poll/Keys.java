package dev.fieldpoll.poll;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules for keys and display text shared by fields, factors and templates. Keys keep the letters
 * of any script, lowercased ("苹果", "важность", "mech-interp"); names are matched by their
 * NFKC case-folded form.
 */
public final class Keys {

    public static final int MAX_KEY_LENGTH = 32;

    /** Letters (lowercase or caseless) and digits of any script, combining marks after them, dashes between. */
    private static final Pattern KEY =
            Pattern.compile("[\\p{Ll}\\p{Lo}\\p{Lm}\\p{Nd}][\\p{Ll}\\p{Lo}\\p{Lm}\\p{Nd}\\p{M}-]*");

    private static final Pattern NOT_KEY_TEXT = Pattern.compile("[^\\p{L}\\p{Nd}\\p{M}]+");

    private Keys() {}

    public static boolean isKey(String key) {
        return key != null
                && key.length() <= MAX_KEY_LENGTH
                && KEY.matcher(key).matches()
                && key.equals(fold(key))
                && !key.endsWith("-");
    }

    public static String requireKey(String key, String what) {
        if (!isKey(key)) {
            throw new IllegalArgumentException(what + " key must be 1-" + MAX_KEY_LENGTH
                    + " lowercase letters, digits or dashes, was '" + shown(key) + "'");
        }
        return key;
    }

    /** Display text a member or template wrote: cleaned (see {@link #clean}), not blank, not too long. */
    public static String requireText(String text, String what, int maxLength) {
        String cleaned = text == null ? "" : clean(text);
        if (cleaned.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (cleaned.length() > maxLength) {
            throw new IllegalArgumentException(what + " must be at most " + maxLength + " characters");
        }
        return cleaned;
    }

    /** A platform's id (workspace, channel, user, role): stripped, not blank, not too long, otherwise as given. */
    public static String requireId(String id, String what, int maxLength) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        String stripped = id.strip();
        if (stripped.length() > maxLength) {
            throw new IllegalArgumentException(what + " must be at most " + maxLength + " characters");
        }
        return stripped;
    }

    /** Optional display text (a description, a label): cleaned, empty when absent. */
    public static String cleanOrEmpty(String text) {
        return text == null ? "" : clean(text);
    }

    /**
     * Text as it may be stored and shown: control characters (ESC, BEL, NUL…) removed, line breaks
     * and tabs made spaces, bidirectional overrides and isolates and invisible characters (zero
     * width space, word joiner, byte order mark, soft hyphen) removed. The zero-width joiner and
     * non-joiner stay where they join two visible characters (emoji sequences, Persian words),
     * and go where they join nothing.
     */
    public static String clean(String text) {
        StringBuilder cleaned = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int width = Character.charCount(c);
            if (c == '\t' || c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029) {
                cleaned.append(' ');
            } else if (isJoiner(c)) {
                if (joinsVisible(text, i, width)) {
                    cleaned.appendCodePoint(c);
                }
            } else if (!isInvisible(c)) {
                cleaned.appendCodePoint(c);
            }
            i += width;
        }
        return cleaned.toString().strip();
    }

    private static boolean isInvisible(int c) {
        return Character.getType(c) == Character.CONTROL
                || (c >= 0x202A && c <= 0x202E) // embeddings and overrides
                || (c >= 0x2066 && c <= 0x2069) // isolates
                || c == 0x200E // left-to-right mark
                || c == 0x200F // right-to-left mark
                || c == 0x061C // Arabic letter mark
                || c == 0x200B // zero width space
                || c == 0x2060 // word joiner
                || c == 0xFEFF // byte order mark, zero width no-break space
                || c == 0x180E // Mongolian vowel separator
                || c == 0x00AD; // soft hyphen
    }

    private static boolean isJoiner(int c) {
        return c == 0x200C || c == 0x200D;
    }

    private static boolean joinsVisible(String text, int at, int width) {
        if (at == 0 || at + width >= text.length()) {
            return false;
        }
        int before = text.codePointBefore(at);
        int after = text.codePointAt(at + width);
        return isVisible(before) && isVisible(after);
    }

    private static boolean isVisible(int c) {
        return !Character.isWhitespace(c)
                && !isInvisible(c)
                && !isJoiner(c)
                && Character.getType(c) != Character.FORMAT;
    }

    /**
     * Member text quoted back in a reply: cleaned, every other invisible character removed too, and cut
     * to 40 characters, so an echo can neither flood the chat nor hide what it says.
     */
    public static String shown(String typed) {
        String visible = typed == null
                ? ""
                : clean(typed).replaceAll("[\\p{Cc}\\p{Cf}]", "").strip();
        return cut(visible, 40);
    }

    /** Cuts text to at most {@code max} characters, ending with an ellipsis when cut; never splits a surrogate pair. */
    public static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /**
     * What names are compared by: NFKC (full-width and compatibility forms become plain ones) and
     * case-folded ("Straße", "STRAẞE" and "STRASSE" meet), after {@link #clean}.
     */
    public static String fold(String text) {
        String normalized = Normalizer.normalize(clean(text), Normalizer.Form.NFKC);
        // lower, upper, lower: "ẞ" → "ß" → "SS" → "ss", as Unicode case folding does
        return normalized.toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /**
     * Turns a display name into a key: "Mech Interp" → "mech-interp", "苹果" → "苹果", "Ελληνικά" →
     * "ελληνικά". Empty when the name has no letter or digit ("🍎"): the caller numbers those.
     */
    public static Optional<String> slug(String name) {
        String slug = NOT_KEY_TEXT
                .matcher(fold(name == null ? "" : name))
                .replaceAll("-")
                .replaceAll("^[-\\p{M}]+|-+$", "");
        if (slug.length() > MAX_KEY_LENGTH) {
            int end = MAX_KEY_LENGTH;
            if (Character.isHighSurrogate(slug.charAt(end - 1))) {
                end--;
            }
            slug = slug.substring(0, end).replaceAll("-+$", "");
        }
        return isKey(slug) ? Optional.of(slug) : Optional.empty();
    }

    /**
     * Keys for a list of names, in order: each name's slug, made unique with "-2", "-3"…, and
     * {@code prefix} plus the position for names without letters or digits ("f1", "f2").
     *
     * @throws IllegalArgumentException when two names are the same once case-folded: a member could
     *     not tell them apart
     */
    public static List<String> keysFor(List<String> names, String prefix, String what) {
        Map<String, String> seenNames = new HashMap<>();
        Set<String> taken = new HashSet<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String folded = fold(names.get(i));
            if (seenNames.putIfAbsent(folded, names.get(i)) != null) {
                throw new IllegalArgumentException(
                        "two " + what + "s are both called '" + shown(names.get(i)) + "'; give each its own name");
            }
            String base = slug(names.get(i)).orElse(prefix + (i + 1));
            keys.add(unique(base, taken));
        }
        return keys;
    }

    /** {@code base}, or base-2, base-3… when taken; the chosen key is added to {@code taken}. */
    public static String unique(String base, Set<String> taken) {
        String key = base;
        for (int suffix = 2; !taken.add(key); suffix++) {
            String tail = "-" + suffix;
            key = base.substring(0, Math.min(base.length(), MAX_KEY_LENGTH - tail.length())) + tail;
        }
        return key;
    }
}
