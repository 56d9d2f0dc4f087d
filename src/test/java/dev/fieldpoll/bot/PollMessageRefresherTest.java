package dev.fieldpoll.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.app.Config;
import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.poll.CreateRequest;
import dev.fieldpoll.poll.Member;
import dev.fieldpoll.poll.Outcomes;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollMessageLocks;
import dev.fieldpoll.poll.ResultsVisibility;
import dev.fieldpoll.poll.Scale;
import dev.fieldpoll.summary.ChannelSummary;
import dev.fieldpoll.testing.MutableClock;
import dev.fieldpoll.testing.TestConfigs;
import dev.fieldpoll.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The one layer that keeps poll messages current, on the real wiring and a temporary database, with
 * a platform that records what it is asked to draw: debounced redraws, the flush at disconnect, and
 * the "poll closed" event, heard once whether the poll closed by command, by time while running, or
 * while fieldpoll was down.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class PollMessageRefresherTest {

    private static final Instant START = Instant.parse("2026-11-27T10:00:00Z");
    private static final Duration NEVER_WITHIN_THE_TEST = Duration.ofMinutes(10);

    @Parameter
    TestDatabase kind;

    @TempDir
    Path folder;

    private Config config;

    private final MutableClock clock = new MutableClock(START);
    private final List<Wiring> opened = new ArrayList<>();
    private final Recording platform = new Recording();

    /** A platform that draws nothing, but writes down what it was asked to draw. */
    private static final class Recording implements PollMessagePublisher {
        final List<PollMessageView> posts = new CopyOnWriteArrayList<>();
        final List<PollMessageView> edits = new CopyOnWriteArrayList<>();

        @Override
        public String post(PollMessageView view) {
            posts.add(view);
            return "message-" + posts.size();
        }

        @Override
        public boolean edit(PollMessageView view, String messageId) {
            edits.add(view);
            return true;
        }

        @Override
        public void markDeleted(Poll poll, String messageId) {
            deleted.add(messageId);
        }

        final List<String> deleted = new CopyOnWriteArrayList<>();
    }

    @AfterEach
    void close() {
        opened.forEach(Wiring::close);
    }

    /** Every wiring of a test (a restart included) opens the same database. */
    private Wiring wiring() {
        if (config == null) {
            config = TestConfigs.at(folder, kind);
        }
        Wiring wiring = new Wiring(config, clock);
        opened.add(wiring);
        return wiring;
    }

    private static void connect(Wiring wiring, PollMessagePublisher publisher, Duration interval) {
        wiring.bot()
                .connect(
                        Platform.CONSOLE,
                        new PlatformPublishers(
                                publisher,
                                interval,
                                (ChannelSummary summary, dev.fieldpoll.summary.SummaryParts parts) -> {},
                                reminder -> {},
                                (post, parts) -> java.util.Optional.empty()));
    }

    private static Caller member(String user, boolean admin) {
        return new Caller(Platform.CONSOLE, "local", "local", user, admin);
    }

    private static BotReply ask(Wiring wiring, Caller caller, BotCommand command) {
        return wiring.bot().handle(caller, command).toCompletableFuture().join();
    }

    /** A poll created, its message posted, so its close time is watched. */
    private static Poll create(Wiring wiring, Optional<Instant> closes) {
        Poll poll = createUnposted(wiring, closes);
        wiring.bot().messagePosted(poll, "message-0").toCompletableFuture().join();
        return poll;
    }

    private static Poll createUnposted(Wiring wiring, Optional<Instant> closes) {
        Member admin = member("admin", true).member();
        CreateRequest request = new CreateRequest(
                Optional.empty(),
                Optional.of("Automation"),
                List.of(),
                List.of(),
                ResultsVisibility.LIVE,
                closes,
                Optional.empty(),
                true,
                true,
                Scale.ONE_TO_FIVE);
        Outcomes.Created created =
                wiring.polls().create(admin, request).toCompletableFuture().join();
        return ((Outcomes.PollCreated) created).poll();
    }

    private static BotReply vote(Wiring wiring, Poll poll, String user, String score) {
        return ask(
                wiring,
                member(user, false),
                new BotCommand.SetAnswers(
                        poll.id(), Map.of(poll.definition().cells().get(0), score)));
    }

    @Test
    void a_redraw_waits_while_another_process_redraws_the_poll_then_draws_the_newest_state() throws Exception {
        // given a refresher whose lock says another process is redrawing the poll until told otherwise
        Wiring wiring = wiring();
        Poll poll = create(wiring, Optional.empty());
        java.util.concurrent.atomic.AtomicBoolean otherProcessDrawing =
                new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.CountDownLatch refused = new java.util.concurrent.CountDownLatch(1);
        PollMessageLocks locks = (pollId, redraw) -> {
            if (otherProcessDrawing.get()) {
                refused.countDown();
                return false;
            }
            redraw.run();
            return true;
        };
        try (PollMessageRefresher refresher = new PollMessageRefresher(
                wiring.store(),
                wiring.reports(),
                new dev.fieldpoll.store.SqlResultsPostStore(wiring.database()),
                clock,
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(),
                locks)) {
            refresher.connect(Platform.CONSOLE, platform, Duration.ofMillis(10));

            // when a vote asks for a redraw while the other process draws, and another vote lands meanwhile
            vote(wiring, poll, "alice", "3");
            refresher.pollChanged(poll);
            assertThat(refused.await(1, TimeUnit.MINUTES)).isTrue();
            vote(wiring, poll, "bob", "4");
            assertThat(platform.edits)
                    .as("nothing drawn while the other process draws")
                    .isEmpty();
            otherProcessDrawing.set(false);

            // then it draws once the poll is free, from what is stored by then
            PollMessageView drawn = dev.fieldpoll.testing.Eventually.value(
                    () -> platform.edits.stream().findFirst(), view -> true, "the redraw after the other process's");
            assertThat(drawn.voters()).isEqualTo(2);
        }
    }

    @Test
    void a_burst_of_votes_is_one_redraw_showing_every_vote_sent_at_once_when_the_platform_disconnects() {
        // given a platform that allows a redraw per poll only every ten minutes
        Wiring wiring = wiring();
        connect(wiring, platform, NEVER_WITHIN_THE_TEST);
        Poll poll = create(wiring, Optional.empty());

        // when twenty members vote at once
        List<CompletableFuture<BotReply>> votes = new ArrayList<>();
        for (int voter = 1; voter <= 20; voter++) {
            votes.add(wiring.bot()
                    .handle(
                            member("voter-" + voter, false),
                            new BotCommand.SetAnswers(
                                    poll.id(), Map.of(poll.definition().cells().get(0), "4")))
                    .toCompletableFuture());
        }
        votes.forEach(CompletableFuture::join);
        assertThat(platform.edits).as("nothing before the interval").isEmpty();

        // and the platform disconnects (a shutdown)
        wiring.bot().disconnect(Platform.CONSOLE);

        // then the pending redraw went out at once, one for all twenty, showing all of them
        assertThat(platform.edits).hasSize(1);
        assertThat(platform.edits.get(0).voters()).isEqualTo(20);
        assertThat(platform.posts).isEmpty();
    }

    @Test
    void a_poll_never_posted_or_deleted_is_posted_at_its_next_redraw() {
        // given a platform that says every message is gone
        Wiring wiring = wiring();
        List<PollMessageView> posted = new CopyOnWriteArrayList<>();
        connect(
                wiring,
                new PollMessagePublisher() {
                    @Override
                    public String post(PollMessageView view) {
                        posted.add(view);
                        return "again-" + posted.size();
                    }

                    @Override
                    public boolean edit(PollMessageView view, String messageId) {
                        return false;
                    }

                    @Override
                    public void markDeleted(Poll poll, String messageId) {}
                },
                Duration.ofMillis(50));
        Poll poll = create(wiring, Optional.empty());

        // when a member votes
        vote(wiring, poll, "alice", "3");

        // then the redraw posts the message again and remembers the new one
        dev.fieldpoll.testing.Eventually.value(
                () -> wiring.store().messageId(poll.id()), "again-1"::equals, "reposted");
        assertThat(posted.get(0).voters()).isEqualTo(1);
    }

    @Test
    void a_poll_closed_by_command_is_redrawn_closed_and_heard_once() throws Exception {
        Wiring wiring = wiring();
        LinkedBlockingQueue<Poll> heard = new LinkedBlockingQueue<>();
        wiring.pollMessages().onPollClosed(heard::add);
        connect(wiring, platform, NEVER_WITHIN_THE_TEST);
        Poll poll = create(wiring, Optional.empty());
        vote(wiring, poll, "alice", "4");

        assertThat(ask(
                        wiring,
                        member("admin", true),
                        new BotCommand.Close(new dev.fieldpoll.poll.PollRef.ById(poll.id()))))
                .isInstanceOf(BotReply.PollClosed.class);

        Poll closed = heard.poll(1, TimeUnit.MINUTES);
        assertThat(closed).isNotNull();
        assertThat(closed.id()).isEqualTo(poll.id());
        assertThat(closed.closedAt()).isEqualTo(START);
        assertThat(platform.edits)
                .as("redrawn closed at once, before the listeners heard")
                .anySatisfy(view -> {
                    assertThat(view.poll().isOpenAt(view.now())).isFalse();
                    assertThat(view.voters()).isEqualTo(1);
                });
        wiring.pollMessages().checkClosings().join();
        wiring.pollMessages().checkClosings().join();
        assertThat(heard).as("heard once").isEmpty();
    }

    @Test
    void a_poll_closed_by_its_time_while_running_is_heard_when_the_time_comes() throws Exception {
        Wiring wiring = wiring();
        LinkedBlockingQueue<Poll> heard = new LinkedBlockingQueue<>();
        wiring.pollMessages().onPollClosed(heard::add);
        connect(wiring, platform, NEVER_WITHIN_THE_TEST);

        // a poll closing two seconds from now; its message posted, so its close time is watched
        Poll poll = create(wiring, Optional.of(START.plusSeconds(2)));
        clock.advance(Duration.ofSeconds(3));

        // the timer set for its close finds it closed, with no command and no vote
        Poll closed = heard.poll(1, TimeUnit.MINUTES);
        assertThat(closed).isNotNull();
        assertThat(closed.id()).isEqualTo(poll.id());
        assertThat(platform.edits)
                .anySatisfy(view -> assertThat(view.poll().isOpenAt(view.now())).isFalse());
        wiring.pollMessages().checkClosings().join();
        assertThat(heard).as("heard once").isEmpty();
    }

    @Test
    void a_poll_whose_close_time_passed_before_its_message_was_posted_is_heard_at_once() throws Exception {
        Wiring wiring = wiring();
        LinkedBlockingQueue<Poll> heard = new LinkedBlockingQueue<>();
        wiring.pollMessages().onPollClosed(heard::add);
        connect(wiring, platform, NEVER_WITHIN_THE_TEST);

        // a poll closing two seconds from now, whose message is posted only after that
        Poll poll = createUnposted(wiring, Optional.of(START.plusSeconds(2)));
        clock.advance(Duration.ofSeconds(3));
        wiring.bot().messagePosted(poll, "message-0").toCompletableFuture().join();

        // then its closing is handled at once, not at the next minute's sweep
        Poll closed = heard.poll(30, TimeUnit.SECONDS);
        assertThat(closed).isNotNull();
        assertThat(closed.id()).isEqualTo(poll.id());
    }

    @Test
    void a_poll_that_closed_while_fieldpoll_was_down_is_heard_at_the_next_start_once_its_platform_connects()
            throws Exception {
        // given a poll closing in an hour, and fieldpoll stopped before then
        Wiring before = wiring();
        Poll poll = create(before, Optional.of(START.plus(Duration.ofHours(1))));
        before.close();
        opened.remove(before);

        // when it starts again two hours later
        clock.advance(Duration.ofHours(2));
        Wiring after = wiring();
        LinkedBlockingQueue<Poll> heard = new LinkedBlockingQueue<>();
        after.pollMessages().onPollClosed(heard::add);
        after.pollMessages().checkClosings().join();
        assertThat(heard)
                .as("its platform is not connected yet: the closing waits for it")
                .isEmpty();
        connect(after, platform, NEVER_WITHIN_THE_TEST);

        // then the closing is found and heard, once, and its message redrawn closed
        Poll closed = heard.poll(1, TimeUnit.MINUTES);
        assertThat(closed).isNotNull();
        assertThat(closed.id()).isEqualTo(poll.id());
        assertThat(platform.edits).hasSize(1);
        after.pollMessages().checkClosings().join();
        assertThat(heard).isEmpty();
        assertThat(platform.edits).hasSize(1);
    }
}
