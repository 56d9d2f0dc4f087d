package dev.fieldpoll.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.bot.BotCommand;
import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.CommandParser;
import dev.fieldpoll.bot.ParseResult;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Workspace;
import dev.fieldpoll.report.ChartRenderer;
import dev.fieldpoll.report.GroupChartRenderer;
import dev.fieldpoll.report.ReportService;
import dev.fieldpoll.store.Database;
import dev.fieldpoll.store.DatabaseSettings;
import dev.fieldpoll.store.SqlPollStore;
import dev.fieldpoll.store.SqlSummaryStore;
import dev.fieldpoll.testing.MutableClock;
import dev.fieldpoll.testing.TestConfigs;
import dev.fieldpoll.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The weekly job on a real SQLite file and on PostgreSQL, with a hand-moved clock and a recording publisher. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class SummaryJobTest {

    @Parameter
    TestDatabase kind;

    @TempDir
    Path folder;

    // Friday 2026-11-27 10:00 UTC; summaries every Friday at 17:00 London (= 17:00 UTC in winter)
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final List<ChannelSummary> published = new CopyOnWriteArrayList<>();
    private final List<Duration> pauses = new ArrayList<>();
    private Wiring wiring;
    private SummaryJob job;

    @BeforeEach
    void start() {
        wiring = new Wiring(TestConfigs.at(folder, kind), clock);
        wiring.summaryPublishers().register(Platform.CONSOLE, (summary, parts) -> published.add(summary));
        job = jobOn(wiring.summaries(), wiring.store(), wiring.reports());
        as("you", "/poll create \"Automation\"");
        as("you", "/poll summary schedule friday 17:00 Europe/London");
    }

    @AfterEach
    void stop() {
        if (wiring != null) {
            wiring.close();
        }
    }

    private SummaryJob jobOn(SummaryStore summaries, dev.fieldpoll.poll.PollStore polls, ReportService reports) {
        return new SummaryJob(
                summaries,
                polls,
                new SummaryBuilder(
                        reports, wiring.roundReports(), summaries, new ChartRenderer(), new GroupChartRenderer()),
                wiring.summaryPublishers(),
                clock,
                new Backoff(3, Duration.ofSeconds(2), (pause, retry) -> {
                    pauses.add(pause);
                    retry.run();
                }),
                Runnable::run);
    }

    private BotReply as(String user, String line) {
        BotCommand command = ((ParseResult.Parsed) new CommandParser().parse(line)).command();
        return wiring.bot()
                .handle(new Caller(Platform.CONSOLE, "local", "local", user, user.equals("you")), command)
                .toCompletableFuture()
                .join();
    }

    @Test
    void nothing_is_posted_before_the_time_and_exactly_once_after_it() {
        assertThat(job.runDue().toCompletableFuture().join()).isZero();

        clock.advance(Duration.ofHours(7));
        int first = job.runDue().toCompletableFuture().join();
        int again = job.runDue().toCompletableFuture().join();
        clock.advance(Duration.ofMinutes(30));
        int later = job.runDue().toCompletableFuture().join();

        assertThat(first).isEqualTo(1);
        assertThat(again + later).isZero();
        assertThat(published).hasSize(1);
        assertThat(published.get(0).period()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(published.get(0).lateNote()).isEmpty();
    }

    @Test
    void two_processes_sharing_the_database_post_a_period_once() {
        try (Database second = Database.open(wiring.config().database(), DatabaseSettings.defaults())) {
            SqlSummaryStore otherSummaries = new SqlSummaryStore(second);
            SqlPollStore otherPolls = new SqlPollStore(second, Clock.systemUTC());
            SummaryJob otherJob = jobOn(otherSummaries, otherPolls, new ReportService(otherPolls, clock, 3, 10, 30));
            clock.advance(Duration.ofHours(7));

            int posts = job.runDue().toCompletableFuture().join()
                    + otherJob.runDue().toCompletableFuture().join()
                    + job.runDue().toCompletableFuture().join();

            assertThat(posts).isEqualTo(1);
            assertThat(published).hasSize(1);
        }
    }

    @Test
    void a_run_missed_by_less_than_a_day_is_posted_late_with_a_note_and_an_older_one_is_skipped() {
        clock.advance(Duration.ofHours(7 + 20));

        assertThat(job.runDue().toCompletableFuture().join()).isEqualTo(1);
        assertThat(published.get(0).lateNote())
                .hasValueSatisfying(
                        note -> assertThat(note).contains("Posted late").contains("Friday 17:00 GMT"));

        clock.advance(Duration.ofDays(8));
        assertThat(job.runDue().toCompletableFuture().join()).isZero();
        assertThat(published).hasSize(1);
    }

    @Test
    void a_failing_post_is_retried_with_backoff_and_a_later_run_picks_it_up() {
        int[] failures = {3};
        wiring.summaryPublishers().register(Platform.CONSOLE, (summary, parts) -> {
            if (failures[0]-- > 0) {
                throw new IllegalStateException("rate limited");
            }
            published.add(summary);
        });
        clock.advance(Duration.ofHours(7));

        assertThat(job.runDue().toCompletableFuture().join()).isZero();
        assertThat(pauses).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(8));
        clock.advance(Duration.ofMinutes(20));
        assertThat(job.runDue().toCompletableFuture().join()).isEqualTo(1);
        assertThat(published).hasSize(1);
    }

    @Test
    void one_channel_failing_never_stops_another() {
        as("you", "/poll summary schedule friday 17:00 UTC");
        Caller otherChannel = new Caller(Platform.SLACK, "T1", "C1", "admin", true);
        wiring.bot()
                .handle(
                        otherChannel,
                        ((ParseResult.Parsed) new CommandParser().parse("/poll summary schedule friday 17:00 UTC"))
                                .command())
                .toCompletableFuture()
                .join();
        clock.advance(Duration.ofHours(7));

        int posted = job.runDue().toCompletableFuture().join();

        assertThat(posted).isEqualTo(1);
        assertThat(published)
                .extracting(summary -> summary.workspace().platform())
                .containsExactly(Platform.CONSOLE);
    }

    @Test
    void movement_is_measured_against_last_weeks_snapshot() {
        for (String voter : List.of("a", "b", "c", "d", "e")) {
            as(voter, "/poll vote evals feedback=5 economic=5");
            as(voter, "/poll vote agent feedback=1 economic=1");
        }
        clock.advance(Duration.ofHours(7));
        job.runDue().toCompletableFuture().join();
        PollSummary first = published.get(0).polls().get(0);
        for (String voter : List.of("f", "g", "h", "i", "j", "k", "l")) {
            as(voter, "/poll vote agent feedback=5 economic=5");
            as(voter, "/poll vote evals feedback=1 economic=1");
        }
        clock.advance(Duration.ofDays(7));

        job.runDue().toCompletableFuture().join();

        PollSummary second = published.get(1).polls().get(0);
        assertThat(first.ranking())
                .allSatisfy(move -> assertThat(move.movement()).isEqualTo("new"));
        PollSummary.FieldMove agent = second.ranking().stream()
                .filter(move -> move.field().equals("agent-foundations"))
                .findFirst()
                .orElseThrow();
        assertThat(agent.previousRank()).isGreaterThan(agent.rank());
        assertThat(agent.movement()).startsWith("↑");
        assertThat(second.biggestMovers()).isNotEmpty();
        assertThat(second.participation().voters()).isEqualTo(12);
        assertThat(second.participation().newVoters()).isEqualTo(7);
        assertThat(first.newlySplit())
                .as("a first summary has nothing to compare with")
                .isEmpty();
        assertThat(second.newlySplit()).extracting(PollSummary.CellTurn::label).contains("polarized");

        clock.advance(Duration.ofDays(7));
        job.runDue().toCompletableFuture().join();

        assertThat(published.get(2).polls().get(0).newlySplit())
                .as("still split a week later: not newly")
                .isEmpty();
    }

    @Test
    void a_poll_nobody_voted_in_gets_a_call_to_vote_not_an_empty_table() {
        clock.advance(Duration.ofHours(7));
        job.runDue().toCompletableFuture().join();

        String text = new SummaryMarkdownRenderer().render(published.get(0));

        assertThat(text).contains("Nobody has voted yet").contains("/poll vote").doesNotContain("Ranking");
        assertThat(published.get(0).polls().get(0).chart().isEmpty()).isTrue();
    }

    @Test
    void summaries_are_for_admins_and_a_new_schedule_does_not_owe_past_runs() {
        assertThat(as("alice", "/poll summary now")).isInstanceOf(BotReply.Problem.class);
        assertThat(as("you", "/poll summary show"))
                .isEqualTo(
                        new BotReply.Notice(
                                "Weekly summaries in this channel: every Friday at 17:00 Europe/London. Next: Friday 2026-11-27 17:00 GMT."));

        // a schedule set after Friday's run (Saturday) is not caught up
        clock.advance(Duration.ofHours(24));
        as("you", "/poll summary schedule friday 17:00 Europe/London");
        assertThat(job.runDue().toCompletableFuture().join()).isZero();
        assertThat(as("you", "/poll summary off"))
                .isEqualTo(new BotReply.Notice("Weekly summaries in this channel are off."));
        assertThat(wiring.summaries().schedules()).isEmpty();
    }

    @Test
    void summary_now_posts_without_using_up_the_weeks_run() {
        assertThat(as("you", "/poll summary now")).isEqualTo(new BotReply.Notice("Posted a summary of 1 poll."));
        clock.advance(Duration.ofHours(7));

        assertThat(job.runDue().toCompletableFuture().join()).isEqualTo(1);
        assertThat(published).hasSize(2);
        assertThat(wiring.summaries().schedules())
                .extracting(schedule -> schedule.workspace())
                .containsExactly(new Workspace(Platform.CONSOLE, "local"));
    }

    @Test
    void a_first_summary_calls_no_cell_newly_anything_and_summary_now_is_no_weekly_summary() {
        // given a community split in two camps from the start
        List<String> voters = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l");
        for (int i = 0; i < voters.size(); i++) {
            as(
                    voters.get(i),
                    i % 2 == 0 ? "/poll vote agent feedback=5 economic=5" : "/poll vote agent feedback=1 economic=1");
            as(voters.get(i), "/poll vote evals feedback=3 economic=3");
        }

        // when the first weekly summary runs, and an admin asks for one now
        clock.advance(Duration.ofHours(7));
        job.runDue().toCompletableFuture().join();
        as("you", "/poll summary now");

        // then the split cells are in the report, but nothing is "newly" split: there was no last week
        ChannelSummary weekly = published.get(0);
        assertThat(weekly.polls().get(0).report().cells())
                .extracting(cell -> cell.label())
                .contains("polarized");
        assertThat(weekly.polls().get(0).newlySplit()).isEmpty();
        assertThat(new SummaryMarkdownRenderer().render(weekly))
                .startsWith("# Weekly summary, 2026-11-27")
                .doesNotContain("newly");
        assertThat(new SummaryMarkdownRenderer().render(published.get(1))).startsWith("# Summary, 2026-11-27\n");
    }
}
