package dev.fieldpoll.bench;

import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.store.BareUpserts;
import java.util.List;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the floor and the ceiling share: a migrated benchmark poll whose bot is closed, written to
 * by bare JDBC upserts from one thread (JMH runs setup, benchmark and teardown on that thread).
 */
public abstract class BareUpsertsBenchmark {

    BenchPoll poll;
    BareUpserts upserts;
    List<CellKey> cells;
    long votes;

    @Setup
    public void openPoll() {
        poll = BenchPoll.create();
        cells = poll.poll().definition().cells();
        poll.wiring().close();
        upserts = BareUpserts.open(poll.file());
    }

    @TearDown
    public void deletePoll() {
        upserts.close();
        poll.close();
    }
}
