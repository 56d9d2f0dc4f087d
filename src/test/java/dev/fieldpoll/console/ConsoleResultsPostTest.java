package dev.fieldpoll.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.store.SqlResultsPostStore;
import dev.fieldpoll.testing.Eventually;
import dev.fieldpoll.testing.MutableClock;
import dev.fieldpoll.testing.TestConfigs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing a poll in the console chat prints the bot's channel post with the ranking, unasked. */
class ConsoleResultsPostTest {

    @TempDir
    Path folder;

    @Test
    void closing_a_poll_prints_the_channel_post_with_the_ranking_once() throws Exception {
        try (Wiring wiring =
                new Wiring(TestConfigs.at(folder), new MutableClock(Instant.parse("2026-11-27T10:00:00Z")))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            String lines = String.join(
                    "\n",
                    "/poll create Which fields first?",
                    ":as a",
                    "/poll vote mech feedback=5 economic=4",
                    "/poll vote evals feedback=3 economic=3",
                    ":as b",
                    "/poll vote mech feedback=4 economic=4",
                    "/poll vote evals feedback=2 economic=3",
                    ":as c",
                    "/poll vote mech feedback=5 economic=5",
                    "/poll vote evals feedback=3 economic=2",
                    ":as you",
                    "/poll close",
                    "");

            wiring.consoleChat(out).run(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), out);

            String post = Eventually.value(
                    () -> Optional.of(bytes.toString(StandardCharsets.UTF_8)),
                    text -> text.contains("**Participation:**"),
                    "the results post printed");
            String printed = post.substring(post.indexOf("📣 fieldpoll posted in #"));
            assertThat(printed)
                    .startsWith("📣 fieldpoll posted in #local:\n# Results of poll #1: Which fields first?")
                    .contains("**Ranking** (rank range = 90% interval)\n1. Mech Interp · rank 1")
                    .contains("2. Evals · rank")
                    .contains("**Participation:** 3 voters, 0% with complete ballots")
                    .contains("Chart: ");
            wiring.resultsPostJob().runDue().join();
            assertThat(bytes.toString(StandardCharsets.UTF_8).split("📣 fieldpoll posted in", -1))
                    .as("posted once")
                    .hasSize(2);
        }
    }

    @Test
    void an_ad_hoc_factor_shows_its_name_once() throws Exception {
        try (Wiring wiring =
                new Wiring(TestConfigs.at(folder), new MutableClock(Instant.parse("2026-11-27T10:00:00Z")))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            String lines = "/poll create \"Team priorities\" fields:\"A; B\" factors:\"Impact; Effort\"\n";

            wiring.consoleChat(out).run(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), out);

            String printed = bytes.toString(StandardCharsets.UTF_8);
            assertThat(printed).contains("  Impact\n").contains("  Effort\n").doesNotContain("Impact?");
        }
    }

    @Test
    void with_results_posts_turned_off_closing_prints_no_post_and_none_is_owed() throws Exception {
        try (Wiring wiring = new Wiring(
                TestConfigs.withoutResultsPosts(TestConfigs.at(folder)),
                new MutableClock(Instant.parse("2026-11-27T10:00:00Z")))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            String lines = "/poll create Quiet one\n/poll close\n";

            wiring.consoleChat(out).run(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), out);

            // the closing is handled (its claim row exists) and nothing is owed afterwards
            Eventually.value(
                    () -> wiring.store()
                                    .closedUnhandled(Instant.parse("2026-11-27T10:00:00Z"), Duration.ofMinutes(10))
                                    .isEmpty()
                            ? Optional.of(true)
                            : Optional.empty(),
                    handled -> handled,
                    "the closing handled");
            assertThat(wiring.resultsPostJob().runDue().join()).isZero();
            assertThat(bytes.toString(StandardCharsets.UTF_8))
                    .contains("Closed poll #1")
                    .doesNotContain("fieldpoll posted in");
        }
    }

    @Test
    void a_poll_created_with_announce_off_gets_no_post_while_another_poll_does() throws Exception {
        Instant start = Instant.parse("2026-11-27T10:00:00Z");
        try (Wiring wiring = new Wiring(TestConfigs.at(folder), new MutableClock(start))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            String lines = String.join(
                    "\n",
                    "/poll create \"Quiet one\" announce:off",
                    "/poll create \"Loud one\"",
                    "/poll close poll:#1",
                    "/poll close poll:#2",
                    "");

            wiring.consoleChat(out).run(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), out);

            // the announced poll's post arrives, and the quiet poll's claim is done without a post
            Eventually.value(
                    () -> Optional.of(bytes.toString(StandardCharsets.UTF_8)),
                    text -> text.contains("Results of poll #2: Loud one"),
                    "the results post of poll #2 printed");
            SqlResultsPostStore posts = new SqlResultsPostStore(wiring.database());
            Eventually.value(
                    () -> posts.owed(start.plus(Duration.ofDays(1)), Duration.ofMinutes(1))
                                    .isEmpty()
                            ? Optional.of(true)
                            : Optional.empty(),
                    done -> done,
                    "both posts done");
            assertThat(wiring.resultsPostJob().runDue().join()).isZero();
            String printed = bytes.toString(StandardCharsets.UTF_8);
            assertThat(printed).contains("Closed poll #1").contains("Closed poll #2");
            assertThat(printed).doesNotContain("Results of poll #1");
            assertThat(printed.split("📣 fieldpoll posted in", -1))
                    .as("one post")
                    .hasSize(2);
        }
    }
}
