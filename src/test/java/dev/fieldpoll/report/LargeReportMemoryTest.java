package dev.fieldpoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100,000-voter report fits in 128 MB of heap (issue 12 runs the bot with -Xmx128m): packed
 * ballots, no object per vote, bounded working arrays. Proven in a child JVM with that heap, for a
 * crowd without opinion groups and for two camps, whose groups are refined and profiled on every voter.
 */
class LargeReportMemoryTest {

    @TempDir
    Path dir;

    @Test
    void a_hundred_thousand_voter_report_runs_in_128_megabytes_of_heap() throws IOException, InterruptedException {
        assertThat(probe("crowd"))
                .contains("ranked 10 fields from 100000 ballots; groups no-distinct-groups; heap max");
    }

    @Test
    void a_hundred_thousand_voter_report_with_opinion_groups_runs_in_128_megabytes_of_heap()
            throws IOException, InterruptedException {
        assertThat(probe("camps")).contains("ranked 10 fields from 100000 ballots; groups found; heap max");
    }

    private String probe(String ballots) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path output = dir.resolve(ballots + ".out");
        Process probe = new ProcessBuilder(
                        java.toString(),
                        "-Xmx128m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        LargeReportProbe.class.getName(),
                        "100000",
                        ballots)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();

        boolean finished = probe.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            probe.destroyForcibly();
        }

        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(finished).as("the probe finished; it printed: %s", printed).isTrue();
        assertThat(probe.exitValue()).as("exit code; it printed: %s", printed).isZero();
        return printed;
    }
}
