package dev.fieldpoll.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.poll.CellCounts;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.Workspace;
import dev.fieldpoll.testing.MutableClock;
import dev.fieldpoll.testing.TestConfigs;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever a client sends — forged ids, other workspaces' polls, scores off the scale, unknown
 * cells, odd text, SQL — PollBot refuses with one clear line and nothing stored changes.
 */
class HostileInputTest {

    @TempDir
    Path folder;

    private Wiring wiring;
    private Poll poll;
    private final Caller member = new Caller(Platform.SLACK, "T1", "C1", "U1", "mallory", false);
    private final Caller admin = new Caller(Platform.SLACK, "T1", "C1", "U0", "admin", true);

    @BeforeEach
    void setUp() {
        wiring = new Wiring(TestConfigs.at(folder), new MutableClock(Instant.parse("2026-11-27T10:00:00Z")));
        BotReply created = wiring.bot().handle(admin, parse("/poll create Which first?"));
        poll = ((BotReply.PollPosted) created).poll();
        wiring.bot().handle(member, parse("/poll vote evals feedback=2 economic=4"));
    }

    @AfterEach
    void tearDown() {
        wiring.close();
    }

    private static BotCommand parse(String line) {
        return ((ParseResult.Parsed) new CommandParser().parse(line)).command();
    }

    private String state() {
        List<CellCounts> counts = wiring.store().counts(poll.id());
        return counts + "|" + wiring.store().voterCount(poll.id()) + "|"
                + wiring.store().findById(poll.id()).orElseThrow() + "|"
                + wiring.store()
                        .listInChannel(new Workspace(Platform.SLACK, "T1"), "C1")
                        .size();
    }

    static Stream<BotCommand> hostileCommands() {
        CellKey evals = new CellKey("evals", "feedback-quality");
        return Stream.of(
                new BotCommand.SetAnswers(999, Map.of(evals, "3")),
                new BotCommand.SetAnswers(1, Map.of(evals, "6")),
                new BotCommand.SetAnswers(1, Map.of(evals, "0")),
                new BotCommand.SetAnswers(1, Map.of(evals, "-1")),
                new BotCommand.SetAnswers(1, Map.of(evals, "3.5")),
                new BotCommand.SetAnswers(1, Map.of(evals, "99999999999999999999")),
                new BotCommand.SetAnswers(1, Map.of(evals, "'; DROP TABLE vote; --")),
                new BotCommand.SetAnswers(1, Map.of(new CellKey("evals", "made-up"), "3")),
                new BotCommand.SetAnswers(1, Map.of(new CellKey("'; DELETE FROM poll; --", "feedback-quality"), "3")),
                new BotCommand.SetAnswers(1, Map.of(new CellKey("evals\u202Efeedback", "feedback-quality"), "3")),
                new BotCommand.SetAnswers(1, Map.of()),
                parse("/poll vote evals feedback=\uD83D\uDE00"),
                parse("/poll vote \u200B\u200Bevals feedback=3"),
                parse("/poll vote evals f\u0000eedback=3"),
                parse("/poll vote evals feedback=3 poll:#999"),
                parse("/poll vote " + "x".repeat(1900) + " feedback=3"),
                parse("/poll close"),
                parse("/poll results #999"),
                parse("/poll results public"),
                parse("/poll summary now"),
                parse("/poll summary schedule monday 09:00"),
                parse("/poll summary off"));
    }

    @ParameterizedTest
    @MethodSource("hostileCommands")
    void each_is_refused_with_one_clear_line_and_changes_nothing(BotCommand command) {
        String before = state();

        BotReply reply = wiring.bot().handle(member, command);

        assertThat(reply).isInstanceOfAny(BotReply.Problem.class, BotReply.InvalidAnswer.class);
        String message = reply instanceof BotReply.Problem problem
                ? problem.message()
                : ((BotReply.InvalidAnswer) reply).message();
        assertThat(message)
                .isNotBlank()
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .hasSizeLessThan(700);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void another_workspace_sees_nothing_and_cannot_touch_the_poll() {
        Caller stranger = new Caller(Platform.SLACK, "T2", "C1", "U1", "mallory", true);
        Caller otherPlatform = new Caller(Platform.DISCORD, "T1", "C1", "U1", "mallory", true);
        String before = state();

        for (Caller outsider : List.of(stranger, otherPlatform)) {
            assertThat(wiring.bot()
                            .handle(
                                    outsider,
                                    new BotCommand.SetAnswers(
                                            poll.id(), Map.of(new CellKey("evals", "feedback-quality"), "5"))))
                    .isInstanceOf(BotReply.Problem.class);
            assertThat(wiring.bot().handle(outsider, parse("/poll close #" + poll.id())))
                    .isInstanceOf(BotReply.Problem.class);
            assertThat(wiring.bot().handle(outsider, parse("/poll results #" + poll.id())))
                    .isInstanceOf(BotReply.Problem.class);
            assertThat(wiring.bot().handle(outsider, parse("/poll mine #" + poll.id())))
                    .isInstanceOf(BotReply.Problem.class);
            assertThat(((BotReply.PollList) wiring.bot().handle(outsider, parse("/poll list"))).polls())
                    .isEmpty();
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void sql_and_odd_unicode_in_titles_and_names_are_stored_as_plain_text() {
        String title = "Robert'); DROP TABLE poll;-- \u202Eevil \uD83D\uDE00";
        BotReply reply =
                wiring.bot().handle(admin, parse("/poll create " + title + " fields:\"A'; B--\" factors:\"x\"\"\""));

        Poll stored = ((BotReply.PollPosted) reply).poll();
        assertThat(wiring.store().findById(stored.id()).orElseThrow().title()).isEqualTo(title);
        assertThat(stored.definition().fields()).hasSize(2);
        assertThat(wiring.store().findById(poll.id())).isPresent();
    }

    @Test
    void a_replayed_ballot_id_after_close_is_refused() {
        wiring.bot().handle(admin, parse("/poll close"));
        String before = state();

        BotReply replay = wiring.bot()
                .handle(
                        member,
                        new BotCommand.SetAnswers(poll.id(), Map.of(new CellKey("evals", "feedback-quality"), "5")));

        assertThat(replay).isInstanceOf(BotReply.Problem.class);
        assertThat(((BotReply.Problem) replay).message()).contains("closed");
        assertThat(state()).isEqualTo(before);
    }
}
