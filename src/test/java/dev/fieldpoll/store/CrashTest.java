package dev.fieldpoll.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Kill -9 in the middle of a vote load: every vote the bot acknowledged is in the database
 * afterwards, and the database is intact and takes votes again, on SQLite (the file) and on
 * PostgreSQL (the server outlives the bot). The load runs in a child JVM ({@link VoteLoad}).
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class CrashTest {

    @Parameter
    TestDatabase kind;

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
        DatabaseTarget database = kind.create(dir);
        Process child = startVoteLoad(database);
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
        try (Database opened = Database.open(database, DatabaseSettings.defaults())) {
            SqlPollStore store = new SqlPollStore(opened, Clock.systemUTC());
            if (kind == TestDatabase.SQLITE) {
                assertThat(StoreFaultsTest.integrity(opened)).isEqualTo("ok");
            }
            for (Ack ack : output.acks()) {
                assertThat(store.ballot(output.pollId(), ack.member()).answers().get(ack.cell()))
                        .as("acknowledged vote %s", ack)
                        .isEqualTo(Answer.score(ack.score()));
            }
            // nothing the killed process held (a lock, a half-done transaction) stands in the way of the next vote
            CellKey cell = output.acks().get(0).cell();
            Commits.save(store, output.pollId(), "after-the-crash", Map.of(cell, Answer.score(3)), Instant.now());
            assertThat(store.ballot(output.pollId(), "after-the-crash").answers())
                    .containsEntry(cell, Answer.score(3));
        }
    }

    private Process startVoteLoad(DatabaseTarget database) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                VoteLoad.class.getName(),
                dir.toString(),
                Integer.toString(VOTING_THREADS)));
        if (database instanceof DatabaseTarget.Postgres postgres) {
            command.add(postgres.url());
        }
        return new ProcessBuilder(command)
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
