package dev.fieldpoll.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellCounts;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.Scale;
import dev.fieldpoll.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Many members voting at once, on SQLite and on PostgreSQL: every last answer counts exactly once, and nothing fails. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ConcurrentVotingTest {

    @Parameter
    TestDatabase kind;

    private static final int THREADS = 8;
    private static final int VOTES_PER_THREAD = 2_000;
    private static final int VOTERS_PER_THREAD = 25;

    @TempDir
    Path dir;

    @Test
    void countsEqualTheLastAnswerOfEveryVoterInEveryCell() throws Exception {
        try (Database database = Database.open(kind.create(dir), DatabaseSettings.defaults())) {
            // given
            SqlPollStore store = new SqlPollStore(database, Clock.systemUTC());
            Poll poll = Commits.create(store, TestPolls.newPoll());
            List<CellKey> cells = poll.definition().cells();

            // when: each thread votes for its own voters; readers count meanwhile
            ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean voting = new AtomicBoolean(true);
            List<Future<Map<String, Answer>>> voters = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                voters.add(pool.submit(voter(store, poll.id(), cells, thread, start)));
            }
            Future<Integer> reader = pool.submit(reader(store, poll.id(), start, voting));
            start.countDown();
            Map<String, Answer> lastAnswers = new HashMap<>();
            for (Future<Map<String, Answer>> thread : voters) {
                lastAnswers.putAll(thread.get(5, TimeUnit.MINUTES));
            }
            voting.set(false);
            int reads = reader.get(1, TimeUnit.MINUTES);
            pool.shutdown();

            // then
            assertThat(store.counts(poll.id())).containsExactlyElementsOf(expectedCounts(lastAnswers, cells, poll));
            assertThat(store.voterCount(poll.id())).isEqualTo(THREADS * VOTERS_PER_THREAD);
            assertThat(reads).isPositive();
        }
    }

    /** Votes from a seeded generator; returns each "voter|field|factor" with the answer it gave last. */
    private static Callable<Map<String, Answer>> voter(
            SqlPollStore store, long pollId, List<CellKey> cells, int thread, CountDownLatch start) {
        return () -> {
            Random random = new Random(1_000 + thread);
            Map<String, Answer> last = new HashMap<>();
            start.await();
            Instant at = TestPolls.CREATED;
            for (int vote = 0; vote < VOTES_PER_THREAD; vote++) {
                String voterId = "t" + thread + "-voter-" + random.nextInt(VOTERS_PER_THREAD);
                CellKey cell = cells.get(random.nextInt(cells.size()));
                Answer answer = random.nextInt(10) == 0 ? Answer.DONT_KNOW : Answer.score(1 + random.nextInt(5));
                at = at.plusMillis(1);
                Commits.save(store, pollId, voterId, Map.of(cell, answer), at);
                last.put(voterId + "|" + cell.field() + "|" + cell.factor(), answer);
            }
            return last;
        };
    }

    private static Callable<Integer> reader(
            SqlPollStore store, long pollId, CountDownLatch start, AtomicBoolean voting) {
        return () -> {
            start.await();
            int reads = 0;
            while (voting.get()) {
                store.counts(pollId);
                store.voterCount(pollId);
                reads++;
            }
            return reads;
        };
    }

    private static List<CellCounts> expectedCounts(Map<String, Answer> lastAnswers, List<CellKey> cells, Poll poll) {
        Scale scale = poll.definition().scale();
        Map<CellKey, int[]> histograms = new LinkedHashMap<>();
        Map<CellKey, Integer> dontKnows = new HashMap<>();
        lastAnswers.forEach((key, answer) -> {
            String[] parts = key.split("\\|");
            CellKey cell = new CellKey(parts[1], parts[2]);
            int[] histogram = histograms.computeIfAbsent(cell, unused -> new int[scale.points()]);
            if (answer instanceof Answer.Score score) {
                histogram[score.value() - scale.min()]++;
            } else {
                dontKnows.merge(cell, 1, Integer::sum);
            }
        });
        return cells.stream()
                .filter(histograms::containsKey)
                .map(cell -> new CellCounts(cell, histograms.get(cell), dontKnows.getOrDefault(cell, 0)))
                .toList();
    }
}
