package dev.fieldpoll.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.testing.MutableClock;
import dev.fieldpoll.testing.TestConfigs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));

    @Test
    void a_burst_then_the_steady_rate_per_member() {
        RateLimiter limiter = new RateLimiter(clock, 60, 3);

        assertThat(limiter.tryAcquire("alice")).isTrue();
        assertThat(limiter.tryAcquire("alice")).isTrue();
        assertThat(limiter.tryAcquire("alice")).isTrue();
        assertThat(limiter.tryAcquire("alice")).isFalse();
        assertThat(limiter.tryAcquire("bob")).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire("alice")).isTrue();
        assertThat(limiter.tryAcquire("alice")).isFalse();
    }

    @TempDir
    Path folder;

    @Test
    void the_bot_asks_a_fast_member_to_slow_down_and_changes_nothing() {
        var config = TestConfigs.withRateLimit(TestConfigs.at(folder), new dev.fieldpoll.app.Config.RateLimit(60, 2));
        try (Wiring wiring = new Wiring(config, clock)) {
            Caller you = new Caller(Platform.CONSOLE, "local", "local", "you", true);
            wiring.bot()
                    .handle(you, ((ParseResult.Parsed) new CommandParser().parse("/poll create \"T\"")).command())
                    .toCompletableFuture()
                    .join();
            wiring.bot()
                    .handle(
                            you,
                            ((ParseResult.Parsed) new CommandParser().parse("/poll vote evals feedback=3")).command())
                    .toCompletableFuture()
                    .join();

            BotReply third = wiring.bot()
                    .handle(
                            you,
                            ((ParseResult.Parsed) new CommandParser().parse("/poll vote evals feedback=5")).command())
                    .toCompletableFuture()
                    .join();

            assertThat(third).isInstanceOf(BotReply.Problem.class);
            assertThat(((BotReply.Problem) third).message()).startsWith("Slow down");
            assertThat(wiring.store().ballot(1, "you").answers().values())
                    .containsExactly(dev.fieldpoll.poll.Answer.score(3));
        }
    }
}
