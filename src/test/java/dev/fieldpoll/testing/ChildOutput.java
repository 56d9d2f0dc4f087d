package dev.fieldpoll.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * What a child process prints on one stream, read on a daemon thread as it comes, for a
 * measurement or a test to wait on. Thread-safe: the reader thread appends and waiters wait under this
 * object's monitor.
 */
public final class ChildOutput {

    private final StringBuilder text = new StringBuilder();
    private boolean ended;

    public static ChildOutput read(InputStream stream, String name) {
        ChildOutput output = new ChildOutput();
        Thread reader = new Thread(() -> output.drain(stream), name);
        reader.setDaemon(true);
        reader.start();
        return output;
    }

    private void drain(InputStream stream) {
        char[] buffer = new char[4096];
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            for (int read = reader.read(buffer); read >= 0; read = reader.read(buffer)) {
                append(buffer, read);
            }
        } catch (IOException closed) {
            // the child is gone: what it printed is all there is
        } finally {
            end();
        }
    }

    private synchronized void append(char[] buffer, int length) {
        text.append(buffer, 0, length);
        notifyAll();
    }

    private synchronized void end() {
        ended = true;
        notifyAll();
    }

    /** Everything printed from {@code from} on, once it matches; false when the stream ended or time ran out first. */
    public synchronized boolean await(int from, Predicate<String> matches, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!matches.test(text.substring(Math.min(from, text.length())))) {
            long left = deadline - System.nanoTime();
            if (ended || left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    public synchronized int length() {
        return text.length();
    }

    public synchronized String text() {
        return text.toString();
    }
}
