package dev.fieldpoll.bench;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollStore;
import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.report.ReportBuilder;
import dev.fieldpoll.report.ReportInput;
import dev.fieldpoll.report.ReportService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A report from the database, as the bot makes one when a vote changed its poll: every stored
 * answer read in one pass ({@code readBallots}, what the database does), then the full report built
 * from them ({@code readAndReport}), on SQLite or, with {@code --database}, on PostgreSQL. The poll
 * holds complete ballots of the AI-safety template (20 cells, 5% don't know), stored through the
 * store as members' votes are.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DatabaseReportBenchmark {

    private static final int WRITERS = 16;

    /** sqlite, or postgresql (the server of --database) */
    @Param({BenchDatabase.SQLITE})
    public String database;

    @Param({"1000", "10000"})
    public int voters;

    private BenchPoll poll;
    private ReportService reports;
    private final ReportBuilder builder = new ReportBuilder();

    @Setup
    public void fillPoll() throws Exception {
        poll = BenchPoll.create(database, null);
        reports = poll.wiring().reports();
        store(
                poll.wiring().store(),
                poll.poll(),
                SyntheticPolls.ballots(poll.poll().definition(), voters, 42));
    }

    @TearDown
    public void deletePoll() {
        poll.close();
    }

    /** Each member's ballot in one call, from several threads at once, so that their commits are shared. */
    private static void store(PollStore store, Poll poll, List<Map<CellKey, Answer>> ballots) throws Exception {
        ExecutorService members = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> saved = new ArrayList<>();
            for (int voter = 0; voter < ballots.size(); voter++) {
                String member = "member-" + voter;
                Map<CellKey, Answer> ballot = ballots.get(voter);
                saved.add(members.submit(() -> store.changeAnswers(poll.id(), member, ballot, List.of(), Instant.now())
                        .toCompletableFuture()
                        .join()));
            }
            for (Future<?> vote : saved) {
                vote.get();
            }
        } finally {
            members.shutdown();
        }
    }

    @Benchmark
    public ReportInput readBallots() {
        return reports.inputFor(poll.poll());
    }

    @Benchmark
    public PollReport readAndReport() {
        return builder.build(reports.inputFor(poll.poll()));
    }
}
