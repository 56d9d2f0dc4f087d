package dev.fieldpoll.summary;

import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts one closing-soon reminder per poll, {@code lead} before it closes (a zero lead turns
 * reminders off). The claim comes first, so a reminder is never posted twice; a failed post is
 * logged and not repeated, which is the right side to err on for a nudge.
 */
public final class ReminderJob {

    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

    private final ReminderStore reminders;
    private final PollStore polls;
    private final ReminderPublisher publisher;
    private final Clock clock;
    private final Duration lead;
    private final Backoff backoff;

    public ReminderJob(
            ReminderStore reminders,
            PollStore polls,
            ReminderPublisher publisher,
            Clock clock,
            Duration lead,
            Backoff backoff) {
        this.reminders = reminders;
        this.polls = polls;
        this.publisher = publisher;
        this.clock = clock;
        this.lead = lead;
        this.backoff = backoff;
    }

    /** Returns how many reminders were posted. */
    public int runDue() {
        if (lead.isZero()) {
            return 0;
        }
        Instant now = clock.instant();
        int posted = 0;
        for (long pollId : reminders.owedBetween(now, now.plus(lead))) {
            try {
                posted += remind(pollId, now) ? 1 : 0;
            } catch (RuntimeException failure) {
                log.error("The closing reminder of poll {} failed: {}", pollId, failure.toString());
            }
        }
        return posted;
    }

    private boolean remind(long pollId, Instant now) {
        Optional<Poll> poll = polls.findById(pollId);
        if (poll.isEmpty() || !poll.get().isOpenAt(now) || !reminders.claim(pollId, now)) {
            return false;
        }
        ClosingReminder reminder = new ClosingReminder(poll.get(), polls.voterCount(pollId));
        backoff.run("Posting the closing reminder of poll " + pollId, () -> publisher.remind(reminder));
        return true;
    }
}
