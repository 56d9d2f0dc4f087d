package dev.fieldpoll.discord;

import static dev.fieldpoll.discord.Payloads.ALICE;
import static dev.fieldpoll.discord.Payloads.BOB;
import static dev.fieldpoll.discord.Payloads.CAROL;
import static dev.fieldpoll.discord.Payloads.CHANNEL;
import static dev.fieldpoll.discord.Payloads.DANA;
import static dev.fieldpoll.discord.Payloads.GUILD;
import static dev.fieldpoll.discord.Payloads.MOD;
import static dev.fieldpoll.discord.Payloads.POLL_ADMIN;
import static dev.fieldpoll.discord.Payloads.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.CommandParser;
import dev.fieldpoll.bot.ParseResult;
import dev.fieldpoll.discord.Payloads.Person;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.Workspace;
import dev.fieldpoll.report.ChartRenderer;
import dev.fieldpoll.report.GroupChartRenderer;
import dev.fieldpoll.summary.ResultsPost;
import dev.fieldpoll.summary.SummaryBuilder;
import dev.fieldpoll.summary.SummaryMarkdownRenderer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The results post at close on Discord end to end: the real wiring, real JDA and the fake Discord.
 * A poll closed by an admin, by its time while fieldpoll runs, and while fieldpoll was down each
 * get exactly one reply to the poll message with the final results and the chart attached; below
 * min-voters the reply says too few voted; a live poll's message shows its top three.
 */
class DiscordResultsPostTest {

    private static final String CHANNEL_POSTS = "/api/v10/channels/" + CHANNEL + "/messages";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @TempDir
    Path folder;

    private DiscordHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private long create(Map<String, Object> options) {
        String token = harness.send(Payloads.slash(ALICE, GUILD, CHANNEL, "create", options));
        assertThat(harness.answerText(token)).contains("is posted");
        return harness.wiring.store().listInChannel(new Workspace(Platform.DISCORD, GUILD), CHANNEL).stream()
                .map(Poll::id)
                .max(Comparator.naturalOrder())
                .orElseThrow();
    }

    private void vote(Person person, long pollId, String vote) {
        Caller caller = new Caller(Platform.DISCORD, GUILD, CHANNEL, person.id(), false);
        ParseResult parsed = new CommandParser().parse("/poll vote poll:" + pollId + " " + vote);
        BotReply reply = harness.wiring
                .bot()
                .handle(caller, ((ParseResult.Parsed) parsed).command())
                .toCompletableFuture()
                .join();
        assertThat(reply).as(vote).isInstanceOf(BotReply.VoteSaved.class);
    }

    /** Five members agree on Mech Interp and Evals and split on AI Control. */
    private void fiveVoters(long pollId) {
        List<Person> voters = List.of(BOB, CAROL, DANA, POLL_ADMIN, MOD);
        for (int i = 0; i < voters.size(); i++) {
            vote(voters.get(i), pollId, "mech feedback=5 economic=4");
            vote(voters.get(i), pollId, "evals feedback=4 economic=" + (3 + i % 2));
            vote(voters.get(i), pollId, "ai-control feedback=" + (i % 2 == 0 ? 1 : 5) + " economic=2");
        }
    }

    private void closeAsAdmin(long pollId) {
        String token = harness.send(Payloads.slash(MOD, "close", options("poll", String.valueOf(pollId))));
        assertThat(harness.answerText(token)).contains("Closed poll #" + pollId);
    }

    private static boolean isResultsPost(FakeDiscord.Request request) {
        return request.is("POST", CHANNEL_POSTS)
                && request.body() != null
                && request.body().path("embeds").path(0).path("title").asText().startsWith("🏁 Results of poll #");
    }

    private FakeDiscord.Request awaitResultsPost() {
        return harness.await(DiscordResultsPostTest::isResultsPost);
    }

    /** After the post: the checks that would find an owed post run again, and still only one exists. */
    private List<FakeDiscord.Request> resultsPostsAfterEveryCheck() {
        harness.wiring.pollMessages().checkClosings().join();
        harness.wiring.resultsPostJob().runDue().join();
        return harness.discord.requests().stream()
                .filter(DiscordResultsPostTest::isResultsPost)
                .toList();
    }

    private static boolean isPng(byte[] data) {
        return data.length > PNG_SIGNATURE.length
                && Arrays.equals(Arrays.copyOf(data, PNG_SIGNATURE.length), PNG_SIGNATURE);
    }

    private void assertOnePostWithChartReplyingTo(long pollId, FakeDiscord.Request post) {
        assertThat(post.body().path("message_reference").path("message_id").asText())
                .as("a reply to the poll message")
                .isEqualTo(harness.wiring.store().messageId(pollId).orElseThrow());
        assertThat(post.files())
                .isNotEmpty()
                .allSatisfy(file -> assertThat(isPng(file.data())).isTrue());
        assertThat(post.body().path("embeds").path(0).path("image").path("url").asText())
                .startsWith("attachment://poll-" + pollId);
        assertThat(resultsPostsAfterEveryCheck()).hasSize(1);
    }

    @Test
    void a_poll_closed_by_an_admin_gets_one_reply_with_the_ranking_and_chart_and_its_results_button_links_there()
            throws Exception {
        harness = new DiscordHarness(folder);
        long pollId = create(options());
        fiveVoters(pollId);

        closeAsAdmin(pollId);

        FakeDiscord.Request post = awaitResultsPost();
        Golden.assertMatches("results-post", post.body());
        assertThat(DiscordHarness.content(post))
                .as("no heading repeating the embed's title")
                .isEmpty();
        JsonNode description = post.body().path("embeds").path(0).path("description");
        assertThat(description.asText()).contains("1. **Mech Interp**").contains("rank");
        assertOnePostWithChartReplyingTo(pollId, post);
        // the poll message's Results button now opens the reply
        String messageId = harness.wiring.store().messageId(pollId).orElseThrow();
        FakeDiscord.Request redrawn = harness.await(request -> request.is("PATCH", CHANNEL_POSTS + "/" + messageId)
                && request.text().contains("discord.com/channels/"));
        JsonNode results =
                redrawn.body().path("components").path(0).path("components").path(1);
        assertThat(results.path("style").asInt()).as("a link button").isEqualTo(5);
        assertThat(results.path("url").asText())
                .startsWith("https://discord.com/channels/" + GUILD + "/" + CHANNEL + "/");
    }

    @Test
    void a_poll_closed_by_its_time_while_running_is_posted_once() throws Exception {
        harness = new DiscordHarness(folder);
        long pollId = create(options("closes", "1h"));
        fiveVoters(pollId);

        // the close time passes; the minute's check (what the running jobs do) finds it
        harness.clock.advance(Duration.ofMinutes(61));
        harness.wiring.pollMessages().checkClosings().join();

        FakeDiscord.Request post = awaitResultsPost();
        assertThat(DiscordHarness.content(post)).doesNotContain("Posted late");
        assertOnePostWithChartReplyingTo(pollId, post);
    }

    @Test
    void a_poll_that_closed_while_fieldpoll_was_down_is_posted_once_at_start_marked_late() throws Exception {
        harness = new DiscordHarness(folder);
        long pollId = create(options("closes", "1h"));
        fiveVoters(pollId);
        String messageId = harness.wiring.store().messageId(pollId).orElseThrow();
        harness.close();

        // fieldpoll comes back three hours later: the poll closed two hours ago
        harness = new DiscordHarness(folder, false, DiscordHarness.START.plus(Duration.ofHours(3)));

        FakeDiscord.Request post = awaitResultsPost();
        assertThat(DiscordHarness.content(post))
                .startsWith("*Posted late: fieldpoll was offline when this poll closed")
                .doesNotContain("Results of poll");
        // the restarted fake Discord no longer knows the old poll message, so the redraw at start may
        // post it again first: the results reply to the poll message the bot knew at that moment
        assertThat(post.body().path("message_reference").path("message_id").asText())
                .isIn(messageId, harness.wiring.store().messageId(pollId).orElseThrow());
        assertThat(post.files()).isNotEmpty();
        assertThat(resultsPostsAfterEveryCheck()).hasSize(1);
    }

    @Test
    void a_poll_below_min_voters_gets_the_too_few_post() throws Exception {
        harness = new DiscordHarness(folder);
        long pollId = create(options());
        vote(BOB, pollId, "mech feedback=5 economic=4");

        closeAsAdmin(pollId);

        FakeDiscord.Request post = awaitResultsPost();
        assertThat(post.body().path("embeds").path(0).path("description").asText())
                .isEqualTo(
                        "It closed with 1 voter, too few to show results (3 needed, so no one's own votes can be read off).");
        assertThat(post.files()).isEmpty();
        assertThat(resultsPostsAfterEveryCheck()).hasSize(1);
    }

    @Test
    void a_live_polls_message_shows_its_top_three_and_updates_after_votes() throws Exception {
        harness = new DiscordHarness(folder);
        long pollId = create(options("results", "live"));
        String messageId = harness.wiring.store().messageId(pollId).orElseThrow();

        fiveVoters(pollId);

        FakeDiscord.Request redrawn = harness.await(request -> request.is("PATCH", CHANNEL_POSTS + "/" + messageId)
                && request.text().contains("Top so far")
                && request.text().contains("5 members"));
        JsonNode top = null;
        for (JsonNode field : redrawn.body().path("embeds").path(0).path("fields")) {
            if (field.path("name").asText().startsWith("Top so far")) {
                top = field;
            }
        }
        assertThat(top).isNotNull();
        assertThat(top.path("value").asText().split("\n")).hasSize(3);
        assertThat(top.path("value").asText()).startsWith("1. **Mech Interp** · rank ");
    }

    @Test
    void the_post_reads_the_same_as_markdown() {
        // the shared Markdown renderer of the same closed poll, as the console and files show it
        try {
            harness = new DiscordHarness(folder);
        } catch (InterruptedException interrupted) {
            throw new AssertionError(interrupted);
        }
        long pollId = create(options());
        fiveVoters(pollId);
        closeAsAdmin(pollId);
        awaitResultsPost();
        Poll poll = harness.wiring.store().findById(pollId).orElseThrow();
        ResultsPost post = new ResultsPost(
                poll,
                new SummaryBuilder(
                                harness.wiring.reports(),
                                harness.wiring.roundReports(),
                                harness.wiring.summaries(),
                                new ChartRenderer(),
                                new GroupChartRenderer())
                        .buildFinal(poll, LocalDate.of(2026, 11, 27)),
                Optional.empty(),
                Optional.empty());
        dev.fieldpoll.testing.Golden.assertMatches(
                "summary/results-post.md", new SummaryMarkdownRenderer().render(post));
    }
}
