package dev.fieldpoll.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A main class of the tests run in a JVM of its own, with the tests' class path, so a test can
 * SIGKILL it: its standard error goes to a log file, its output is read until the line it prints
 * when ready, and the rest is drained so it never blocks on a full pipe.
 */
public final class ChildJvm {

    private ChildJvm() {}

    /** Starts {@code main} with {@code args}; standard error goes to {@code log}. */
    public static Process start(Class<?> main, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(log.toFile()).start();
    }

    /** Reads the child's output up to the first line starting with {@code ready}, and returns it. */
    public static String awaitLine(Process child, String ready, Path log) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        while (line == null || !line.startsWith(ready)) {
            if (line == null) {
                throw new AssertionError("the child stopped before " + ready + " (log: " + log + ")");
            }
            line = out.readLine();
        }
        Thread drain = new Thread(
                () -> {
                    try {
                        while (out.readLine() != null) {
                            // discarded: log lines
                        }
                    } catch (IOException closed) {
                        // the child is gone
                    }
                },
                "child-jvm-drain");
        drain.setDaemon(true);
        drain.start();
        return line;
    }
}
