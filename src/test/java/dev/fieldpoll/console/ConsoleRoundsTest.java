package dev.fieldpoll.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.bot.BotCommand;
import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.Ballot;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.PollRef;
import dev.fieldpoll.report.MarkdownReportRenderer;
import dev.fieldpoll.testing.Eventually;
import dev.fieldpoll.testing.Golden;
import dev.fieldpoll.testing.MutableClock;
import dev.fieldpoll.testing.TestConfigs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rounds (Delphi) in the console chat end to end: rerun, a round-2 ballot with hints, keep, results, list. */
class ConsoleRoundsTest {

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));

    private String chat(Wiring wiring, String... lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        chatInto(wiring, bytes, lines);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Round 1 (#1): four members score two fields on one factor, then its creator closes it. */
    private void roundOne(Wiring wiring) {
        chat(
                wiring,
                "/poll create \"Roadmap\" fields:\"Docs; Speed\" factors:\"Impact\"",
                "/poll vote docs impact=5",
                "/poll vote speed impact=1",
                ":as alice",
                "/poll vote docs impact=4",
                "/poll vote speed impact=2",
                ":as bob",
                "/poll vote docs impact=2",
                "/poll vote speed impact=4",
                ":as carol",
                "/poll vote docs impact=4",
                "/poll vote speed impact=3",
                ":as you",
                "/poll close");
    }

    @Test
    void rounds_are_deleted_from_the_latest_back_and_leave_no_link() {
        try (Wiring wiring = new Wiring(TestConfigs.at(folder), clock)) {
            // given round 1 (#1) rerun as round 2 (#2)
            roundOne(wiring);
            chat(wiring, "/poll rerun");

            // when its creator deletes round 1 while round 2 links to it
            String refused = chat(wiring, "/poll delete #1 confirm");

            // then it is refused and both rounds stay
            assertThat(refused).contains("Poll #1 has a later round, #2. Delete that round first");
            assertThat(wiring.store().findById(1)).isPresent();

            // when round 2 is deleted, then round 1
            String deleted = chat(wiring, "/poll delete #2 confirm", "/poll delete #1 confirm");

            // then both are gone with their link, and the database is still consistent
            assertThat(deleted).doesNotContain("has a later round");
            assertThat(wiring.store().findById(2)).isEmpty();
            assertThat(wiring.store().findById(1)).isEmpty();
            assertThat(new dev.fieldpoll.store.DatabaseCheck(wiring.config().database())
                            .run()
                            .healthy())
                    .isTrue();
        }
    }

    @Test
    void rerun_opens_round_two_with_hints_keep_and_a_round_report() {
        try (Wiring wiring = new Wiring(TestConfigs.at(folder), clock)) {
            // given a closed round 1
            roundOne(wiring);

            // when a member who did not start it reruns it, then its creator does
            String rerun = chat(wiring, ":as bob", "/poll rerun", ":as you", "/poll rerun closes:3d");

            // then bob is refused and round 2 (#2) is posted with the same fields
            assertThat(rerun)
                    .contains("Only the member who started \"Roadmap\" or an admin can run it again.")
                    .contains("Poll #2: Roadmap (round 2)")
                    .contains("Docs");

            // when members vote in round 2: you keep your answers with Enter, alice keeps with /poll keep,
            // bob moves toward the median, carol keeps by typing
            String voting = chat(
                    wiring,
                    "/poll vote",
                    "",
                    "",
                    ":as alice",
                    "/poll keep",
                    ":as bob",
                    "/poll vote docs impact=4",
                    "/poll vote speed impact=3",
                    ":as carol",
                    "/poll vote docs impact=4",
                    "/poll vote speed impact=3",
                    "/poll keep");

            // then the ballot showed round 1's view and the member's own answer, and answers were kept
            assertThat(voting)
                    .contains("Round 2 of this poll")
                    .contains("(round 1: median 4, middle half 2–4 · you: 5)")
                    .contains("(round 1: median 2.5, middle half 1–3 · you: 1)")
                    .contains("Docs / Impact 4")
                    .contains("Speed / Impact 2")
                    .contains("There is nothing to keep");
            var store = wiring.store();
            assertThat(store.ballot(2, "you").answers())
                    .containsEntry(new CellKey("docs", "impact"), Answer.score(5))
                    .containsEntry(new CellKey("speed", "impact"), Answer.score(1));
            assertThat(store.ballot(2, "alice").answers()).hasSize(2);

            // when results of round 2 are asked, and the channel's polls are listed
            String results = chat(wiring, "/poll results", "/poll list");

            // then the round report says who moved and which way, with intervals, and list shows the rounds
            assertThat(results)
                    .contains("Round 2 (after #1)")
                    .contains("4 voters answered both round 1 and round 2.")
                    .contains(
                            "Changed at least one score: 1 of 4 (25%): 1 mostly toward round 1's median, 0 mostly away")
                    .contains("Score change since round 1")
                    .contains("Docs: ")
                    .contains("90% interval")
                    .contains("#2 Roadmap (round 2) · rounds #1, #2 - open")
                    .doesNotContain("#1 Roadmap -");
        }
    }

    @Test
    void a_round_two_summary_and_its_results_post_carry_the_round_changes_of_poll_results() {
        try (Wiring wiring = new Wiring(TestConfigs.at(folder), clock)) {
            // given round 2 of a closed round 1, answered by the same four members, carol moving away from the median
            roundOne(wiring);
            chat(
                    wiring,
                    "/poll rerun",
                    "/poll keep",
                    ":as carol",
                    "/poll vote docs impact=3",
                    "/poll vote speed impact=3",
                    ":as alice",
                    "/poll keep",
                    ":as bob",
                    "/poll keep");
            List<String> reply = roundSection(chat(wiring, "/poll results #2"));
            assertThat(reply).first().isEqualTo("Round 2 (after #1)");

            // when an admin posts the summary now, then closes round 2 (its results post follows)
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            chatInto(wiring, printed, "/poll summary now", "/poll close #2");
            String post = Eventually.value(
                    () -> Optional.of(printed.toString(StandardCharsets.UTF_8)),
                    text -> text.contains("# Results of poll #2")
                            && markdown(text, "# Results of poll #2").length()
                                    < text.length() - text.indexOf("# Results of poll #2")
                            && text.endsWith("\n"),
                    "the results post of round 2 printed");

            // then the summary's round 2 part and the post end with the reply's round sentences, the same numbers
            String summary = markdown(post, "# Summary");
            String results = markdown(post, "# Results of poll #2");
            for (String markdown : List.of(summary, results)) {
                assertThat(markdown).contains("**" + MarkdownReportRenderer.escape(reply.get(0)) + "**");
                reply.subList(1, reply.size())
                        .forEach(line -> assertThat(markdown).contains(MarkdownReportRenderer.escape(line)));
            }
            assertThat(summary.substring(summary.indexOf("## Roadmap (#1")))
                    .as("round 1's part has no round section")
                    .doesNotContain("Round 2 (after");
            Golden.assertMatches("summary/round-weekly.md", summary);
            Golden.assertMatches("summary/round-results-post.md", results);
        }
    }

    /** The plain round section of a results reply: from its heading to the next blank line or prompt. */
    private static List<String> roundSection(String reply) {
        return reply.substring(reply.indexOf("Round 2 (after #"))
                .lines()
                .takeWhile(line -> !line.isBlank() && !line.startsWith("you@"))
                .toList();
    }

    /** A post's Markdown as printed: from its heading to the charts' lines under it. */
    private static String markdown(String printed, String heading) {
        String from = printed.substring(printed.indexOf(heading));
        int charts = from.indexOf("\nChart: ");
        return charts < 0 ? from : from.substring(0, charts + 1);
    }

    /** Runs lines in the console chat, printing into {@code bytes}, which later posts keep printing into. */
    private void chatInto(Wiring wiring, ByteArrayOutputStream bytes, String... lines) {
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try {
            wiring.consoleChat(out)
                    .run(
                            new java.io.ByteArrayInputStream(
                                    (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)),
                            out);
        } catch (Exception failed) {
            throw new AssertionError(failed);
        }
    }

    @Test
    void rerun_keeps_every_round_one_answer_where_it_belongs_and_refuses_twice_or_while_open() {
        try (Wiring wiring = new Wiring(TestConfigs.at(folder), clock)) {
            // given a closed round 1 with its answers read before the rerun
            roundOne(wiring);
            var store = wiring.store();
            Map<String, Ballot> before = Map.of(
                    "you", store.ballot(1, "you"),
                    "alice", store.ballot(1, "alice"),
                    "bob", store.ballot(1, "bob"),
                    "carol", store.ballot(1, "carol"));

            // when it is rerun, round 2 voted on, rerun again from round 1, and round 2 rerun while open
            String output = chat(
                    wiring,
                    "/poll rerun #1",
                    "/poll vote docs impact=1",
                    ":as alice",
                    "/poll keep",
                    ":as you",
                    "/poll rerun #1",
                    "/poll rerun #2");

            // then round 1's answers are exactly as they were, round 2 has only its own
            before.forEach((voter, ballot) ->
                    assertThat(store.ballot(1, voter).answers()).isEqualTo(ballot.answers()));
            assertThat(store.voterCount(1)).isEqualTo(4);
            assertThat(store.voterCount(2)).isEqualTo(2);
            assertThat(store.ballot(2, "you").answers())
                    .containsOnly(Map.entry(new CellKey("docs", "impact"), Answer.score(1)));
            assertThat(store.ballot(2, "alice").answers())
                    .isEqualTo(before.get("alice").answers());
            assertThat(output)
                    .contains("already has a next round, #2")
                    .contains("\"Roadmap (round 2)\" is still open. Close it first");
        }
    }

    @Test
    void rounds_chain_and_nothing_crosses_channels() {
        try (Wiring wiring = new Wiring(TestConfigs.at(folder), clock)) {
            // given round 1 closed and round 2 closed
            roundOne(wiring);
            String chain = chat(wiring, "/poll rerun", "/poll close #2", "/poll rerun #2", "/poll list");
            // then round 3 follows round 2, and the channel lists the three rounds as one poll
            assertThat(chain)
                    .contains("Poll #3: Roadmap (round 3)")
                    .contains("#3 Roadmap (round 3) · rounds #1, #2, #3 - open")
                    .doesNotContain("#2 Roadmap (round 2) ·");

            // when a member of another channel names the poll
            String elsewhere = rerunFromAnotherChannel(wiring);
            // then it is unknown there, and nothing was opened
            assertThat(elsewhere.lines()).hasSize(6).allMatch(line -> line.startsWith("No poll #3 in this channel"));
            assertThat(wiring.store().findById(4)).isEmpty();
        }
    }

    /** An admin of another channel of the same workspace, and of another workspace, names round 3. */
    private String rerunFromAnotherChannel(Wiring wiring) {
        StringBuilder answers = new StringBuilder();
        for (Caller elsewhere : java.util.List.of(
                new Caller(Platform.CONSOLE, "local", "elsewhere", "you", true),
                new Caller(Platform.CONSOLE, "other-workspace", "general", "you", true))) {
            for (BotCommand command : java.util.List.of(
                    new BotCommand.Close(new PollRef.ById(3)),
                    new BotCommand.Rerun(new PollRef.ById(3), java.util.Optional.empty()),
                    new BotCommand.KeepAnswers(new PollRef.ById(3)))) {
                BotReply reply = wiring.bot()
                        .handle(elsewhere, command)
                        .toCompletableFuture()
                        .join();
                answers.append(((BotReply.Problem) reply).message()).append('\n');
            }
        }
        return answers.toString();
    }
}
