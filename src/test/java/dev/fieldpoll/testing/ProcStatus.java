package dev.fieldpoll.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's memory as Linux tells it in /proc/PID/status. */
public final class ProcStatus {

    /** The resident set now. */
    public static final String RESIDENT = "VmRSS";
    /** The largest resident set so far (the high-water mark). */
    public static final String PEAK_RESIDENT = "VmHWM";

    private ProcStatus() {}

    /** The field (in KiB) of the process, or -1 where /proc does not tell (not Linux, or the process is gone). */
    public static long kib(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException unknown) {
            // not Linux, or the process is gone
        }
        return -1;
    }
}
