package dev.fieldpoll.bench;

import dev.fieldpoll.bot.BotCommand;
import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.PollBot;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.PollRef;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady load for as long as asked: votes through {@link PollBot} at a fixed rate (each its own
 * member's answer, on a pool of {@value #MEMBERS_AT_ONCE} threads, so a slow commit never slows the
 * schedule), plus the full report every few seconds, on a real SQLite file with the default
 * durability. Once a minute it prints the heap after a full collection, the resident memory,
 * the 99th percentile of vote latency in that minute, and the errors so far: a flat heap is the bar.
 * Thread-safe: the counters are atomic and the latency window is guarded by its own monitor.
 */
final class SoakRun {

    private static final int MEMBERS_AT_ONCE = 16;
    private static final Duration PRINT_EVERY = Duration.ofMinutes(1);

    private final Duration duration;
    private final int votesPerSecond;
    private final Duration reportEvery;
    private final PrintWriter out;
    private final AtomicLong votes = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong reports = new AtomicLong();
    private final AtomicLong lastReportNanos = new AtomicLong();
    private final LatencyWindow latencies = new LatencyWindow();

    private final Path folder;

    /** {@code folder}: where the soak's database goes (null: the system's temporary folder). */
    SoakRun(Duration duration, int votesPerSecond, Duration reportEvery, Path folder, PrintWriter out) {
        if (votesPerSecond < 1 || duration.isNegative() || duration.isZero() || reportEvery.isZero()) {
            throw new IllegalArgumentException("the soak needs a duration, a rate and a report interval above zero");
        }
        this.duration = duration;
        this.votesPerSecond = votesPerSecond;
        this.reportEvery = reportEvery;
        this.folder = folder;
        this.out = out;
    }

    /** Runs for the whole duration, then stops by itself; returns the number of errors. */
    long run() throws InterruptedException {
        try (BenchPoll poll = BenchPoll.create(folder)) {
            PollBot bot = poll.wiring().bot();
            List<CellKey> cells = poll.poll().definition().cells();
            ExecutorService members = Executors.newFixedThreadPool(MEMBERS_AT_ONCE);
            ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
            long start = System.nanoTime();
            out.printf(
                    Locale.ROOT,
                    "Soak: %d votes/s through PollBot, a full report every %d s, for %s; database %s%n",
                    votesPerSecond,
                    reportEvery.toSeconds(),
                    duration,
                    poll.file());
            out.printf(
                    Locale.ROOT,
                    "%6s %10s %9s %10s %7s %18s %8s %8s %10s%n",
                    "minute",
                    "votes",
                    "votes/s",
                    "p99 ms",
                    "errors",
                    "heap after GC MB",
                    "RSS MB",
                    "reports",
                    "report ms");
            out.flush();
            long period = Math.max(1, 1_000_000_000L / votesPerSecond);
            clock.scheduleAtFixedRate(
                    () -> members.execute(() -> vote(bot, poll, cells)), 0, period, TimeUnit.NANOSECONDS);
            clock.scheduleWithFixedDelay(
                    () -> report(bot), reportEvery.toNanos(), reportEvery.toNanos(), TimeUnit.NANOSECONDS);
            long minutes = Math.max(1, duration.toMinutes());
            for (long minute = 1; minute <= minutes; minute++) {
                long due = start + PRINT_EVERY.toNanos() * minute;
                long end = start + duration.toNanos();
                TimeUnit.NANOSECONDS.sleep(Math.max(0, Math.min(due, end) - System.nanoTime()));
                print(minute, start);
            }
            clock.shutdownNow();
            members.shutdown();
            members.awaitTermination(1, TimeUnit.MINUTES);
        }
        out.printf(
                Locale.ROOT, "Soak done: %d votes, %d reports, %d errors%n", votes.get(), reports.get(), errors.get());
        out.flush();
        return errors.get();
    }

    private void vote(PollBot bot, BenchPoll poll, List<CellKey> cells) {
        long vote = votes.getAndIncrement();
        String member = "soak-" + vote / cells.size();
        CellKey cell = cells.get((int) (vote % cells.size()));
        Caller caller = new Caller(Platform.DISCORD, BenchPoll.WORKSPACE, BenchPoll.CHANNEL, member, false);
        long began = System.nanoTime();
        try {
            BotReply reply = bot.handle(
                            caller,
                            new BotCommand.SetAnswers(
                                    poll.poll().id(), Map.of(cell, Integer.toString(1 + (int) (vote % 5)))))
                    .toCompletableFuture()
                    .join();
            if (!(reply instanceof BotReply.VoteSaved)) {
                errors.incrementAndGet();
            }
        } catch (RuntimeException failure) {
            errors.incrementAndGet();
        } finally {
            latencies.add(System.nanoTime() - began);
        }
    }

    private void report(PollBot bot) {
        Caller admin = new Caller(Platform.DISCORD, BenchPoll.WORKSPACE, BenchPoll.CHANNEL, "admin", true);
        long began = System.nanoTime();
        try {
            BotReply reply = bot.handle(admin, new BotCommand.Results(PollRef.CHANNEL_DEFAULT, false))
                    .toCompletableFuture()
                    .join();
            if (!(reply instanceof BotReply.ResultsView)) {
                errors.incrementAndGet();
            }
        } catch (RuntimeException failure) {
            errors.incrementAndGet();
        } finally {
            lastReportNanos.set(System.nanoTime() - began);
            reports.incrementAndGet();
        }
    }

    private void print(long minute, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        // A full collection first, so the heap figure is what survives, not what waits to be collected.
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        out.printf(
                Locale.ROOT,
                "%6d %10d %9.1f %10.1f %7d %18.1f %8.0f %8d %10.0f%n",
                minute,
                votes.get(),
                votes.get() / seconds,
                latencies.takeP99Nanos() / 1e6,
                errors.get(),
                heap / (1024.0 * 1024.0),
                StartupProbe.rssKib(ProcessHandle.current().pid()) / 1024.0,
                reports.get(),
                lastReportNanos.get() / 1e6);
        out.flush();
    }

    /** The latencies of the current minute; taking the percentile starts a new minute. */
    private static final class LatencyWindow {

        private long[] nanos = new long[1024];
        private int size;

        synchronized void add(long latency) {
            if (size == nanos.length) {
                nanos = Arrays.copyOf(nanos, size * 2);
            }
            nanos[size++] = latency;
        }

        synchronized double takeP99Nanos() {
            if (size == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(nanos, size);
            Arrays.sort(sorted);
            size = 0;
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)];
        }
    }
}
