package dev.fieldpoll.testing;

import dev.fieldpoll.app.Wiring;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Types lines into a wiring's console chat and returns everything it printed, as a member would read it. */
public final class ConsoleTranscript {

    private ConsoleTranscript() {}

    public static String chat(Wiring wiring, String... lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        byte[] typed = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            wiring.consoleChat(out).run(new ByteArrayInputStream(typed), out);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
