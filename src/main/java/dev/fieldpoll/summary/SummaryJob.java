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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each channel's weekly summary once per period. Called every minute: a run due now is
 * claimed in the database (so two processes never both post it), built, published with retries,
 * marked posted, and snapshotted for next week's movement. A run missed by less than a day (the
 * bot was down) is posted late with a note; an older one is skipped.
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

    public SummaryJob(
            SummaryStore summaries,
            PollStore polls,
            SummaryBuilder builder,
            SummaryPublisher publisher,
            Clock clock,
            Backoff backoff) {
        this.summaries = summaries;
        this.polls = polls;
        this.builder = builder;
        this.publisher = publisher;
        this.clock = clock;
        this.backoff = backoff;
    }

    /** Posts every due summary; one channel's failure never stops another's. Returns how many were posted. */
    public int runDue() {
        int posted = 0;
        for (Schedule schedule : summaries.schedules()) {
            try {
                posted += runIfDue(schedule) ? 1 : 0;
            } catch (RuntimeException failure) {
                log.error(
                        "Summary for {} channel {} failed; it is retried once its claim lapses: {}",
                        schedule.workspace().platform(),
                        schedule.channelId(),
                        failure.toString());
            }
        }
        return posted;
    }

    private boolean runIfDue(Schedule schedule) {
        Instant now = clock.instant();
        ScheduledRun run = schedule.latestRunAtOrBefore(now);
        boolean owed =
                !run.at().isBefore(schedule.since()) && !now.isAfter(run.at().plus(CATCH_UP));
        if (!owed || !summaries.claimRun(schedule, run.period(), now, LEASE)) {
            return false;
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
        backoff.run("Posting the summary to channel " + schedule.channelId(), () -> publisher.publish(summary));
        summaries.markPosted(schedule, run.period(), clock.instant());
        summary.polls()
                .forEach(poll -> summaries.saveSnapshot(
                        SummaryBuilder.snapshotOf(poll.report().poll().id(), poll, summary.createdAt())));
        log.info(
                "Posted the summary of {} to {} channel {}",
                run.period(),
                schedule.workspace().platform(),
                schedule.channelId());
        return true;
    }

    /** Posts a summary right away (an admin asked); it does not count as the week's run. */
    public ChannelSummary postNow(Workspace workspace, String channelId, ZoneId zone) {
        Instant now = clock.instant();
        ChannelSummary summary = summarize(
                        workspace,
                        channelId,
                        now.atZone(zone).toLocalDate(),
                        now.minus(Duration.ofDays(7)),
                        Optional.empty())
                .onDemand();
        backoff.run("Posting a summary to channel " + channelId, () -> publisher.publish(summary));
        return summary;
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
