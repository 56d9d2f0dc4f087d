package dev.fieldpoll.bench;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The floor for {@link IngestBenchmark}: the same answers as bare JDBC upserts, one row per
 * transaction, on the same schema with the same durability. One thread: SQLite has one writer,
 * so more threads only queue for it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FloorBenchmark extends BareUpsertsBenchmark {

    @Benchmark
    @Threads(1)
    public long singleRowUpsert() {
        long vote = votes++;
        upserts.upsert(
                poll.poll().id(),
                "m0-" + vote / cells.size(),
                cells.get((int) (vote % cells.size())),
                1 + (int) (vote % 5),
                Instant.now());
        return vote;
    }
}
