package dev.fieldpoll.discord;

import static dev.fieldpoll.discord.Payloads.ALICE;
import static dev.fieldpoll.discord.Payloads.BOB;
import static dev.fieldpoll.discord.Payloads.CAROL;
import static dev.fieldpoll.discord.Payloads.DANA;
import static dev.fieldpoll.discord.Payloads.GUILD;
import static dev.fieldpoll.discord.Payloads.MOD;
import static dev.fieldpoll.discord.Payloads.OTHER_GUILD;
import static dev.fieldpoll.discord.Payloads.OTHER_GUILD_CHANNEL;
import static dev.fieldpoll.discord.Payloads.SECOND_CHANNEL;
import static dev.fieldpoll.discord.Payloads.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.CommandParser;
import dev.fieldpoll.bot.ParseResult;
import dev.fieldpoll.discord.Payloads.Person;
import dev.fieldpoll.poll.Platform;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rounds (Delphi) on Discord through real JDA and the fake Discord: rerun, the round-2 ballot, Keep, results. */
class DiscordRoundsTest {

    @TempDir
    Path folder;

    private DiscordHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private void vote(Person person, long pollId, String vote) {
        Caller caller = new Caller(Platform.DISCORD, GUILD, Payloads.CHANNEL, person.id(), false);
        ParseResult parsed = new CommandParser().parse("/poll vote poll:" + pollId + " " + vote);
        BotReply reply = harness.wiring
                .bot()
                .handle(caller, ((ParseResult.Parsed) parsed).command())
                .toCompletableFuture()
                .join();
        assertThat(reply).as(vote).isInstanceOf(BotReply.VoteSaved.class);
    }

    /** Round 1 (#1) by alice: four members score Docs and Speed on Impact; an admin closes it. */
    private void roundOne() {
        String token = harness.send(Payloads.slash(
                ALICE, "create", options("title", "Roadmap", "fields", "Docs; Speed", "factors", "Impact")));
        assertThat(harness.answerText(token)).contains("is posted");
        List<Person> voters = List.of(ALICE, BOB, CAROL, DANA);
        int[][] scores = {{5, 1}, {4, 2}, {2, 4}, {4, 3}};
        for (int i = 0; i < voters.size(); i++) {
            vote(voters.get(i), 1, "docs impact=" + scores[i][0]);
            vote(voters.get(i), 1, "speed impact=" + scores[i][1]);
        }
        String close = harness.send(Payloads.slash(MOD, "close", options("poll", "1")));
        assertThat(harness.answerText(close)).contains("Closed poll #1");
    }

    @Test
    void rerun_by_its_creator_opens_round_two_whose_ballot_shows_round_one_and_keeps_answers_with_one_click()
            throws Exception {
        harness = new DiscordHarness(folder);
        roundOne();

        // when carol (neither creator nor admin) reruns it, then alice does
        String refused = harness.send(Payloads.slash(CAROL, "rerun", options("poll", "1")));
        assertThat(harness.answerText(refused))
                .contains("Only the member who started \"Roadmap\" or an admin can run it again.");
        String rerun = harness.send(Payloads.slash(ALICE, "rerun", options("poll", "1", "closes", "3d")));

        // then round 2 is posted in the channel as a poll of its own
        assertThat(harness.answerText(rerun)).contains("Roadmap (round 2)").contains("is posted");
        assertThat(harness.wiring.store().findById(2).orElseThrow().title()).isEqualTo("Roadmap (round 2)");

        // when bob opens his round-2 ballot
        String open = harness.send(Payloads.slash(BOB, "vote", options("poll", "2")));
        JsonNode ballot = harness.answer(open);

        // then it shows round 1's view and his own answers, with a Keep button
        Golden.assertMatches("round-ballot", ballot);
        assertThat(ballot.path("content").asText())
                .contains("Docs · Impact: round 1: median 4, middle half 2–4 · you: 4");
        assertThat(ballot.toString()).contains("fp1:keep:2");

        // when he clicks Keep
        ObjectNode shown = harness.originalMessage(open);
        String keep = harness.send(Payloads.button(BOB, shown, "fp1:keep:2"));
        harness.answer(keep);

        // then his round-1 answers are his round-2 answers, on disk
        assertThat(harness.wiring.store().ballot(2, BOB.id()).answers())
                .isEqualTo(harness.wiring.store().ballot(1, BOB.id()).answers());

        // when the others vote, carol moving toward the median, and the round is closed and its results asked
        vote(ALICE, 2, "docs impact=5");
        vote(ALICE, 2, "speed impact=1");
        vote(CAROL, 2, "docs impact=3");
        vote(CAROL, 2, "speed impact=3");
        vote(DANA, 2, "docs impact=4");
        vote(DANA, 2, "speed impact=3");
        String results = harness.send(Payloads.slash(ALICE, "results", options("poll", "2")));
        JsonNode shownResults = harness.answer(results);

        // then the results carry a round embed: who moved, which way, each field's change with its interval
        Golden.assertMatches("round-results", shownResults);
        String roundEmbed = shownResults.path("embeds").toString();
        assertThat(roundEmbed)
                .contains("Round 2 (after #1)")
                .contains("4 voters answered both round 1 and round 2.")
                .contains("Changed at least one score: 1 of 4 (25%): 1 mostly toward round 1's median");
    }

    @Test
    void a_round_two_summary_and_its_results_post_carry_the_round_embed_of_poll_results() throws Exception {
        // given round 2 of a closed round 1, answered by the same four members, carol moving toward the median
        harness = new DiscordHarness(folder);
        roundOne();
        harness.answer(harness.send(Payloads.slash(ALICE, "rerun", options("poll", "1"))));
        int[][] scores = {{5, 1}, {4, 2}, {3, 3}, {4, 3}};
        List<Person> voters = List.of(ALICE, BOB, CAROL, DANA);
        for (int i = 0; i < voters.size(); i++) {
            vote(voters.get(i), 2, "docs impact=" + scores[i][0]);
            vote(voters.get(i), 2, "speed impact=" + scores[i][1]);
        }
        JsonNode reply =
                roundEmbed(harness.answer(harness.send(Payloads.slash(ALICE, "results", options("poll", "2")))));

        // when an admin posts the summary now
        assertThat(harness.answerText(harness.send(Payloads.slashInGroup(MOD, "summary", "now", options()))))
                .startsWith("Posted a summary of 2 polls");
        FakeDiscord.Request summary = harness.await(request -> isChannelPost(request)
                && request.body().path("content").asText().startsWith("**Summary"));

        // then round 2's part carries the reply's round embed, sentences and numbers alike; round 1's none
        JsonNode embeds = summary.body().path("embeds");
        assertThat(embeds.path(1).path("title").asText()).isEqualTo("🔁 Round 2 (after #1)");
        assertThat(embeds.path(1).path("description")).isEqualTo(reply.path("description"));
        assertThat(summary.body().toString().split("🔁 Round", -1))
                .as("one round embed")
                .hasSize(2);
        Golden.assertMatches("round-summary", summary.body());

        // when round 2 is closed
        harness.answer(harness.send(Payloads.slash(MOD, "close", options("poll", "2"))));
        FakeDiscord.Request post = harness.await(request -> isChannelPost(request)
                && request.body().path("embeds").path(0).path("title").asText().startsWith("🏁 Results of poll #2"));

        // then its results post carries the same round embed
        assertThat(post.body().path("embeds").path(1).path("title").asText()).isEqualTo("🔁 Round 2 (after #1)");
        assertThat(post.body().path("embeds").path(1).path("description")).isEqualTo(reply.path("description"));
        Golden.assertMatches("round-results-post", post.body());
    }

    private static boolean isChannelPost(FakeDiscord.Request request) {
        return request.is("POST", "/api/v10/channels/" + Payloads.CHANNEL + "/messages") && request.body() != null;
    }

    /** The results reply's round embed: its last. */
    private static JsonNode roundEmbed(JsonNode reply) {
        JsonNode embeds = reply.path("embeds");
        JsonNode last = embeds.path(embeds.size() - 1);
        assertThat(last.path("title").asText()).isEqualTo("🔁 Round 2 (after #1)");
        assertThat(last.path("description").asText()).contains("4 voters answered both round 1 and round 2.");
        return last;
    }

    @Test
    void nothing_of_a_round_crosses_channels_or_guilds() throws Exception {
        harness = new DiscordHarness(folder);
        roundOne();
        for (var where :
                List.of(new String[] {GUILD, SECOND_CHANNEL}, new String[] {OTHER_GUILD, OTHER_GUILD_CHANNEL})) {
            String token = harness.send(Payloads.slash(MOD, where[0], where[1], "rerun", options("poll", "1")));
            assertThat(harness.answerText(token)).contains("No poll #1 in this channel");
        }
        assertThat(harness.wiring.store().findById(2)).isEmpty();
    }
}
