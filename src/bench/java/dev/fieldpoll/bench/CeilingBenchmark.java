package dev.fieldpoll.bench;

import dev.fieldpoll.store.BareUpserts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The ceiling for {@link IngestBenchmark}: what an ideal group commit of 64 members could do. The
 * same answers as bare JDBC upserts, {@value #BATCH} per transaction from one thread, on the same
 * schema with the same durability: no bot, no queue, no thread hand-over. Times are per upsert.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CeilingBenchmark extends BareUpsertsBenchmark {

    static final int BATCH = 64;

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(BATCH)
    public long batchOf64Upserts() {
        List<BareUpserts.Row> rows = new ArrayList<>(BATCH);
        long pollId = poll.poll().id();
        for (int member = 0; member < BATCH; member++) {
            long vote = votes++;
            rows.add(new BareUpserts.Row(
                    pollId,
                    "m" + member + "-" + vote / (cells.size() * BATCH),
                    cells.get((int) (vote / BATCH % cells.size())),
                    1 + (int) (vote % 5)));
        }
        upserts.upsertAll(rows, Instant.now());
        return votes;
    }
}
