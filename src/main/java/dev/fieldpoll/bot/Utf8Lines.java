package dev.fieldpoll.bot;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text input (the console, a CSV file), line by line, as strict UTF-8: a line whose bytes are not
 * UTF-8 is reported with its number, never guessed at or turned into replacement characters. A
 * byte order mark at the start (spreadsheets write one) is dropped. Used by one thread at a time.
 */
public final class Utf8Lines {

    /** Longer lines are cut here: no command or CSV row of fieldpoll comes near it. */
    public static final int MAX_LINE_BYTES = 1 << 20;

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** A line that is not valid UTF-8; the lines after it can still be read. */
    public static final class NotUtf8Exception extends IOException {
        private final long line;

        NotUtf8Exception(long line) {
            super("line " + line + " is not UTF-8 text");
            this.line = line;
        }

        public long line() {
            return line;
        }
    }

    private final InputStream in;
    private long lineNumber;

    public Utf8Lines(InputStream in) {
        this.in = new BufferedInputStream(in);
    }

    /** The next line without its line break; null at the end of the input. */
    public String readLine() throws IOException {
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
        lineNumber++;
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw new NotUtf8Exception(lineNumber);
        }
        return lineNumber == 1 && !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    /** All the lines as one text ("\n" after each), failing with {@link NotUtf8Exception} at the first bad one. */
    public Reader asReader() {
        return new Reader() {
            private String pending = "";
            private int at;

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                if (at == pending.length()) {
                    String line = readLine();
                    if (line == null) {
                        return -1;
                    }
                    pending = line + "\n";
                    at = 0;
                }
                int count = Math.min(length, pending.length() - at);
                pending.getChars(at, at + count, buffer, offset);
                at += count;
                return count;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }
}
