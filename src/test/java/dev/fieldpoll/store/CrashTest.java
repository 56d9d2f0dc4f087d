package dev.fieldpoll.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 in the middle of a vote load: every vote the bot acknowledged is in the database
 * afterwards, and the file is intact. The load runs in a child JVM ({@link VoteLoad}).
 */
class CrashTest {

    private static final int VOTING_THREADS = 16;
    private static final int ACKS_BEFORE_KILL = 1_500;
    private static final long MAX_MINUTES = 3;

    @TempDir
    Path dir;

    record Ack(String member, CellKey cell, int score) {

        /** A complete ACK line, or null for anything else (log lines, a line the kill cut short). */
        static Ack parse(String line) {
            String[] words = line.split(" ");
            if (words.length != 6 || !words[0].equals("ACK") || !words[5].equals("END")) {
                return null;
            }
            return new Ack(words[1], new CellKey(words[2], words[3]), Integer.parseInt(words[4]));
        }
    }

    record Output(long pollId, List<Ack> acks, List<String> refusals) {}

    @Test
    void everyAcknowledgedVoteIsOnDiskAfterAKillMidRun() throws Exception {
        // given a child JVM voting through PollBot from many threads
        Process child = startVoteLoad();
        Output output;
        try {
            // when it has acknowledged enough votes, it is killed without warning
            FutureTask<Output> reading = new FutureTask<>(() -> readAcks(child));
            new Thread(reading, "crash-test-reader").start();
            output = reading.get(MAX_MINUTES, TimeUnit.MINUTES);
        } finally {
            child.destroyForcibly();
            child.waitFor(1, TimeUnit.MINUTES);
        }

        // then
        assertThat(output.refusals())
                .as("refused votes (child log: %s)", dir.resolve("child.log"))
                .isEmpty();
        assertThat(output.acks()).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
        try (Database database = Database.open(dir.resolve("fieldpoll.db"))) {
            SqlPollStore store = new SqlPollStore(database);
            assertThat(StoreFaultsTest.integrity(database)).isEqualTo("ok");
            for (Ack ack : output.acks()) {
                assertThat(store.ballot(output.pollId(), ack.member()).answers().get(ack.cell()))
                        .as("acknowledged vote %s", ack)
                        .isEqualTo(Answer.score(ack.score()));
            }
        }
    }

    private Process startVoteLoad() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        VoteLoad.class.getName(),
                        dir.toString(),
                        Integer.toString(VOTING_THREADS))
                .redirectError(dir.resolve("child.log").toFile())
                .start();
    }

    /** Reads until enough acknowledgements, kills the child, then reads what else it printed before it died. */
    private static Output readAcks(Process child) throws IOException, InterruptedException {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            long pollId = Long.parseLong(out.readLine().substring("POLL ".length()));
            List<Ack> acks = new ArrayList<>();
            List<String> refusals = new ArrayList<>();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Ack ack = Ack.parse(line);
                if (ack != null) {
                    acks.add(ack);
                } else if (line.startsWith("REFUSED")) {
                    refusals.add(line);
                }
                if (acks.size() == ACKS_BEFORE_KILL) {
                    // SIGKILL as Process.destroyForcibly sends it, but through the handle, which
                    // leaves the pipe open: the lines printed before death are read after it.
                    child.toHandle().destroyForcibly();
                    child.waitFor();
                }
            }
            return new Output(pollId, acks, refusals);
        }
    }
}
