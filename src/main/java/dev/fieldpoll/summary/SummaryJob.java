package dev.fieldpoll.summary;

import dev.fieldpoll.poll.PollStore;
import dev.fieldpoll.poll.Workspace;
import dev.fieldpoll.summary.Schedule.ScheduledRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each channel's weekly summary once per period. Called every minute: a run due now is
 * claimed in the database (so two processes never both post it), built, published with retries
 * (rescheduled, never slept), marked posted, and snapshotted for next week's movement. A run missed
 * by less than a day (the bot was down) is posted late with a note; an older one is skipped.
 * Thread-safe: it keeps no state of its own; the store serialises the claims.
 */
public final class SummaryJob {

    public static final Duration CATCH_UP = Duration.ofDays(1);
    static final Duration LATE_AFTER = Duration.ofMinutes(5);
    static final Duration LEASE = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(SummaryJob.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE HH:mm z", Locale.ENGLISH);

    private final SummaryStore summaries;
    private final PollStore polls;
    private final SummaryBuilder builder;
    private final SummaryPublisher publisher;
    private final Clock clock;
    private final Backoff backoff;
    private final Executor worker;

    /** {@code worker} builds and first sends a summary asked for now: the jobs' thread. */
    public SummaryJob(
            SummaryStore summaries,
            PollStore polls,
            SummaryBuilder builder,
            SummaryPublisher publisher,
            Clock clock,
            Backoff backoff,
            Executor worker) {
        this.summaries = summaries;
        this.polls = polls;
        this.builder = builder;
        this.publisher = publisher;
        this.clock = clock;
        this.backoff = backoff;
        this.worker = worker;
    }

    /**
     * Posts every due summary; one channel's failure never stops another's. Never waits for a retry:
     * the stage completes with how many were posted once every due run is posted or has given up.
     */
    public CompletionStage<Integer> runDue() {
        List<CompletableFuture<Boolean>> runs = new ArrayList<>();
        for (Schedule schedule : summaries.schedules()) {
            runs.add(guarded(schedule, () -> runIfDue(schedule)));
        }
        return CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).thenApply(unused ->
                (int) runs.stream().filter(CompletableFuture::join).count());
    }

    private static CompletableFuture<Boolean> guarded(Schedule schedule, Supplier<CompletableFuture<Boolean>> run) {
        CompletableFuture<Boolean> started;
        try {
            started = run.get();
        } catch (RuntimeException failure) {
            started = CompletableFuture.failedFuture(failure);
        }
        return started.exceptionally(failure -> {
            log.error(
                    "Summary for {} channel {} failed; it is retried once its claim lapses",
                    schedule.workspace().platform(),
                    schedule.channelId(),
                    failure);
            return false;
        });
    }

    private CompletableFuture<Boolean> runIfDue(Schedule schedule) {
        Instant now = clock.instant();
        ScheduledRun run = schedule.latestRunAtOrBefore(now);
        boolean owed =
                !run.at().isBefore(schedule.since()) && !now.isAfter(run.at().plus(CATCH_UP));
        if (!owed || !summaries.claimRun(schedule, run.period(), now, LEASE)) {
            return CompletableFuture.completedFuture(false);
        }
        Optional<String> lateNote = now.isAfter(run.at().plus(LATE_AFTER))
                ? Optional.of("Posted late: fieldpoll was offline at the scheduled time ("
                        + WHEN.format(run.at().atZone(schedule.zone())) + ").")
                : Optional.empty();
        ChannelSummary summary = summarize(
                schedule.workspace(),
                schedule.channelId(),
                run.period(),
                run.at().minus(Duration.ofDays(7)),
                lateNote);
        return publish("Posting the summary to channel " + schedule.channelId(), summary)
                .thenApply(unused -> {
                    summaries.markPosted(schedule, run.period(), clock.instant());
                    summary.polls()
                            .forEach(poll -> summaries.saveSnapshot(SummaryBuilder.snapshotOf(
                                    poll.report().poll().id(), poll, summary.createdAt())));
                    log.info(
                            "Posted the summary of {} to {} channel {}",
                            run.period(),
                            schedule.workspace().platform(),
                            schedule.channelId());
                    return true;
                });
    }

    /**
     * Posts a summary right away (an admin asked), built and first sent on the jobs' thread; it does
     * not count as the week's run. Completes with the summary once it is posted, or fails once the
     * retries are used up.
     */
    public CompletionStage<ChannelSummary> postNow(Workspace workspace, String channelId, ZoneId zone) {
        return CompletableFuture.supplyAsync(
                        () -> {
                            Instant now = clock.instant();
                            return summarize(
                                            workspace,
                                            channelId,
                                            now.atZone(zone).toLocalDate(),
                                            now.minus(Duration.ofDays(7)),
                                            Optional.empty())
                                    .onDemand();
                        },
                        worker)
                .thenCompose(summary -> publish("Posting a summary to channel " + channelId, summary)
                        .thenApply(unused -> summary));
    }

    /** Every attempt reads the parts delivered anew: a retry resumes after them, even after a restart. */
    private CompletableFuture<Void> publish(String what, ChannelSummary summary) {
        return backoff.run(what, () -> {
            SummaryParts parts = SummaryParts.of(summaries, summary.key(), clock);
            publisher.publish(summary, parts);
            parts.complete();
        });
    }

    /** Open polls of the channel, and those that closed since {@code since}. */
    public ChannelSummary summarize(
            Workspace workspace, String channelId, LocalDate period, Instant since, Optional<String> lateNote) {
        Instant now = clock.instant();
        List<PollSummary> included = polls.listInChannel(workspace, channelId).stream()
                .filter(poll ->
                        poll.endedAt(now).map(ended -> ended.isAfter(since)).orElse(true))
                .map(poll -> builder.build(poll, now, period))
                .toList();
        return new ChannelSummary(workspace, channelId, period, now, lateNote, included);
    }
}
