package dev.fieldpoll.console;

import static dev.fieldpoll.testing.ConsoleTranscript.chat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellCounts;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.testing.MutableClock;
import dev.fieldpoll.testing.TestConfigs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console chat end to end: typed lines in, text out, a real SQLite file underneath. */
class ConsoleChatTest {

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));

    @Test
    void create_vote_as_three_members_change_a_vote_results_close_and_refuse_late_votes() throws Exception {
        try (Wiring wiring = new Wiring(TestConfigs.at(folder), clock)) {
            // given a poll created from the default template
            String created = chat(wiring, "/poll create Which fields first? closes:3d");
            assertThat(created)
                    .contains("Poll #1: Which fields first?")
                    .contains("Feedback quality")
                    .contains("Closes 2026-11-30 10:00");

            // when three members vote: one typed, one through the stepped ballot, one changing their mind
            String voting = chat(
                    wiring,
                    "/poll vote mech interp feedback=5 economic=4",
                    "/poll vote evals feedback=2 econ=?",
                    ":as alice",
                    "/poll vote",
                    "4",
                    "5",
                    "",
                    "3",
                    "9",
                    "2",
                    "q",
                    ":as bob",
                    "/poll vote mech feedback=3 economic=3",
                    "/poll vote mech feedback=4",
                    "/poll mine");

            // then each answer was confirmed, bad input re-asked, the change kept
            assertThat(voting)
                    .contains("Saved: Mech Interp / Feedback quality 5, Mech Interp / Economic incentive 4.")
                    .contains("Saved: Evals / Feedback quality 2, Evals / Economic incentive don't know.")
                    .contains("You are now alice.")
                    .contains("[1/10] Scalable Oversight")
                    .contains("'9' is not a score here")
                    .contains("Your answers in #1")
                    .contains("Mech Interp: Feedback quality 4, Economic incentive 3");
            var store = wiring.store();
            assertThat(store.voterCount(1)).isEqualTo(3);
            assertThat(store.ballot(1, "alice").answers())
                    .containsEntry(new CellKey("scalable-oversight", "feedback-quality"), Answer.score(4))
                    .containsEntry(new CellKey("scalable-oversight", "economic-incentive"), Answer.score(5))
                    .containsEntry(new CellKey("mech-interp", "economic-incentive"), Answer.score(3))
                    .containsEntry(new CellKey("ai-control", "feedback-quality"), Answer.score(2))
                    .hasSize(4);
            CellCounts mechFeedback = store.counts(1).stream()
                    .filter(c -> c.cell().equals(new CellKey("mech-interp", "feedback-quality")))
                    .findFirst()
                    .orElseThrow();
            assertThat(mechFeedback.histogram()).containsExactly(0, 0, 0, 1, 1);

            // when results are asked, the poll is closed by a non-creator and then the creator, and a late vote comes
            String ending = chat(
                    wiring,
                    "/poll results",
                    ":as bob",
                    "/poll close",
                    ":as you",
                    "/poll close",
                    ":as carol",
                    "/poll vote evals feedback=5 economic=5",
                    "/poll list");

            // then results show that no field has 3 scores on both factors yet (Mech Interp has them on
            // one), bob may not close, the close holds, carol is refused and nothing changed
            assertThat(ending)
                    .contains("No field has 3 scores on every factor yet (so far 3 voters)")
                    .contains("Mech Interp: 1 of 2 factors have 3 scores")
                    .doesNotContain("Ranking")
                    .contains("Only the member who started \"Which fields first?\" or an admin can close it.")
                    .contains("Closed poll #1 \"Which fields first?\" with 3 voters.")
                    .contains("is closed, so votes are no longer taken")
                    .contains("#1 Which fields first? - closed, 3 voters");
            assertThat(store.voterCount(1)).isEqualTo(3);
        }
    }

    @Test
    void a_poll_past_its_close_time_refuses_votes() throws Exception {
        try (Wiring wiring = new Wiring(TestConfigs.at(folder), clock)) {
            chat(wiring, "/poll create Quick one closes:1h");
            clock.advance(Duration.ofMinutes(61));

            String late = chat(wiring, "/poll vote evals feedback=3");

            assertThat(late).contains("is closed, so votes are no longer taken");
            assertThat(wiring.store().voterCount(1)).isZero();
        }
    }

    @Test
    void bad_input_gets_one_friendly_line_and_changes_nothing() throws Exception {
        try (Wiring wiring = new Wiring(TestConfigs.at(folder), clock)) {
            chat(wiring, "/poll create", "/poll vote evals feedback=3");

            String answers = chat(
                    wiring,
                    "/poll vote evals feedback=6",
                    "/poll vote evls feedback=3",
                    "/poll vote evals feedbak=3",
                    "/poll vote m feedback=3",
                    "/poll results #99",
                    "/poll create Ad hoc fields:\"A; B\"",
                    "/poll create fields:\"A; B\" factors:\"X\"",
                    "/poll create template:nope-template-x",
                    "/poll create \"Past\" closes:2020-01-01",
                    "hello",
                    ":as bad name!");

            assertThat(answers.lines().filter(line -> line.contains("! ")).toList())
                    .hasSizeGreaterThanOrEqualTo(10);
            assertThat(answers)
                    .contains("'6' is not a score here")
                    .contains("Did you mean 'Evals'")
                    .contains("This poll has no factor 'feedbak'")
                    .contains("could be")
                    .contains("No poll #99 in this channel")
                    .contains("needs both fields")
                    .contains("Give your poll a title")
                    .contains("No template 'nope-template-x'")
                    .contains("close time is in the past")
                    .contains("Commands start with /poll")
                    .contains("Member names are");
            assertThat(answers).doesNotContain("Exception");
            assertThat(wiring.store().ballot(1, "you").answers())
                    .containsExactlyEntriesOf(
                            java.util.Map.of(new CellKey("evals", "feedback-quality"), Answer.score(3)));
            assertThat(wiring.store()
                            .listInChannel(
                                    new dev.fieldpoll.poll.Workspace(dev.fieldpoll.poll.Platform.CONSOLE, "local"),
                                    "local"))
                    .hasSize(1);
        }
    }

    @Test
    void after_vote_results_stay_hidden_until_the_member_voted() throws Exception {
        try (Wiring wiring = new Wiring(TestConfigs.at(folder), clock)) {
            chat(wiring, "/poll create \"Hidden\"", ":as alice", "/poll vote evals feedback=3");

            String bob = chat(wiring, ":as bob", "/poll results", "/poll vote evals feedback=4", "/poll results");

            List<String> lines = bob.lines().toList();
            assertThat(bob).contains("Vote first");
            assertThat(bob.indexOf("Vote first")).isLessThan(bob.indexOf("Saved:"));
            assertThat(bob).contains("Results appear once 3 members have voted (so far 2)");
            assertThat(lines).noneMatch(line -> line.contains("mean"));
        }
    }

    @Test
    void an_admin_schedules_and_posts_a_summary_whose_chart_is_written_to_a_file() throws Exception {
        try (Wiring wiring = new Wiring(TestConfigs.at(folder), clock)) {
            chat(wiring, "/poll create \"Weekly\"");
            for (String voter : List.of("a", "b", "c")) {
                chat(
                        wiring,
                        ":as " + voter,
                        "/poll vote mech feedback=5 economic=4",
                        "/poll vote evals feedback=2 economic=3");
            }

            String output = chat(
                    wiring,
                    "/poll summary schedule monday 09:00 Europe/London",
                    "/poll summary now",
                    ":as a",
                    "/poll summary off");

            assertThat(output)
                    .contains("Weekly summaries in this channel: every Monday at 09:00 Europe/London. "
                            + "Next: Monday 2026-11-30 09:00 GMT.")
                    .contains("# Summary, 2026-11-27")
                    .contains("## Weekly (#1, open)")
                    .contains("Ranking")
                    .contains("Posted a summary of 1 poll.")
                    .contains("Only admins can manage this channel's weekly summaries.");
            String chartLine = output.lines()
                    .filter(line -> line.startsWith("Chart: "))
                    .findFirst()
                    .orElseThrow();
            Path chart = Path.of(chartLine.substring("Chart: ".length()));
            assertThat(chart).exists();
            assertThat(java.nio.file.Files.readAllBytes(chart)).startsWith(0x89, 'P', 'N', 'G');
        }
    }

    @Test
    void a_line_that_is_not_utf8_gets_one_clear_line_and_the_next_line_is_read() throws Exception {
        try (Wiring wiring = new Wiring(TestConfigs.at(folder), clock)) {
            ByteArrayOutputStream input = new ByteArrayOutputStream();
            input.write("/poll create Caf".getBytes(StandardCharsets.UTF_8));
            input.write(new byte[] {(byte) 0xE9, (byte) 0xFF}); // Latin-1 "é", then a byte UTF-8 never uses
            input.write("\n/poll list\n".getBytes(StandardCharsets.UTF_8));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

            wiring.consoleChat(out).run(new java.io.ByteArrayInputStream(input.toByteArray()), out);

            String text = bytes.toString(StandardCharsets.UTF_8);
            assertThat(text)
                    .contains("! That line is not UTF-8 text, so I ignored it. Set your terminal to UTF-8 "
                            + "(for example LANG=C.UTF-8) and type it again.")
                    .contains("No polls in this channel yet")
                    .doesNotContain("\uFFFD");
        }
    }

    @Test
    void a_poll_closing_on_a_date_closes_at_the_end_of_that_day_not_at_the_next_midnight() throws Exception {
        try (Wiring wiring = new Wiring(TestConfigs.at(folder), clock)) {
            String created = chat(wiring, "/poll create \"Holiday plans\" closes:2026-12-24", "/poll list");

            assertThat(created)
                    .contains("Closes end of 24 Dec 2026 (UTC).")
                    .contains(", closes end of 24 Dec 2026 (UTC)")
                    .doesNotContain("2026-12-25 00:00");
        }
    }
}
