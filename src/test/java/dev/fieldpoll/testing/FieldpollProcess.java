package dev.fieldpoll.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code fieldpoll} as an operator runs it: a JVM of its own with the environment given, its
 * output (stdout and stderr together) read as it comes so a test can wait for a line, and SIGTERM
 * to stop it. Thread-safe as {@link ChildOutput} is; a test drives it from one thread.
 */
public final class FieldpollProcess implements AutoCloseable {

    private static final String[] TOKENS = {
        "DISCORD_TOKEN", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "FIELDPOLL_CONFIG"
    };

    private final Process process;
    private final ChildOutput output;

    private FieldpollProcess(Process process) {
        this.process = process;
        this.output = ChildOutput.read(process.getInputStream(), "fieldpoll-output");
    }

    /**
     * Starts {@code fieldpoll ARGUMENTS} in a new JVM on this test's class path, in the folder given,
     * with this environment on top of the test's own (without any platform token of the test's).
     */
    public static FieldpollProcess start(Path folder, Map<String, String> environment, String... arguments) {
        // Quick to start: these tests exchange a few messages, and C1 alone compiles sooner.
        return start(folder, List.of("-XX:TieredStopAtLevel=1"), environment, arguments);
    }

    /** The same, with these options for the JVM (a heap ceiling, a GC log) in place of the quick-start one. */
    public static FieldpollProcess start(
            Path folder, List<String> javaOptions, Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.fieldpoll.FieldpollCli"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        for (String token : TOKENS) {
            builder.environment().remove(token);
        }
        builder.environment().putAll(environment);
        try {
            return new FieldpollProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Types lines into its standard input, then closes it (end of input). */
    public void type(String... lines) {
        try (OutputStream in = process.getOutputStream()) {
            in.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first match of the pattern in what it printed, once printed; fails when it ends or time runs out first. */
    public Matcher await(Pattern pattern, Duration timeout) throws InterruptedException {
        if (!output.await(0, text -> pattern.matcher(text).find(), timeout)) {
            throw new AssertionError("fieldpoll never printed " + pattern + "; it printed:\n" + output());
        }
        Matcher matcher = pattern.matcher(output());
        matcher.find();
        return matcher;
    }

    /** Waits for it to end by itself; returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("fieldpoll did not end within " + timeout + "; it printed:\n" + output());
        }
        return process.exitValue();
    }

    /** SIGTERM, as systemd stops it; returns the exit code once it ended. */
    public int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        return awaitExit(timeout);
    }

    /** The process id of its JVM, to read its memory in /proc. */
    public long pid() {
        return process.pid();
    }

    /** Everything it printed so far. */
    public String output() {
        return output.text();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
