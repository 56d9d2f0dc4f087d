package dev.fieldpoll.app;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads fieldpoll's YAML files strictly (unknown settings, repeated keys and fractions where whole
 * numbers belong are errors) and turns Jackson's errors into a line number and a sentence without
 * Java class names or library advice.
 */
final class YamlErrors {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    private YamlErrors() {}

    /** The mapper every fieldpoll YAML file is read with. */
    static ObjectMapper strictMapper() {
        return new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    /** Whether the text holds no YAML at all: nothing, blank lines, comments, a bare document marker. */
    static boolean isEmpty(String text) {
        return text.lines()
                .map(String::strip)
                .allMatch(line -> line.isEmpty() || line.startsWith("#") || line.equals("---") || line.equals("..."));
    }

    /**
     * Jackson reports an unknown setting where the enclosing object ends (records are built
     * from buffered properties), so look up the line that names it instead.
     */
    static int line(String text, JsonProcessingException wrong) {
        if (wrong instanceof UnrecognizedPropertyException unknown) {
            int named = lineNaming(text, unknown.getPropertyName(), Integer.MAX_VALUE);
            if (named > 0) {
                return named;
            }
        }
        return wrong.getLocation() == null ? 1 : wrong.getLocation().getLineNr();
    }

    static String message(String text, JsonProcessingException wrong) {
        if (wrong instanceof UnrecognizedPropertyException unknown) {
            return "unknown setting '" + unknown.getPropertyName() + "'; known here: "
                    + unknown.getKnownPropertyIds().stream()
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(wrong.getOriginalMessage()));
        if (duplicate.find()) {
            int second = line(text, wrong);
            int first = lineNaming(text, duplicate.group(1), second);
            return duplicate.group(1) + " is given twice (lines " + (first > 0 ? first : "?") + " and " + second
                    + "); keep one";
        }
        if (wrong.getCause() instanceof IllegalArgumentException invalid && invalid.getMessage() != null) {
            return invalid.getMessage();
        }
        if (wrong instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return path(mismatched) + " must be " + expected(mismatched.getTargetType()) + was(text, mismatched);
        }
        String original = wrong.getOriginalMessage() == null ? "" : wrong.getOriginalMessage();
        return original.split("\n")[0]
                .replaceAll(" \\(class [^)]*\\)", "")
                .replaceAll("`[^`]*?\\.(\\w+)`", "$1")
                .replaceAll("`", "'");
    }

    /** The setting's name as written in the file: "privacy.min-voters", "factors[2].weight". */
    private static String path(JsonMappingException wrong) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : wrong.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex() + 1).append(']');
            }
        }
        return path.length() == 0 ? "this setting" : path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list, like [U1, U2]";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a section of keys and values";
        }
        return "a section of settings";
    }

    /** ", was 2.5": the value as written on its line, when there is one to quote. */
    private static String was(String text, MismatchedInputException wrong) {
        if (wrong instanceof InvalidFormatException invalid && invalid.getValue() != null) {
            return ", was " + invalid.getValue();
        }
        if (Collection.class.isAssignableFrom(wrong.getTargetType()) || wrong.getLocation() == null) {
            return "";
        }
        String[] lines = text.split("\n", -1);
        int line = wrong.getLocation().getLineNr();
        if (line < 1 || line > lines.length) {
            return "";
        }
        String written = lines[line - 1];
        int colon = written.indexOf(':');
        String value = colon < 0
                ? ""
                : written.substring(colon + 1).replaceAll("\\s+#.*$", "").strip();
        return value.isEmpty() ? "" : ", was " + value;
    }

    /**
     * The first line that names the key; with {@code before}, the last one before that line at the same
     * indentation (the earlier copy of a repeated key). 0 when none does.
     */
    private static int lineNaming(String text, String key, int before) {
        Pattern named = Pattern.compile("^\\s*-?\\s*[\"']?" + Pattern.quote(key) + "[\"']?\\s*:.*");
        String[] lines = text.split("\n", -1);
        int indent = before <= lines.length ? indentOf(lines[before - 1]) : -1;
        int found = 0;
        for (int i = 0; i < Math.min(lines.length, before - 1); i++) {
            if (named.matcher(lines[i]).matches() && (indent < 0 || indentOf(lines[i]) == indent)) {
                found = i + 1;
                if (before == Integer.MAX_VALUE) {
                    return found;
                }
            }
        }
        return found;
    }

    private static int indentOf(String line) {
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
        }
        return indent;
    }
}
