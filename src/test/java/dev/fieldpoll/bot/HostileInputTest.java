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
    private final Caller member = new Caller(Platform.SLACK, "T1", "C1", "U1", false);
    private final Caller admin = new Caller(Platform.SLACK, "T1", "C1", "U0", true);

    @BeforeEach
    void setUp() {
        wiring = new Wiring(TestConfigs.at(folder), new MutableClock(Instant.parse("2026-11-27T10:00:00Z")));
        BotReply created = wiring.bot()
                .handle(admin, parse("/poll create Which first?"))
                .toCompletableFuture()
                .join();
        poll = ((BotReply.PollPosted) created).poll();
        wiring.bot()
                .handle(member, parse("/poll vote evals feedback=2 economic=4"))
                .toCompletableFuture()
                .join();
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
                parse("/poll vote evals feedback=3 poll:#999"),
                parse("/poll vote " + "x".repeat(1900) + " feedback=3"),
                parse("/poll close"),
                parse("/poll results #999"),
                parse("/poll vote evals feedback=3 feedback=4"),
                parse("/poll vote evals feedback=3 feedback-quality=4"),
                parse("/poll summary now"),
                parse("/poll summary schedule monday 09:00"),
                parse("/poll summary off"));
    }

    @ParameterizedTest
    @MethodSource("hostileCommands")
    void each_is_refused_with_one_clear_line_and_changes_nothing(BotCommand command) {
        String before = state();

        BotReply reply =
                wiring.bot().handle(member, command).toCompletableFuture().join();

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
        Caller stranger = new Caller(Platform.SLACK, "T2", "C1", "U1", true);
        Caller otherPlatform = new Caller(Platform.DISCORD, "T1", "C1", "U1", true);
        String before = state();

        for (Caller outsider : List.of(stranger, otherPlatform)) {
            assertThat(wiring.bot()
                            .handle(
                                    outsider,
                                    new BotCommand.SetAnswers(
                                            poll.id(), Map.of(new CellKey("evals", "feedback-quality"), "5")))
                            .toCompletableFuture()
                            .join())
                    .isInstanceOf(BotReply.Problem.class);
            assertThat(wiring.bot()
                            .handle(outsider, parse("/poll close #" + poll.id()))
                            .toCompletableFuture()
                            .join())
                    .isInstanceOf(BotReply.Problem.class);
            assertThat(wiring.bot()
                            .handle(outsider, parse("/poll results #" + poll.id()))
                            .toCompletableFuture()
                            .join())
                    .isInstanceOf(BotReply.Problem.class);
            assertThat(wiring.bot()
                            .handle(outsider, parse("/poll mine #" + poll.id()))
                            .toCompletableFuture()
                            .join())
                    .isInstanceOf(BotReply.Problem.class);
            assertThat(((BotReply.PollList) wiring.bot()
                                    .handle(outsider, parse("/poll list"))
                                    .toCompletableFuture()
                                    .join())
                            .polls())
                    .isEmpty();
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void sql_and_odd_unicode_in_titles_and_names_are_stored_as_plain_text() {
        String title = "Robert'); DROP TABLE poll;-- \u202Eevil \uD83D\uDE00";
        BotReply reply = wiring.bot()
                .handle(admin, parse("/poll create " + title + " fields:\"A'; B--\" factors:\"x\"\"\""))
                .toCompletableFuture()
                .join();

        Poll stored = ((BotReply.PollPosted) reply).poll();
        assertThat(wiring.store().findById(stored.id()).orElseThrow().title())
                .isEqualTo("Robert'); DROP TABLE poll;-- evil \uD83D\uDE00");
        assertThat(stored.definition().fields()).hasSize(2);
        assertThat(wiring.store().findById(poll.id())).isPresent();
    }

    @Test
    void control_bidi_and_zero_width_characters_are_removed_before_anything_is_stored_or_echoed() {
        // ESC [2J clears a terminal, BEL rings, NUL cuts C strings, U+202E reverses what follows, U+200B hides
        String dirty = "\u001B[2JTeam\u0007 \u202Epriorities\u202C\u200B\u0000 \u2066now\u2069";
        BotReply reply = wiring.bot()
                .handle(
                        admin,
                        parse("/poll create \"" + dirty
                                + "\" fields:\"Al\u200Bpha\u001B; \u202EBeta\" factors:\"Im\u0000pact\u2067\""))
                .toCompletableFuture()
                .join();

        Poll stored = ((BotReply.PollPosted) reply).poll();
        Poll read = wiring.store().findById(stored.id()).orElseThrow();
        assertThat(read.title()).isEqualTo("[2JTeam priorities now");
        assertThat(read.definition().fields())
                .extracting(dev.fieldpoll.poll.Field::name)
                .containsExactly("Alpha", "Beta");
        assertThat(read.definition().factors())
                .extracting(dev.fieldpoll.poll.Factor::name)
                .containsExactly("Impact");
        String echoed = ((BotReply.Problem) wiring.bot()
                        .handle(admin, parse("/poll vote poll:#" + stored.id() + " Gam\u001Bma\u202E impact=3"))
                        .toCompletableFuture()
                        .join())
                .message();
        assertThat(echoed).contains("'Gamma'").doesNotContain("\u001B").doesNotContain("\u202E");
        // invisible characters in a typed name no longer hide it: the vote goes where it was meant
        assertThat(wiring.bot()
                        .handle(
                                admin,
                                parse("/poll vote poll:#" + stored.id() + " \u200B\u200Bal\u0000pha im\u202Epact=3"))
                        .toCompletableFuture()
                        .join())
                .isInstanceOf(BotReply.VoteSaved.class);
    }

    @Test
    void joiners_that_join_something_stay_so_emoji_and_persian_keep_their_shape() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // 👨‍👩‍👧
        String persian = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645"; // می‌خواهم
        BotReply reply = wiring.bot()
                .handle(
                        admin,
                        parse("/poll create Joins fields:\"" + family + "; " + persian + "\u200D\" factors:\"x\""))
                .toCompletableFuture()
                .join();

        Poll stored = ((BotReply.PollPosted) reply).poll();
        assertThat(stored.definition().fields())
                .extracting(dev.fieldpoll.poll.Field::name)
                .containsExactly(family, persian);
    }

    @Test
    void a_replayed_ballot_id_after_close_is_refused() {
        wiring.bot().handle(admin, parse("/poll close")).toCompletableFuture().join();
        String before = state();

        BotReply replay = wiring.bot()
                .handle(
                        member,
                        new BotCommand.SetAnswers(poll.id(), Map.of(new CellKey("evals", "feedback-quality"), "5")))
                .toCompletableFuture()
                .join();

        assertThat(replay).isInstanceOf(BotReply.Problem.class);
        assertThat(((BotReply.Problem) replay).message()).contains("closed");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void a_poll_of_another_channel_is_refused_like_an_unknown_one_for_typed_and_decoded_ids() {
        // given a poll in a private channel of the same workspace
        Caller privateAdmin = new Caller(Platform.SLACK, "T1", "C-PRIVATE", "U0", true);
        Poll secret = ((BotReply.PollPosted) wiring.bot()
                        .handle(privateAdmin, parse("/poll create Secret plans"))
                        .toCompletableFuture()
                        .join())
                .poll();
        Caller outsideAdmin = new Caller(Platform.SLACK, "T1", "C1", "U9", true);
        String before =
                state() + wiring.store().counts(secret.id()) + wiring.store().findById(secret.id());
        long id = secret.id();

        // when members of another channel name it by id, typed or in a component id
        List<BotCommand> attempts = List.of(
                parse("/poll results #" + id),
                parse("/poll results #" + id + " public"),
                parse("/poll mine #" + id),
                parse("/poll close #" + id),
                parse("/poll vote evals feedback=3 poll:#" + id),
                parse("/poll vote poll:#" + id),
                new BotCommand.OpenBallot(new dev.fieldpoll.poll.PollRef.ById(id)),
                new BotCommand.Results(new dev.fieldpoll.poll.PollRef.ById(id), false),
                new BotCommand.Mine(new dev.fieldpoll.poll.PollRef.ById(id)),
                new BotCommand.SetAnswers(id, Map.of(new CellKey("evals", "feedback-quality"), "3")));

        // then each gets the answer an unknown poll gets, and nothing changes
        for (Caller outsider : List.of(member, outsideAdmin)) {
            for (BotCommand attempt : attempts) {
                assertThat(wiring.bot()
                                .handle(outsider, attempt)
                                .toCompletableFuture()
                                .join())
                        .as("%s by %s", attempt, outsider.userId())
                        .isEqualTo(new BotReply.Problem(
                                "No poll #" + id + " in this channel. `/poll list` shows this channel's polls."));
            }
        }
        assertThat(wiring.bot()
                        .handle(outsideAdmin, parse("/poll results #999999"))
                        .toCompletableFuture()
                        .join())
                .isEqualTo(new BotReply.Problem(
                        "No poll #999999 in this channel. `/poll list` shows this channel's polls."));
        assertThat(state() + wiring.store().counts(secret.id()) + wiring.store().findById(secret.id()))
                .isEqualTo(before);
        assertThat(wiring.bot()
                        .handle(privateAdmin, parse("/poll results #" + id))
                        .toCompletableFuture()
                        .join())
                .isInstanceOf(BotReply.ResultsView.class);
    }

    @Test
    void a_members_public_results_are_shown_to_them_privately_after_the_notice() {
        BotReply reply = wiring.bot()
                .handle(member, parse("/poll results public"))
                .toCompletableFuture()
                .join();

        assertThat(reply).isInstanceOf(BotReply.ResultsView.class);
        BotReply.ResultsView view = (BotReply.ResultsView) reply;
        assertThat(view.postPublicly()).isFalse();
        assertThat(view.notice())
                .isEqualTo("Only the member who started \"Which first?\" or an admin can post its results to the "
                        + "whole channel; here they are just for you.");
        assertThat(view.report().poll().id()).isEqualTo(poll.id());
    }

    @Test
    void a_members_public_results_before_voting_say_both_why_not_public_and_why_not_yet() {
        Caller newcomer = new Caller(Platform.SLACK, "T1", "C1", "U7", false);

        BotReply reply = wiring.bot()
                .handle(newcomer, parse("/poll results public"))
                .toCompletableFuture()
                .join();

        assertThat(reply)
                .isEqualTo(new BotReply.Problem("Only the member who started \"Which first?\" or an admin can post its "
                        + "results to the whole channel. Vote first: results of \"Which first?\" are shown once you have voted, so "
                        + "early tallies don't sway you."));
    }

    @Test
    void a_factor_given_twice_in_one_vote_is_refused_and_neither_score_is_saved() {
        BotReply reply = wiring.bot()
                .handle(member, parse("/poll vote mech feedback=3 feedback=4"))
                .toCompletableFuture()
                .join();

        assertThat(reply)
                .isEqualTo(
                        new BotReply.Problem(
                                "You scored Feedback quality twice for Mech Interp. Give each factor once; nothing was saved."));
        assertThat(wiring.store().ballot(poll.id(), "U1").answers())
                .doesNotContainKey(new CellKey("mech-interp", "feedback-quality"));
    }

    @Test
    void creating_a_poll_in_a_direct_message_is_refused_with_a_pointer_to_a_channel() {
        Caller inDirectMessage = new Caller(Platform.SLACK, "T1", "D1", "U1", true, java.util.Set.of(), true);
        String before = state();

        BotReply reply = wiring.bot()
                .handle(inDirectMessage, parse("/poll create Lunch"))
                .toCompletableFuture()
                .join();

        assertThat(reply)
                .isEqualTo(new BotReply.Problem("Polls live in channels, not in direct messages. Run `/poll create` "
                        + "in a channel (and add me there); nothing was created."));
        assertThat(wiring.store().listInChannel(new Workspace(Platform.SLACK, "T1"), "D1"))
                .isEmpty();
        assertThat(state()).isEqualTo(before);
    }
}
