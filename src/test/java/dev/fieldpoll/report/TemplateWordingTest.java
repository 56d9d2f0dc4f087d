package dev.fieldpoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.CommandParser;
import dev.fieldpoll.bot.ParseResult;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.testing.MutableClock;
import dev.fieldpoll.testing.TestConfigs;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a higher score means is the template's sentence; ad-hoc polls say "more". Charts too. */
class TemplateWordingTest {

    @TempDir
    Path folder;

    private static BotReply.ResultsView resultsAfterThreeVoters(Wiring wiring, String create, String vote) {
        Caller admin = new Caller(Platform.CONSOLE, "local", "local", "you", true);
        wiring.bot().handle(admin, parse(create)).toCompletableFuture().join();
        for (String voter : new String[] {"ann", "bob", "cy"}) {
            Caller member = new Caller(Platform.CONSOLE, "local", "local", voter, false);
            assertThat(wiring.bot()
                            .handle(member, parse(vote))
                            .toCompletableFuture()
                            .join())
                    .isInstanceOf(BotReply.VoteSaved.class);
        }
        return (BotReply.ResultsView) wiring.bot()
                .handle(admin, parse("/poll results"))
                .toCompletableFuture()
                .join();
    }

    private static dev.fieldpoll.bot.BotCommand parse(String line) {
        return ((ParseResult.Parsed) new CommandParser().parse(line)).command();
    }

    @Test
    void each_template_says_what_a_higher_score_means_and_an_ad_hoc_poll_says_more() {
        try (Wiring wiring =
                new Wiring(TestConfigs.at(folder), new MutableClock(Instant.parse("2026-11-27T10:00:00Z")))) {
            PollReport safety = resultsAfterThreeVoters(
                            wiring, "/poll create ai-safety-automation", "/poll vote evals feedback=2 economic=4")
                    .report();
            wiring.bot()
                    .handle(new Caller(Platform.CONSOLE, "local", "local", "you", true), parse("/poll close"))
                    .toCompletableFuture()
                    .join();
            PollReport roadmap = resultsAfterThreeVoters(
                            wiring, "/poll create community-roadmap", "/poll vote docs impact=5 reach=3 ease=2")
                    .report();
            wiring.bot()
                    .handle(new Caller(Platform.CONSOLE, "local", "local", "you", true), parse("/poll close"))
                    .toCompletableFuture()
                    .join();
            PollReport adHoc = resultsAfterThreeVoters(
                            wiring,
                            "/poll create Lunch spots fields:\"Thai; Pizza\" factors:\"Taste; Price\"",
                            "/poll vote thai taste=5 price=3")
                    .report();

            assertThat(new TextReportRenderer().render(safety)).contains("Ranking (higher score = automated sooner;");
            assertThat(new MarkdownReportRenderer().render(roadmap)).contains("**Ranking** (higher = build it sooner;");
            assertThat(new TextReportRenderer().render(adHoc))
                    .contains("Ranking (higher score = more;")
                    .doesNotContain("sooner");
            assertThat(ChartRenderer.scoreAxis(roadmap)).isEqualTo("Score (higher = build it sooner)");
            assertThat(ChartRenderer.scoreAxis(adHoc)).isEqualTo("Score (higher = more)");
        }
    }
}
