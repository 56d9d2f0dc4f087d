package dev.fieldpoll.poll;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Rules for keys and display text shared by fields, factors and templates. */
public final class Keys {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    private Keys() {}

    public static String requireKey(String key, String what) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException(
                    what + " key must be 1-32 lowercase letters, digits or dashes, was '" + key + "'");
        }
        return key;
    }

    public static String requireText(String text, String what, int maxLength) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        String stripped = text.strip();
        if (stripped.length() > maxLength) {
            throw new IllegalArgumentException(what + " must be at most " + maxLength + " characters");
        }
        return stripped;
    }

    /**
     * Member text quoted back in a reply: control and invisible characters removed and cut to 40
     * characters, so an echo can neither flood the chat nor hide what it says.
     */
    public static String shown(String typed) {
        String visible =
                typed == null ? "" : typed.replaceAll("[\\p{Cc}\\p{Cf}]", "").strip();
        return visible.length() <= 40 ? visible : visible.substring(0, 39) + "…";
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

    /** Turns a display name into a key: "Mech Interp" → "mech-interp". */
    public static String slug(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (ascii.isEmpty()) {
            ascii = "item";
        }
        return ascii.length() > 32 ? ascii.substring(0, 32).replaceAll("-+$", "") : ascii;
    }
}
