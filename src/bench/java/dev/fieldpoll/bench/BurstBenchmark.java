package dev.fieldpoll.bench;

import dev.fieldpoll.bot.BotCommand;
import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.PollBot;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A burst as a busy channel causes it: 1,000 votes from 60 members handed to {@link PollBot} at the
 * same moment, as the adapters hand them over (no thread waits for a commit), on a real SQLite file
 * with the default durability. The time measured is from the first vote handed over to the last
 * answer — every one "Saved", so on disk. Discord wants each first response within 3 s. The rate
 * limit is lifted: the burst measures the pipeline, not the limiter, which would refuse 17 votes a
 * member in a moment.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BurstBenchmark {

    static final int VOTES = 1_000;
    static final int MEMBERS = 60;

    private BenchPoll poll;
    private PollBot bot;
    private List<CellKey> cells;
    private int burst;
    private List<Caller> members;

    @Setup
    public void openPoll() {
        poll = BenchPoll.create(
                BenchDatabase.SQLITE,
                null,
                Map.of("FIELDPOLL_RATE_PER_MINUTE", "1000000", "FIELDPOLL_RATE_BURST", "1000000"));
        bot = poll.wiring().bot();
        cells = poll.poll().definition().cells();
    }

    /** Sixty members not seen before, so each burst writes new ballots. */
    @Setup(Level.Invocation)
    public void newMembers() {
        int number = burst++;
        members = new ArrayList<>();
        for (int member = 0; member < MEMBERS; member++) {
            members.add(new Caller(
                    Platform.DISCORD, BenchPoll.WORKSPACE, BenchPoll.CHANNEL, "b" + number + "-m" + member, false));
        }
    }

    @TearDown
    public void deletePoll() {
        poll.close();
    }

    @Benchmark
    public int thousandVotesFrom60Members() {
        List<CompletableFuture<BotReply>> answers = new ArrayList<>(VOTES);
        for (int vote = 0; vote < VOTES; vote++) {
            int member = vote % MEMBERS;
            int round = vote / MEMBERS;
            CellKey cell = cells.get((member + round) % cells.size());
            answers.add(bot.handle(
                            members.get(member),
                            new BotCommand.SetAnswers(
                                    poll.poll().id(), Map.of(cell, Integer.toString(1 + (member + round) % 5))))
                    .toCompletableFuture());
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        for (CompletableFuture<BotReply> answer : answers) {
            if (!(answer.join() instanceof BotReply.VoteSaved)) {
                throw new IllegalStateException("a vote of the burst was not saved: " + answer.join());
            }
        }
        return answers.size();
    }
}
