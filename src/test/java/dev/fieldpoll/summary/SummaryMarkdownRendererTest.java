package dev.fieldpoll.summary;

import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.CommandParser;
import dev.fieldpoll.bot.ParseResult;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Workspace;
import dev.fieldpoll.testing.Golden;
import dev.fieldpoll.testing.MutableClock;
import dev.fieldpoll.testing.TestConfigs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryMarkdownRendererTest {

    @TempDir
    Path folder;

    @Test
    void a_summary_with_movement_splits_participation_and_reference_matches_the_golden_file() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
        try (Wiring wiring = new Wiring(TestConfigs.at(folder), clock)) {
            say(wiring, "you", "/poll create Which fields first?");
            List<String> camp = List.of("a", "b", "c", "d", "e", "f");
            for (int i = 0; i < camp.size(); i++) {
                say(wiring, camp.get(i), "/poll vote mech feedback=" + (4 + i % 2) + " economic=4");
                say(wiring, camp.get(i), "/poll vote evals feedback=" + (i % 2 == 0 ? 1 : 5) + " economic=4");
                say(wiring, camp.get(i), "/poll vote agent feedback=1 economic=" + (1 + i % 2));
            }
            SummaryJob job = wiring.summaryJob();
            ChannelSummary summary = job.summarize(
                    new Workspace(Platform.CONSOLE, "local"),
                    "local",
                    LocalDate.of(2026, 11, 27),
                    clock.instant().minus(Duration.ofDays(7)),
                    Optional.of("Posted late: fieldpoll was offline at the scheduled time (Friday 17:00 GMT)."));

            Golden.assertMatches("summary/weekly.md", new SummaryMarkdownRenderer().render(summary));
        }
    }

    private static void say(Wiring wiring, String user, String line) {
        wiring.bot()
                .handle(
                        new Caller(Platform.CONSOLE, "local", "local", user, user.equals("you")),
                        ((ParseResult.Parsed) new CommandParser().parse(line)).command())
                .toCompletableFuture()
                .join();
    }
}
