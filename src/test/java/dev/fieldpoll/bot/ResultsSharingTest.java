package dev.fieldpoll.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.PollPolicy.ResultsSharing;
import dev.fieldpoll.testing.MutableClock;
import dev.fieldpoll.testing.TestConfigs;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * polls.share-results through PollBot: who may post results to the whole channel with
 * {@code /poll results public}, and what the others get instead (the results, just for them).
 */
class ResultsSharingTest {

    @TempDir
    Path folder;

    private Wiring wiring;
    private final Caller creator = new Caller(Platform.SLACK, "T1", "C1", "U1", false);
    private final Caller member = new Caller(Platform.SLACK, "T1", "C1", "U2", false);
    private final Caller admin = new Caller(Platform.SLACK, "T1", "C1", "U0", true);

    @AfterEach
    void tearDown() {
        if (wiring != null) {
            wiring.close();
        }
    }

    /** A poll started by {@code creator} with the visibility given, which both members voted in. */
    private void start(ResultsSharing sharing, String visibility) {
        wiring = new Wiring(
                TestConfigs.withShareResults(TestConfigs.at(folder), sharing),
                new MutableClock(Instant.parse("2026-11-27T10:00:00Z")));
        assertThat(handle(creator, "/poll create Which first? results:" + visibility))
                .isInstanceOf(BotReply.PollPosted.class);
        handle(creator, "/poll vote evals feedback=2 economic=4");
        handle(member, "/poll vote evals feedback=3 economic=5");
    }

    private BotReply handle(Caller caller, String line) {
        BotCommand command = ((ParseResult.Parsed) new CommandParser().parse(line)).command();
        return wiring.bot().handle(caller, command).toCompletableFuture().join();
    }

    private BotReply.ResultsView share(Caller caller) {
        BotReply reply = handle(caller, "/poll results public");
        assertThat(reply).isInstanceOf(BotReply.ResultsView.class);
        return (BotReply.ResultsView) reply;
    }

    @Test
    void by_default_the_creator_shares_a_closed_polls_results_and_another_member_sees_them_alone() {
        start(ResultsSharing.CREATOR, "after-vote");
        handle(creator, "/poll close");

        BotReply.ResultsView byCreator = share(creator);
        BotReply.ResultsView byMember = share(member);

        assertThat(byCreator.postPublicly()).isTrue();
        assertThat(byCreator.notice()).isEmpty();
        assertThat(byMember.postPublicly()).isFalse();
        assertThat(byMember.notice())
                .isEqualTo("Only the member who started \"Which first?\" or an admin can post its results to the "
                        + "whole channel; here they are just for you.");
        assertThat(byMember.report().poll().id()).isEqualTo(byCreator.poll().id());
    }

    @Test
    void the_creator_does_not_share_an_open_polls_early_tally_that_non_voters_may_not_see() {
        start(ResultsSharing.CREATOR, "after-vote");

        BotReply.ResultsView early = share(creator);

        assertThat(early.postPublicly()).isFalse();
        assertThat(early.notice())
                .isEqualTo("Results of \"Which first?\" can go to the whole channel once the poll closes; "
                        + "here they are just for you.");
        assertThat(share(admin).postPublicly()).isTrue();
    }

    @Test
    void the_creator_shares_a_live_polls_results_while_it_is_open() {
        start(ResultsSharing.CREATOR, "live");

        assertThat(share(creator).postPublicly()).isTrue();
    }

    @Test
    void with_admins_only_the_creator_sees_the_results_alone_and_an_admin_posts_them() {
        start(ResultsSharing.ADMINS, "live");

        BotReply.ResultsView byCreator = share(creator);

        assertThat(byCreator.postPublicly()).isFalse();
        assertThat(byCreator.notice())
                .isEqualTo("Only admins can post results to the whole channel; here they are just for you.");
        assertThat(share(admin).postPublicly()).isTrue();
    }

    @Test
    void with_everyone_any_member_shares_a_closed_polls_results() {
        start(ResultsSharing.EVERYONE, "after-close");
        handle(creator, "/poll close");

        BotReply.ResultsView byMember = share(member);

        assertThat(byMember.postPublicly()).isTrue();
        assertThat(byMember.notice()).isEmpty();
    }

    @Test
    void with_everyone_a_member_who_may_not_see_the_results_yet_is_told_why_and_sees_nothing() {
        start(ResultsSharing.EVERYONE, "after-close");

        BotReply reply = handle(member, "/poll results public");

        assertThat(reply)
                .isEqualTo(new BotReply.Problem("Results of \"Which first?\" are shown once the poll closes."));
    }
}
