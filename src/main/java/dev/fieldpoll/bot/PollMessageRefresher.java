package dev.fieldpoll.bot;

import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollMessageLocks;
import dev.fieldpoll.poll.PollStore;
import dev.fieldpoll.poll.ResultsVisibility;
import dev.fieldpoll.report.ReportService;
import dev.fieldpoll.summary.ResultsPostStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one layer that keeps poll messages current, on every platform. {@link PollBot} says what
 * changed; this decides what to redraw and when; the platform's {@link PollMessagePublisher} only
 * renders and sends.
 *
 * <ul>
 *   <li>Votes: a redraw within one interval of the platform (debounced: a burst of votes is one
 *       edit, and the last vote always shows, because a redraw reads the poll when it runs).
 *   <li>A message someone deleted, or one never posted (the bot was not in the channel yet), is
 *       posted at the next redraw.
 *   <li>Closing, by a command or by the close time (a timer at the next close, and a check every
 *       minute and at start that also finds polls that closed while fieldpoll was down): handled
 *       once, claimed in the database: the message is redrawn as closed and every {@link
 *       PollClosedListener} hears of it. Closings wait for a process that draws the poll's messages (its platform connected; on Discord, the
 *       process running the shard of its guild).
 *   <li>A platform that disconnects (shutdown) gets its pending redraws first.
 *   <li>Several processes on one database: a redraw runs while no other process redraws the same
 *       poll ({@link PollMessageLocks}); one that finds it busy draws again a moment later, so
 *       edits never cross and the newest state is drawn last.
 * </ul>
 *
 * <p>Thread-safe: what is pending and connected lives in concurrent maps, and every store read,
 * write and platform call runs on the refresher's one thread.
 */
public final class PollMessageRefresher implements AutoCloseable {

    /** A closing claimed by a process that died is taken over after this. */
    static final Duration CLOSING_LEASE = Duration.ofMinutes(10);
    /** Past a close time, the check waits this long, so the poll is surely closed when read. */
    private static final Duration AFTER_CLOSE = Duration.ofSeconds(1);

    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(10);
    /** Another process is redrawing the poll: its redraw is this long at most, so draw again after it. */
    static final Duration LOCKED_RETRY = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(PollMessageRefresher.class);

    private record Connection(PollMessagePublisher publisher, Duration interval) {}

    private final PollStore store;
    private final ReportService reports;
    private final ResultsPostStore resultsPosts;
    private final Clock clock;
    private final ScheduledExecutorService thread;
    private final PollMessageLocks locks;
    private final Map<Platform, Connection> connections = new ConcurrentHashMap<>();
    /** Polls waiting for their debounced redraw. */
    private final Map<Long, Platform> pending = new ConcurrentHashMap<>();

    private final List<PollClosedListener> listeners = new CopyOnWriteArrayList<>();
    /** The timer of the next close; touched only on the refresher's thread. */
    private ScheduledFuture<?> nextClose;

    private Instant nextCloseAt;

    /**
     * {@code thread}: a single-threaded executor of its own, which the refresher shuts down when
     * closed; {@code locks}: keep other processes on the same database from redrawing a poll at once.
     */
    public PollMessageRefresher(
            PollStore store,
            ReportService reports,
            ResultsPostStore resultsPosts,
            Clock clock,
            ScheduledExecutorService thread,
            PollMessageLocks locks) {
        this.store = store;
        this.reports = reports;
        this.resultsPosts = resultsPosts;
        this.clock = clock;
        this.thread = thread;
        this.locks = locks;
    }

    /** Someone else wants to hear of every poll that closes (once per poll), on the refresher's thread. */
    public void onPollClosed(PollClosedListener listener) {
        listeners.add(listener);
    }

    /** A platform's poll messages are kept from now on, redrawn at most once per {@code interval} per poll. */
    void connect(Platform platform, PollMessagePublisher publisher, Duration interval) {
        connections.put(platform, new Connection(publisher, interval));
        checkClosings();
    }

    /** Sends the platform's pending redraws now, then stops drawing its messages. Waits for that. */
    void disconnect(Platform platform) {
        CompletableFuture<Void> flushed = CompletableFuture.runAsync(() -> flush(platform), thread);
        try {
            flushed.get(FLUSH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (Exception failure) {
            log.warn("The poll messages of {} were not all redrawn before it disconnected", platform, failure);
        } finally {
            connections.remove(platform);
        }
    }

    private void flush(Platform platform) {
        for (Map.Entry<Long, Platform> entry : List.copyOf(pending.entrySet())) {
            if (entry.getValue() == platform && pending.remove(entry.getKey()) != null) {
                tryRedraw(entry.getKey());
            }
        }
    }

    /**
     * Whether this process draws the poll's message: its platform is connected here, and its
     * publisher reaches the poll's workspace (a Discord process draws only its shards' guilds).
     */
    private boolean reached(Poll poll) {
        Connection connection = connections.get(poll.workspace().platform());
        return connection != null && connection.publisher().reaches(poll.workspace());
    }

    /** The poll's answers changed: its message is redrawn within one interval. */
    void pollChanged(Poll poll) {
        Platform platform = poll.workspace().platform();
        Connection connection = connections.get(platform);
        if (connection != null && reached(poll) && pending.putIfAbsent(poll.id(), platform) == null) {
            later(connection.interval(), () -> redrawPending(poll.id()));
        }
    }

    /**
     * A platform posted the poll's message: it is remembered (the stage completes once that is
     * committed), and the poll's close time is watched.
     */
    CompletionStage<Void> messagePosted(Poll poll, String messageId) {
        return store.recordMessage(poll.id(), messageId)
                .thenRun(() -> poll.closesAtTime().ifPresent(closes -> now(() -> watchClose(closes))));
    }

    /** Arms the timer for a close time; one already past by now (a slow hand-over) is handled at once. */
    private void watchClose(Instant closes) {
        Instant now = clock.instant();
        if (!closes.isAfter(now)) {
            sweep();
        } else if (nextCloseAt == null || closes.isBefore(nextCloseAt)) {
            armNextClose(now);
        }
    }

    /**
     * The poll was edited or reopened: its message is redrawn now (fields, title, close time), and a
     * new close time is watched.
     */
    void pollEdited(Poll poll) {
        now(() -> {
            pending.remove(poll.id());
            tryRedraw(poll.id());
            poll.closesAtTime().ifPresent(this::watchClose);
        });
    }

    /** The poll was deleted: its message, if it had one, is replaced by a line saying so. */
    void pollDeleted(Poll poll, Optional<String> messageId) {
        now(() -> {
            pending.remove(poll.id());
            Connection connection = connections.get(poll.workspace().platform());
            if (connection == null || messageId.isEmpty()) {
                return;
            }
            try {
                connection.publisher().markDeleted(poll, messageId.get());
            } catch (RuntimeException failure) {
                log.warn("Could not mark the message of deleted poll {} as deleted", poll.id(), failure);
            }
        });
    }

    /** The poll's results were posted in its channel: its message is redrawn to lead there. */
    public void resultsPosted(long pollId) {
        now(() -> tryRedraw(pollId));
    }

    /** The poll was closed by a command: its closing is handled now. */
    void pollClosed(long pollId) {
        now(() -> handleClosing(pollId));
    }

    /**
     * Handles the closing of every poll that closed and was not handled yet, on connected platforms,
     * and sets the timer for the next close. The jobs run it every minute, and at start, so polls
     * that closed while fieldpoll was down are found. Completes once done.
     */
    public CompletableFuture<Void> checkClosings() {
        return CompletableFuture.runAsync(this::sweep, thread).exceptionally(failure -> {
            log.error("Could not check for polls that closed", failure);
            return null;
        });
    }

    private void sweep() {
        Instant now = clock.instant();
        for (Poll poll : store.closedUnhandled(now, CLOSING_LEASE)) {
            if (reached(poll)) {
                handleClosing(poll.id());
            }
        }
        armNextClose(now);
    }

    private void armNextClose(Instant now) {
        if (nextClose != null) {
            nextClose.cancel(false);
        }
        Optional<Instant> next = store.nextClose(now);
        nextCloseAt = next.orElse(null);
        nextClose = next.map(at -> thread.schedule(
                        this::guardedSweep,
                        Duration.between(now, at).plus(AFTER_CLOSE).toMillis(),
                        TimeUnit.MILLISECONDS))
                .orElse(null);
    }

    private void guardedSweep() {
        try {
            sweep();
        } catch (RuntimeException failure) {
            log.error("Could not check for polls that closed", failure);
        }
    }

    /** Claimed first, so two processes never both handle it; recorded as handled once every listener heard. */
    private void handleClosing(long pollId) {
        if (!store.claimClosing(pollId, clock.instant(), CLOSING_LEASE)) {
            return;
        }
        Optional<Poll> poll = store.findById(pollId);
        if (poll.isEmpty()) {
            return;
        }
        pending.remove(pollId);
        tryRedraw(pollId);
        for (PollClosedListener listener : listeners) {
            try {
                listener.pollClosed(poll.get());
            } catch (RuntimeException failure) {
                log.error("A listener failed on the closing of poll {}", pollId, failure);
            }
        }
        store.closingHandled(pollId, clock.instant());
    }

    private void redrawPending(long pollId) {
        // Cleared before redrawing: a vote landing during the redraw asks for the next one.
        if (pending.remove(pollId) != null) {
            tryRedraw(pollId);
        }
    }

    private void tryRedraw(long pollId) {
        try {
            if (!locks.runAlone(pollId, () -> redraw(pollId))) {
                // Another process is drawing it now: draw after it, so the newest state lands last.
                later(LOCKED_RETRY, () -> tryRedraw(pollId));
            }
        } catch (RuntimeException failure) {
            log.warn("Could not redraw the message of poll {}", pollId, failure);
        }
    }

    /** Reads the poll as it is now, so the newest vote and the closed state show. */
    private void redraw(long pollId) {
        Optional<Poll> found = store.findById(pollId);
        if (found.isEmpty()) {
            return;
        }
        Poll poll = found.get();
        Connection connection = connections.get(poll.workspace().platform());
        if (connection == null || !connection.publisher().reaches(poll.workspace())) {
            return;
        }
        Instant now = clock.instant();
        PollMessageView view =
                new PollMessageView(poll, store.voterCount(pollId), now, liveTop(poll, now), resultsPosts.link(pollId));
        Optional<String> messageId = store.messageId(pollId);
        if (messageId.isPresent() && connection.publisher().edit(view, messageId.get())) {
            return;
        }
        // Someone deleted it, or it was never posted: post it (again) rather than fail forever.
        log.info(
                messageId.isPresent()
                        ? "The message of poll {} was deleted; posting it again"
                        : "Poll {} has no message in its channel yet; posting it",
                pollId);
        store.recordMessage(pollId, connection.publisher().post(view))
                .toCompletableFuture()
                .join();
    }

    /** The top of a live poll's ranking, read from its (cached) report; nothing for other polls. */
    private List<PollMessageView.LiveField> liveTop(Poll poll, Instant now) {
        if (poll.visibility() != ResultsVisibility.LIVE) {
            return List.of();
        }
        return reports.reportFor(poll).ranking().stream()
                .limit(PollMessageView.LIVE_TOP)
                .map(entry ->
                        new PollMessageView.LiveField(entry.rank(), entry.name(), entry.rankLow(), entry.rankHigh()))
                .toList();
    }

    private void now(Runnable task) {
        later(Duration.ZERO, task);
    }

    private void later(Duration delay, Runnable task) {
        try {
            thread.schedule(
                    () -> {
                        try {
                            task.run();
                        } catch (RuntimeException failure) {
                            log.error("Keeping poll messages current failed", failure);
                        }
                    },
                    delay.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            log.debug("Poll messages are no longer kept: fieldpoll is stopping");
        }
    }

    /** Stops the thread; call it once every platform has disconnected. */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
