package dev.fieldpoll.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.testing.MutableClock;
import dev.fieldpoll.testing.TestConfigs;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "/poll mine" tells a member which opinion group their own ballot is closest to, and only that
 * member, and only when they may see the poll's results; results show groups, never whose.
 */
class ClosestGroupTest {

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));

    @Test
    void each_member_hears_their_own_group_and_the_results_name_no_member() {
        try (Wiring wiring = new Wiring(TestConfigs.at(folder), clock)) {
            say(wiring, "you", "/poll create Which fields first? results:live");
            voteInTwoCamps(wiring);

            BotReply.MyBallot first = (BotReply.MyBallot) say(wiring, "v0", "/poll mine");
            BotReply.MyBallot last = (BotReply.MyBallot) say(wiring, "v39", "/poll mine");
            BotReply.MyBallot nobody = (BotReply.MyBallot) say(wiring, "lurker", "/poll mine");
            BotReply.ResultsView results = (BotReply.ResultsView) say(wiring, "v1", "/poll results");

            assertThat(first.groupNote())
                    .contains(
                            "Your ballot is closest to group A (one of 2 opinion groups; /poll results describes them)."
                                    + " Only you see this.");
            assertThat(last.groupNote())
                    .hasValueSatisfying(note -> assertThat(note).contains("group B"));
            assertThat(nobody.groupNote()).isEmpty();
            assertThat(results.report().opinionGroups().found()).isTrue();
            assertThat(new dev.fieldpoll.report.JsonReportRenderer().render(results.report()))
                    .doesNotContain("\"v0\"")
                    .doesNotContain("\"v39\"");
        }
    }

    @Test
    void while_results_are_hidden_a_member_is_not_told_their_group() {
        try (Wiring wiring = new Wiring(TestConfigs.at(folder), clock)) {
            say(wiring, "you", "/poll create Which fields first? results:after-close");
            voteInTwoCamps(wiring);

            BotReply.MyBallot mine = (BotReply.MyBallot) say(wiring, "v0", "/poll mine");

            assertThat(mine.ballot().answers()).hasSize(6);
            assertThat(mine.groupNote()).isEmpty();
        }
    }

    /** 40 members: 24 rate Evals high and Agent Foundations low, 16 the other way round. */
    private static void voteInTwoCamps(Wiring wiring) {
        for (int voter = 0; voter < 40; voter++) {
            String member = "v" + voter;
            boolean first = voter < 24;
            say(wiring, member, "/poll vote evals feedback=" + (first ? 5 : 1) + " economic=" + (first ? 4 : 2));
            say(wiring, member, "/poll vote agent feedback=" + (first ? 1 : 5) + " economic=" + (2 + voter / 9 % 3));
            say(wiring, member, "/poll vote mech feedback=" + (3 + voter % 3) + " economic=" + (3 + voter / 3 % 3));
        }
    }

    private static BotReply say(Wiring wiring, String member, String line) {
        return wiring.bot()
                .handle(
                        new Caller(Platform.CONSOLE, "local", "local", member, member.equals("you")),
                        ((ParseResult.Parsed) new CommandParser().parse(line)).command())
                .toCompletableFuture()
                .join();
    }
}
