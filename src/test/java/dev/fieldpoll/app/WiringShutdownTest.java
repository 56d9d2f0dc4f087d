package dev.fieldpoll.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.CommandParser;
import dev.fieldpoll.bot.ParseResult;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Workspace;
import dev.fieldpoll.testing.LogCapture;
import dev.fieldpoll.testing.MutableClock;
import dev.fieldpoll.testing.TestConfigs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shutting down while a scheduled job runs: the job finishes its writes before the database closes. */
class WiringShutdownTest {

    @TempDir
    Path folder;

    @Test
    void a_summary_being_posted_at_shutdown_is_finished_and_recorded_before_the_database_closes() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
        CountDownLatch publishing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Wiring wiring = new Wiring(TestConfigs.at(folder), clock);
        Caller admin = new Caller(Platform.CONSOLE, "local", "local", "you", true);
        wiring.bot()
                .handle(admin, parse("/poll create \"Automation\""))
                .toCompletableFuture()
                .join();
        wiring.bot()
                .handle(admin, parse("/poll summary schedule friday 17:00 UTC"))
                .toCompletableFuture()
                .join();
        wiring.summaryPublishers().register(Platform.CONSOLE, (summary, parts) -> {
            publishing.countDown();
            awaitUninterruptibly(release); // a slow platform, still posting when the shutdown starts
        });
        clock.advance(Duration.ofHours(7).plusMinutes(1));

        try (LogCapture log = new LogCapture()) {
            // given a job in the middle of posting the week's summary
            wiring.startJobs();
            assertThat(publishing.await(1, TimeUnit.MINUTES)).isTrue();

            // when fieldpoll shuts down meanwhile
            Thread closing = new Thread(wiring::close, "closing");
            closing.start();
            awaitWaitingOrDone(closing);
            release.countDown();
            closing.join(TimeUnit.MINUTES.toMillis(1));

            // then the job finished its writes, and no job met a closed database
            assertThat(closing.isAlive()).isFalse();
            assertThat(log.text()).doesNotContain("database is closed").doesNotContain("A scheduled job failed");
        }
        try (Wiring reopened = new Wiring(TestConfigs.at(folder), clock)) {
            assertThat(reopened.summaries().latestSnapshot(1, clock.instant().plusSeconds(1)))
                    .as("the posted summary's snapshot was written")
                    .isPresent();
            assertThat(reopened.summaries().schedule(new Workspace(Platform.CONSOLE, "local"), "local"))
                    .isPresent();
        }
    }

    private static dev.fieldpoll.bot.BotCommand parse(String line) {
        return ((ParseResult.Parsed) new CommandParser().parse(line)).command();
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                if (latch.await(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Until the closing thread waits (for the job) or has finished (it did not wait at all). */
    private static void awaitWaitingOrDone(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (thread.isAlive()
                && thread.getState() != Thread.State.TIMED_WAITING
                && thread.getState() != Thread.State.WAITING) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
