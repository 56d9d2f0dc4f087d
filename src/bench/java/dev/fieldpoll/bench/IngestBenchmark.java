package dev.fieldpoll.bench;

import dev.fieldpoll.bot.BotCommand;
import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.PollBot;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Platform;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Vote ingest as members cause it: one answer per {@link PollBot#handle} call, the way a ballot
 * UI sends it, on a real SQLite file with the default durability, or on PostgreSQL with
 * {@code --database}. Each JMH thread is a member filling in the 20 cells of a ballot, then the
 * next member; C threads are C members at once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class IngestBenchmark {

    /** sqlite, or postgresql (the server of --database) */
    @Param({BenchDatabase.SQLITE})
    public String database;

    private final AtomicInteger memberSlots = new AtomicInteger();
    private BenchPoll poll;
    private PollBot bot;
    private List<CellKey> cells;

    @Setup
    public void openPoll() {
        poll = BenchPoll.create(database, null);
        bot = poll.wiring().bot();
        cells = poll.poll().definition().cells();
    }

    @TearDown
    public void deletePoll() {
        poll.close();
    }

    /** One member slot per thread: members that come one after another. */
    @State(Scope.Thread)
    public static class Members {

        private int slot;
        private long votes;

        @Setup
        public void takeSlot(IngestBenchmark benchmark) {
            slot = benchmark.memberSlots.getAndIncrement();
        }
    }

    @Benchmark
    @Threads(1)
    public BotReply voteBy1Member(Members members) {
        return vote(members);
    }

    @Benchmark
    @Threads(16)
    public BotReply voteBy16Members(Members members) {
        return vote(members);
    }

    @Benchmark
    @Threads(64)
    public BotReply voteBy64Members(Members members) {
        return vote(members);
    }

    private BotReply vote(Members members) {
        long vote = members.votes++;
        String member = "m" + members.slot + "-" + vote / cells.size();
        CellKey cell = cells.get((int) (vote % cells.size()));
        Caller caller = new Caller(Platform.DISCORD, BenchPoll.WORKSPACE, BenchPoll.CHANNEL, member, false);
        BotReply reply = bot.handle(
                        caller,
                        new BotCommand.SetAnswers(
                                poll.poll().id(), Map.of(cell, Integer.toString(1 + (int) (vote % 5)))))
                .toCompletableFuture()
                .join();
        if (!(reply instanceof BotReply.VoteSaved)) {
            throw new IllegalStateException("the vote was not saved: " + reply);
        }
        return reply;
    }
}
