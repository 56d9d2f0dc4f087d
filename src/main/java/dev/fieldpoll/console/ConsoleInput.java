package dev.fieldpoll.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The console's input, line by line, as UTF-8. A line whose bytes are not UTF-8 (a terminal set
 * to another encoding, a binary file piped in) is reported as such rather than guessed at, and
 * the next line is read normally. Used by one thread: the console's.
 */
final class ConsoleInput {

    /** Longer lines are cut here; the command parser refuses far shorter ones anyway. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    /** A line that is not valid UTF-8. */
    static final class NotUtf8Exception extends Exception {
        NotUtf8Exception() {
            super("not UTF-8", null, false, false);
        }
    }

    private final InputStream in;

    ConsoleInput(InputStream in) {
        this.in = in;
    }

    /** The next line without its line break; null at the end of the input. */
    String readLine() throws IOException, NotUtf8Exception {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            if (line.size() < MAX_LINE_BYTES) {
                line.write(b);
            }
            b = in.read();
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw new NotUtf8Exception();
        }
    }
}
