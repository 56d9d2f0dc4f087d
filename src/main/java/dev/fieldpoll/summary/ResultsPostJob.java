package dev.fieldpoll.summary;

import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each closed poll's results in its channel, once. Told of every closing (by a command, by
 * time, or found at start after fieldpoll was down), it claims the post in the database (so two
 * processes never both post it), builds the final results, publishes them with retries
 * (rescheduled, never slept) and records the post and its link; the poll's message is then redrawn
 * so its Results button leads there. A post made well after the close says it is late. Every
 * minute it also takes over posts that failed or whose process died ({@link #runDue}).
 * Thread-safe: it keeps no state of its own; the store serialises the claims.
 */
public final class ResultsPostJob {

    static final Duration LEASE = Duration.ofMinutes(15);
    /** A post made this long after its poll closed says it is late. */
    static final Duration LATE_AFTER = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(ResultsPostJob.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM HH:mm z", Locale.ENGLISH);

    private final ResultsPostStore posts;
    private final PollStore polls;
    private final SummaryBuilder builder;
    private final ResultsPublisher publisher;
    private final Clock clock;
    private final ZoneId zone;
    private final Backoff backoff;
    private final Executor worker;
    private final boolean enabled;
    private final Consumer<Poll> posted;

    /**
     * {@code worker} builds and first sends each post (the jobs' thread); {@code enabled} is
     * polls.post-results-at-close; {@code posted} hears of each poll whose post is complete.
     */
    public ResultsPostJob(
            ResultsPostStore posts,
            PollStore polls,
            SummaryBuilder builder,
            ResultsPublisher publisher,
            Clock clock,
            ZoneId zone,
            Backoff backoff,
            Executor worker,
            boolean enabled,
            Consumer<Poll> posted) {
        this.posts = posts;
        this.polls = polls;
        this.builder = builder;
        this.publisher = publisher;
        this.clock = clock;
        this.zone = zone;
        this.backoff = backoff;
        this.worker = worker;
        this.enabled = enabled;
        this.posted = posted;
    }

    /**
     * The poll closed: its results are posted, on the worker. Completes with true once this call
     * posted them; false when another claim holds them or none is owed. Never fails: a failure is
     * logged, and the post is taken over once its claim lapses.
     */
    public CompletableFuture<Boolean> pollClosed(Poll poll) {
        return CompletableFuture.supplyAsync(() -> claimAndPost(poll.id()), worker)
                .thenCompose(started -> started)
                .exceptionally(failure -> {
                    log.error(
                            "The results post of poll {} failed; it is retried once its claim lapses",
                            poll.id(),
                            failure);
                    return false;
                });
    }

    /** Takes over every post that is owed and no longer claimed; completes with how many it posted. */
    public CompletableFuture<Integer> runDue() {
        CompletableFuture<Integer> total = CompletableFuture.completedFuture(0);
        for (long pollId : posts.owed(clock.instant(), LEASE)) {
            Optional<Poll> poll = polls.findById(pollId);
            if (poll.isPresent()) {
                CompletableFuture<Boolean> one = pollClosed(poll.get());
                total = total.thenCombine(one, (sum, done) -> sum + (done ? 1 : 0));
            }
        }
        return total;
    }

    private CompletableFuture<Boolean> claimAndPost(long pollId) {
        Instant now = clock.instant();
        Optional<Poll> found = polls.findById(pollId);
        if (found.isEmpty()
                || found.get().isOpenAt(now)
                || !publisher.reaches(found.get().workspace().platform())
                || !posts.claim(pollId, now, LEASE)) {
            return CompletableFuture.completedFuture(false);
        }
        Poll poll = found.get();
        if (!enabled || !poll.announce()) {
            // polls.post-results-at-close: false, or announce:off on this poll: the claim is done, nothing sent
            posts.markPosted(pollId, now, Optional.empty());
            return CompletableFuture.completedFuture(false);
        }
        ResultsPost post = new ResultsPost(
                poll,
                builder.buildFinal(poll, now.atZone(zone).toLocalDate()),
                lateNote(poll, now),
                polls.messageId(pollId));
        AtomicReference<Optional<String>> link = new AtomicReference<>(Optional.empty());
        return backoff.run("Posting the results of poll " + pollId, () -> {
                    SummaryParts parts = SummaryParts.of(posts, pollId, clock);
                    link.set(publisher.publish(post, parts));
                    parts.complete();
                })
                .thenApply(unused -> {
                    posts.markPosted(pollId, clock.instant(), link.get());
                    log.info(
                            "Posted the results of poll {} to {} channel {}{}",
                            pollId,
                            poll.workspace().platform(),
                            poll.channelId(),
                            post.lateNote().isPresent() ? " (late)" : "");
                    posted.accept(poll);
                    return true;
                });
    }

    private Optional<String> lateNote(Poll poll, Instant now) {
        return poll.endedAt(now)
                .filter(ended -> now.isAfter(ended.plus(LATE_AFTER)))
                .map(ended -> "Posted late: fieldpoll was offline when this poll closed ("
                        + WHEN.format(ended.atZone(zone)) + ").");
    }
}
