package dev.fieldpoll.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.CommandParser;
import dev.fieldpoll.bot.ParseResult;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Workspace;
import dev.fieldpoll.testing.Golden;
import dev.fieldpoll.testing.MutableClock;
import dev.fieldpoll.testing.ReportFixtures;
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

    @Test
    void a_summary_with_opinion_groups_names_the_common_ground_first() {
        ChannelSummary summary = new ChannelSummary(
                new Workspace(Platform.CONSOLE, "local"),
                "local",
                LocalDate.of(2026, 11, 27),
                Instant.parse("2026-11-27T17:00:00Z"),
                Optional.empty(),
                List.of(ReportFixtures.summaryOf(ReportFixtures.report(ReportFixtures.twoCamps()))));

        String markdown = new SummaryMarkdownRenderer().render(summary);

        Golden.assertMatches("summary/weekly-groups.md", markdown);
        assertThat(markdown)
                .contains("**Opinion groups**\nCommon ground: every group ranks Mech Interp in its upper half")
                .contains("- Group B: 16 voters (40%); top fields: Mech Interp, Agent Foundations, Evals; most apart on"
                        + " Evals / Feedback quality (1.50 vs 4.75).");
    }

    @Test
    void a_summary_of_one_crowd_says_so_and_of_too_few_ballots_says_nothing_about_groups() {
        PollSummary few = ReportFixtures.summaryOf(ReportFixtures.report(ReportFixtures.tenVoters()));

        PollSummary crowd = ReportFixtures.summaryOf(ReportFixtures.report(ReportFixtures.oneCrowd()));

        assertThat(new SummaryMarkdownRenderer().render(few)).doesNotContain("Opinion groups");
        assertThat(few.groupChart().isEmpty()).isTrue();
        assertThat(few.charts()).hasSize(1);
        assertThat(new SummaryMarkdownRenderer().render(crowd))
                .contains("**Opinion groups**\nNo distinct opinion groups: the 80 voters differ by degree rather than"
                        + " forming separate camps.\n");
        assertThat(crowd.charts()).hasSize(1);
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
