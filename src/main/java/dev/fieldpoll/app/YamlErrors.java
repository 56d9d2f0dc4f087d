package dev.fieldpoll.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.regex.Pattern;

/** Turns Jackson's YAML errors into a line number and a sentence without Java class names. */
final class YamlErrors {

    private YamlErrors() {}

    /**
     * Jackson reports an unknown setting where the enclosing object ends (records are built
     * from buffered properties), so look up the line that names it instead.
     */
    static int line(String text, JsonProcessingException wrong) {
        if (wrong instanceof UnrecognizedPropertyException unknown) {
            Pattern named = Pattern.compile("^\\s*-?\\s*\"?" + Pattern.quote(unknown.getPropertyName()) + "\"?\\s*:.*");
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (named.matcher(lines[i]).matches()) {
                    return i + 1;
                }
            }
        }
        return wrong.getLocation() == null ? 1 : wrong.getLocation().getLineNr();
    }

    static String message(JsonProcessingException wrong) {
        if (wrong instanceof UnrecognizedPropertyException unknown) {
            return "unknown setting '" + unknown.getPropertyName() + "'; known here: " + unknown.getKnownPropertyIds();
        }
        Throwable cause = wrong.getCause();
        String message = cause instanceof IllegalArgumentException ? cause.getMessage() : wrong.getOriginalMessage();
        return message.split("\n")[0].replaceAll(" \\(class [^)]*\\)", "").replaceAll("`[a-z.]+\\.(\\w+)`", "$1");
    }
}
