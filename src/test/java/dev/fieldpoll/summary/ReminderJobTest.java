package dev.fieldpoll.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.CommandParser;
import dev.fieldpoll.bot.ParseResult;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.store.Database;
import dev.fieldpoll.store.DatabaseSettings;
import dev.fieldpoll.store.SqlPollStore;
import dev.fieldpoll.store.SqlReminderStore;
import dev.fieldpoll.testing.MutableClock;
import dev.fieldpoll.testing.TestConfigs;
import dev.fieldpoll.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Closing reminders on a real SQLite file and on PostgreSQL. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ReminderJobTest {

    @Parameter
    TestDatabase kind;

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final List<ClosingReminder> posted = new CopyOnWriteArrayList<>();
    private Wiring wiring;

    @BeforeEach
    void start() {
        wiring = new Wiring(TestConfigs.at(folder, kind), clock);
        wiring.summaryPublishers().registerReminders(Platform.CONSOLE, posted::add);
    }

    @AfterEach
    void stop() {
        if (wiring != null) {
            wiring.close();
        }
    }

    private BotReply as(String user, String line) {
        return wiring.bot()
                .handle(
                        new Caller(Platform.CONSOLE, "local", "local", user, true),
                        ((ParseResult.Parsed) new CommandParser().parse(line)).command())
                .toCompletableFuture()
                .join();
    }

    @Test
    void one_reminder_a_day_before_closing_with_the_voter_count() {
        as("you", "/poll create \"Soon\" closes:3d");
        as("alice", "/poll vote evals feedback=3");
        ReminderJob job = wiring.reminderJob();

        clock.advance(Duration.ofHours(47));
        assertThat(job.runDue().toCompletableFuture().join()).isZero();
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        assertThat(job.runDue().toCompletableFuture().join()).isEqualTo(1);
        clock.advance(Duration.ofHours(1));
        assertThat(job.runDue().toCompletableFuture().join()).isZero();

        assertThat(posted).hasSize(1);
        assertThat(posted.get(0).poll().title()).isEqualTo("Soon");
        assertThat(posted.get(0).voters()).isEqualTo(1);
    }

    @Test
    void another_process_sharing_the_database_does_not_post_it_again() {
        as("you", "/poll create \"Soon\" closes:3d");
        clock.advance(Duration.ofHours(49));
        wiring.reminderJob().runDue().toCompletableFuture().join();

        try (Database second = Database.open(wiring.config().database(), DatabaseSettings.defaults())) {
            List<ClosingReminder> other = new CopyOnWriteArrayList<>();
            ReminderJob otherJob = new ReminderJob(
                    new SqlReminderStore(second),
                    new SqlPollStore(second, Clock.systemUTC()),
                    new SqlPollStore(second, Clock.systemUTC()),
                    other::add,
                    clock,
                    Duration.ofHours(24),
                    new Backoff(1, Duration.ZERO, (pause, retry) -> retry.run()));

            assertThat(otherJob.runDue().toCompletableFuture().join()).isZero();
            assertThat(other).isEmpty();
        }
        assertThat(posted).hasSize(1);
    }

    @Test
    void remind_off_closed_polls_and_polls_without_a_close_time_get_none() {
        as("you", "/poll create \"Quiet\" closes:3d remind:off");
        as("you", "/poll create \"Closed\" closes:3d");
        as("you", "/poll close Closed");
        as("you", "/poll create \"Forever\"");
        clock.advance(Duration.ofHours(49));

        assertThat(wiring.reminderJob().runDue().toCompletableFuture().join()).isZero();
        assertThat(posted).isEmpty();
    }

    @Test
    void a_zero_lead_turns_reminders_off() {
        as("you", "/poll create \"Soon\" closes:3d");
        clock.advance(Duration.ofHours(49));
        ReminderJob off = new ReminderJob(
                new SqlReminderStore(wiring.database()),
                wiring.store(),
                (SqlPollStore) wiring.store(),
                posted::add,
                clock,
                Duration.ZERO,
                new Backoff(1, Duration.ZERO, (pause, retry) -> retry.run()));

        assertThat(off.runDue().toCompletableFuture().join()).isZero();
        assertThat(posted).isEmpty();
    }
}
