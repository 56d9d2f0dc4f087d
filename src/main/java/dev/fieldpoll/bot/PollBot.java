package dev.fieldpoll.bot;

import dev.fieldpoll.bot.BotReply.Problem;
import dev.fieldpoll.poll.Member;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollLifecycleService;
import dev.fieldpoll.poll.PollRef;
import dev.fieldpoll.poll.PollService;
import dev.fieldpoll.poll.StoreException;
import dev.fieldpoll.poll.Template;
import dev.fieldpoll.report.ReportService;
import dev.fieldpoll.summary.ReminderJob;
import dev.fieldpoll.summary.SummaryPublishers;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation every platform shares, and the one way adapters reach the core: a command from
 * a caller in, one reply out; suggestions while a member types; results pages; and the platforms'
 * publishers connected and disconnected.
 *
 * <p>{@link #handle} never blocks on a commit: reads run on the calling thread, and a write (a vote,
 * a new poll, a close) returns a stage that completes after its commit, on the after-commit
 * executor, so the adapter answers then and a vote acknowledged is a vote on disk. Every command
 * passes the member's rate limit and the gate (a bound on commands in flight, answered "busy", and
 * closed at shutdown), and never fails: bugs and I/O failures become a friendly Problem, logged here
 * with their stack trace. Thread-safe: it keeps no state of its own beyond the gate and the rate
 * limiter, which are.
 */
public final class PollBot {

    static final String SLOW_DOWN = "Slow down a little: you are sending commands faster than I take them. "
            + "Try again in a few seconds; nothing was changed.";
    static final String BUSY = "I'm busy right now, so nothing changed. Please try again in a moment.";
    static final String RESTARTING = "fieldpoll is restarting, and nothing changed. Please try again in a minute.";
    static final String SOMETHING_WENT_WRONG = "Something went wrong on my side and nothing changed. Please try again.";

    private static final Logger log = LoggerFactory.getLogger(PollBot.class);

    private final BotCore core;
    private final RateLimiter rateLimiter;
    private final Gate gate;
    private final SummaryPublishers summaryPublishers;
    private final Suggestions suggestions;
    private final InteractionMeter meter;

    /** {@code inFlight}: how many commands may be under way at once before the next is answered "busy". */
    public PollBot(
            PollService polls,
            ReportService reports,
            SummaryCommands summaries,
            ResultsPageService pages,
            PollMessageRefresher pollMessages,
            SummaryPublishers summaryPublishers,
            RateLimiter rateLimiter,
            ZoneId zone,
            int inFlight,
            InteractionMeter meter,
            PollLifecycleService lifecycle,
            ReminderJob reminders,
            RoundCommands rounds) {
        this.core = new BotCore(
                polls,
                reports,
                summaries,
                pages,
                pollMessages,
                zone,
                new LifecycleCommands.Parts(lifecycle, reminders),
                rounds);
        this.rateLimiter = rateLimiter;
        this.gate = new Gate(inFlight);
        this.summaryPublishers = summaryPublishers;
        this.suggestions = new Suggestions(polls);
        this.meter = meter;
    }

    /**
     * Handles a command. The stage completes with the reply (never exceptionally): at once for a
     * read or a refusal, after the commit for a write. Completes on the after-commit executor or on
     * the calling thread; whoever continues from it must not block there.
     */
    public CompletionStage<BotReply> handle(Caller caller, BotCommand command) {
        String name = command.getClass().getSimpleName();
        if (!rateLimiter.tryAcquire(caller.memberKey())) {
            meter.handled(name, "slowed");
            return CompletableFuture.completedFuture(new Problem(SLOW_DOWN));
        }
        Gate.Entry entry = gate.enter();
        if (entry != Gate.Entry.ADMITTED) {
            meter.handled(name, entry == Gate.Entry.FULL ? "busy" : "restarting");
            return CompletableFuture.completedFuture(new Problem(entry == Gate.Entry.FULL ? BUSY : RESTARTING));
        }
        CompletionStage<BotReply> reply;
        try {
            reply = command.accept(new CommandRunner(core, caller));
        } catch (RuntimeException failure) {
            reply = CompletableFuture.failedFuture(failure);
        }
        return reply.handle(
                        (answer, failure) -> failure == null ? counted(name, answer) : failed(caller, command, failure))
                .whenComplete((answer, failure) -> gate.exit());
    }

    /**
     * A member's home: the open polls of their workspace in {@code channelIds} (the channels the
     * platform says they are in), whether they voted in each, and for admins the summary schedules.
     * A read on the calling thread; a store failure is thrown, for the adapter's edge to log.
     */
    public AppHome home(Caller caller, Set<String> channelIds) {
        Member member = caller.member();
        return new AppHome(
                core.polls().openPollsOf(member, channelIds), core.summaries().schedulesOf(member));
    }

    private BotReply counted(String command, BotReply answer) {
        meter.handled(command, answer.getClass().getSimpleName());
        return answer;
    }

    private BotReply failed(Caller caller, BotCommand command, Throwable failure) {
        meter.handled(command.getClass().getSimpleName(), "failed");
        return problem(caller, command, failure);
    }

    /** The templates a poll may start from, in the catalog's order: the create form's list. */
    public List<Template> templates() {
        return List.copyOf(core.polls().templates().all());
    }

    /** Commands admitted and not yet answered: the metrics' queue depth. */
    public int commandsInFlight() {
        return gate.inFlight();
    }

    private static BotReply problem(Caller caller, BotCommand command, Throwable thrown) {
        Throwable failure =
                thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
        String name = command.getClass().getSimpleName();
        if (failure instanceof StoreException storage) {
            log.error("Store failed ({}) for {} on {}", storage.kind(), caller.platform(), name, storage);
            return new Problem(StoreFailureText.sentence(storage.kind()));
        }
        log.error("Command {} failed for {}", name, caller.platform(), failure);
        return new Problem(SOMETHING_WENT_WRONG);
    }

    /**
     * What to offer a member typing an option: templates, this channel's polls, or the fields and
     * factors of the poll they named (or the channel's open one), matching {@code typed}, at most
     * {@code limit}. Read-only; rate limited on a bucket of its own (every keystroke asks) and
     * gated like commands; on any trouble simply none.
     */
    public List<Suggestion> suggest(
            Caller caller, Suggestion.Kind kind, String typed, Optional<PollRef> poll, int limit) {
        if (!rateLimiter.tryAcquire(caller.memberKey() + ":typing")) {
            return List.of();
        }
        if (gate.enter() != Gate.Entry.ADMITTED) {
            return List.of();
        }
        try {
            return suggestions.matching(caller.member(), kind, typed, poll, limit);
        } catch (RuntimeException failure) {
            log.error("Suggestions for {} failed on {}", kind, caller.platform(), failure);
            return List.of();
        } finally {
            gate.exit();
        }
    }

    /** The results page a verified personal link asks for: what the chat would show that member now. */
    public PageReply page(PageViewer viewer, long pollId) {
        return withRounds(core.pages().page(viewer, pollId));
    }

    /** A later round's page also shows what changed since the round before. */
    private PageReply withRounds(PageReply reply) {
        return reply instanceof PageReply.Page page
                ? page.withRounds(core.rounds().report(page.poll()))
                : reply;
    }

    /** The results page a public link asks for, while an admin keeps it public. */
    public PageReply sharedPage(long pollId, int generation) {
        return withRounds(core.pages().sharedPage(pollId, generation));
    }

    /** An admin's download of a poll's answers (pseudonymous voters), through their personal link. */
    public PageReply votes(PageViewer viewer, long pollId) {
        return core.pages().votes(viewer, pollId);
    }

    /** A platform connected: from now on the core shows its poll messages, summaries and reminders through it. */
    public void connect(Platform platform, PlatformPublishers publishers) {
        summaryPublishers.register(platform, publishers.summaries());
        summaryPublishers.registerReminders(platform, publishers.reminders());
        summaryPublishers.registerResults(platform, publishers.results());
        core.pollMessages().connect(platform, publishers.pollMessages(), publishers.refreshInterval());
    }

    /** A platform disconnects: its pending poll-message redraws are sent first (this waits for them). */
    public void disconnect(Platform platform) {
        core.pollMessages().disconnect(platform);
        summaryPublishers.unregister(platform);
    }

    /**
     * An adapter posted a new poll's message: the core remembers it and keeps it current. The stage
     * completes once that is committed, on the store's thread: continue elsewhere, never block there.
     */
    public CompletionStage<Void> messagePosted(Poll poll, String messageId) {
        return core.pollMessages().messagePosted(poll, messageId);
    }

    /**
     * Stops taking commands (each is answered "restarting") and waits for those in flight to
     * finish; false when some were still running at the deadline.
     */
    public boolean stop(Duration timeout) {
        try {
            return gate.closeAndAwait(timeout);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
