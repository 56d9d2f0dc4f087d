package dev.fieldpoll.summary;

import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollLifecycleStore;
import dev.fieldpoll.poll.PollStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts one closing-soon reminder per poll, {@code lead} before it closes (a zero lead turns
 * reminders off). The claim comes first, so a reminder is never posted twice; a failed post is
 * retried with backoff (rescheduled, never slept) and then logged, not repeated, which is the right
 * side to err on for a nudge. Thread-safe: it keeps no state of its own.
 */
public final class ReminderJob {

    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

    private final ReminderStore reminders;
    private final PollStore polls;
    private final PollLifecycleStore ballots;
    private final ReminderPublisher publisher;
    private final Clock clock;
    private final Duration lead;
    private final Backoff backoff;

    public ReminderJob(
            ReminderStore reminders,
            PollStore polls,
            PollLifecycleStore ballots,
            ReminderPublisher publisher,
            Clock clock,
            Duration lead,
            Backoff backoff) {
        this.reminders = reminders;
        this.polls = polls;
        this.ballots = ballots;
        this.publisher = publisher;
        this.clock = clock;
        this.lead = lead;
        this.backoff = backoff;
    }

    /** Completes with how many reminders were posted, once each has been posted or has given up. */
    public CompletionStage<Integer> runDue() {
        if (lead.isZero()) {
            return CompletableFuture.completedFuture(0);
        }
        Instant now = clock.instant();
        List<CompletableFuture<Boolean>> reminded = new ArrayList<>();
        for (long pollId : reminders.owedBetween(now, now.plus(lead))) {
            CompletableFuture<Boolean> posting;
            try {
                posting = remind(pollId, now);
            } catch (RuntimeException failure) {
                posting = CompletableFuture.failedFuture(failure);
            }
            reminded.add(posting.exceptionally(failure -> {
                log.error("The closing reminder of poll {} failed", pollId, failure);
                return false;
            }));
        }
        return CompletableFuture.allOf(reminded.toArray(CompletableFuture[]::new))
                .thenApply(unused ->
                        (int) reminded.stream().filter(CompletableFuture::join).count());
    }

    private CompletableFuture<Boolean> remind(long pollId, Instant now) {
        Optional<Poll> poll = polls.findById(pollId);
        if (poll.isEmpty()
                || !poll.get().isOpenAt(now)
                || !publisher.reaches(poll.get().workspace())
                || !reminders.claim(pollId, now)) {
            return CompletableFuture.completedFuture(false);
        }
        return post(poll.get());
    }

    /**
     * Posts the poll's closing reminder now ({@code /poll remind}, an admin's request), with the
     * participation as it is; the one owed before its close counts as sent. Completes once posted,
     * exceptionally when every retry failed.
     */
    public CompletableFuture<Boolean> remindNow(Poll poll) {
        reminders.claim(poll.id(), clock.instant());
        return post(poll);
    }

    private CompletableFuture<Boolean> post(Poll poll) {
        long pollId = poll.id();
        ClosingReminder reminder = new ClosingReminder(
                poll,
                polls.voterCount(pollId),
                ballots.completeBallots(pollId, poll.definition().cellCount()));
        return backoff.run("Posting the closing reminder of poll " + pollId, () -> publisher.remind(reminder))
                .thenApply(unused -> true);
    }
}
