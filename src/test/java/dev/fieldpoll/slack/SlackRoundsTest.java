package dev.fieldpoll.slack;

import static dev.fieldpoll.slack.SlackRequests.interactive;
import static dev.fieldpoll.slack.SlackRequests.slashCommand;
import static dev.fieldpoll.slack.SlackRequests.submission;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.fieldpoll.testing.Golden;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rounds (Delphi) on Slack through real Bolt (HTTP mode) and the fake Slack Web API. */
class SlackRoundsTest {

    static final String TEAM = FakeSlack.TEAM;
    static final String GENERAL = "C0GENERAL";
    static final String ALICE = "U0ALICE";
    static final String BOB = "U0BOB";
    static final String CAROL = "U0CAROL";
    static final String DANA = "U0DANA";
    static final String ADMIN = "U0ADMIN";

    @TempDir
    Path folder;

    private static String command(SlackHarness harness, String user, String text, String name) throws Exception {
        harness.requests.send(
                slashCommand(TEAM, GENERAL, user, text, harness.slack.responseUrl(name), harness.requests.trigger()));
        return harness.slack.awaitAnswer(name).body().toString();
    }

    /** Round 1 (#1) by alice: four members score Docs and Speed on Impact; an admin closes it. */
    private static void roundOne(SlackHarness harness) throws Exception {
        harness.requests.send(slashCommand(
                TEAM,
                GENERAL,
                ALICE,
                "create Roadmap fields:\"Docs; Speed\" factors:\"Impact\"",
                harness.slack.responseUrl("create"),
                harness.requests.trigger()));
        harness.slack.await("chat.postMessage");
        List<String> voters = List.of(ALICE, BOB, CAROL, DANA);
        int[][] scores = {{5, 1}, {4, 2}, {2, 4}, {4, 3}};
        for (int i = 0; i < voters.size(); i++) {
            HttpResponse<String> voted = harness.requests.send(slashCommand(
                    TEAM,
                    GENERAL,
                    voters.get(i),
                    "vote docs impact=" + scores[i][0],
                    harness.slack.responseUrl("v" + i),
                    harness.requests.trigger()));
            assertThat(voted.body()).contains("Saved");
            harness.requests.send(slashCommand(
                    TEAM,
                    GENERAL,
                    voters.get(i),
                    "vote speed impact=" + scores[i][1],
                    harness.slack.responseUrl("w" + i),
                    harness.requests.trigger()));
        }
        assertThat(command(harness, ADMIN, "close", "close")).contains("Closed");
    }

    @Test
    void rerun_opens_round_two_whose_modal_is_prefilled_with_round_one_and_whose_results_say_who_moved()
            throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder, ADMIN)) {
            roundOne(harness);

            // when carol (neither creator nor admin) reruns it, then alice does
            assertThat(command(harness, CAROL, "rerun", "carol-rerun"))
                    .contains("Only the member who started \\\"Roadmap\\\" or an admin can run it again.");
            harness.requests.send(slashCommand(
                    TEAM,
                    GENERAL,
                    ALICE,
                    "rerun closes:3d",
                    harness.slack.responseUrl("rerun"),
                    harness.requests.trigger()));

            // then round 2 is posted in the channel
            FakeSlack.Call posted = harness.slack.await(
                    "chat.postMessage",
                    call -> call.param("blocks") != null && call.param("blocks").contains("round 2"));
            assertThat(posted.param("channel")).isEqualTo(GENERAL);

            // when bob opens his round-2 ballot
            harness.requests.send(slashCommand(
                    TEAM,
                    GENERAL,
                    BOB,
                    "vote poll:2",
                    harness.slack.responseUrl("bob-vote"),
                    harness.requests.trigger()));
            JsonNode view = harness.slack.await("views.open").json("view");

            // then each input shows round 1's view and his answer, prefilled with it
            Golden.assertMatches("slack/round-ballot.json", pretty(view));
            assertThat(view.toString())
                    .contains("round 1: median 4, middle half 2–4 · you: 4")
                    .contains("\"initial_option\"");

            // when he submits the modal as it was prefilled (one click)
            HttpResponse<String> saved = harness.requests.send(interactive(submission(
                    TEAM, BOB, view, Map.of("fp1:answer:2:docs:impact", "4", "fp1:answer:2:speed:impact", "2"))));

            // then his round-1 answers are his round-2 answers, on disk
            assertThat(saved.statusCode()).isEqualTo(200);
            assertThat(harness.wiring.store().ballot(2, BOB).answers())
                    .isEqualTo(harness.wiring.store().ballot(1, BOB).answers());

            // when alice keeps hers, carol moves toward the median, dana keeps hers, and results are asked
            assertThat(command(harness, ALICE, "keep", "alice-keep")).contains("Saved");
            command(harness, CAROL, "vote docs impact=3", "carol-docs");
            command(harness, CAROL, "vote speed impact=3", "carol-speed");
            assertThat(command(harness, DANA, "keep #2", "dana-keep")).contains("Saved");
            harness.requests.send(slashCommand(
                    TEAM,
                    GENERAL,
                    ADMIN,
                    "results #2",
                    harness.slack.responseUrl("results"),
                    harness.requests.trigger()));
            JsonNode results = harness.slack.awaitAnswer("results").body();

            // then the results carry the round section
            assertThat(results.toString())
                    .contains("Round 2 (after #1)")
                    .contains("4 voters answered both round 1 and round 2.")
                    .contains("Changed at least one score: 1 of 4 (25%): 1 mostly toward round 1")
                    .contains("Score change since round 1");
            Golden.assertMatches("slack/round-results.json", pretty(results.path("blocks")));
        }
    }

    @Test
    void a_round_two_summary_and_its_results_post_carry_the_round_section_of_poll_results() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder, ADMIN)) {
            // given round 2 of a closed round 1, answered by the same four members, carol moving toward the median
            roundOne(harness);
            harness.requests.send(slashCommand(
                    TEAM, GENERAL, ALICE, "rerun", harness.slack.responseUrl("rerun"), harness.requests.trigger()));
            harness.slack.await(
                    "chat.postMessage",
                    call -> call.param("blocks") != null && call.param("blocks").contains("round 2"));
            assertThat(command(harness, ALICE, "keep", "alice-keep")).contains("Saved");
            assertThat(command(harness, BOB, "keep", "bob-keep")).contains("Saved");
            command(harness, CAROL, "vote docs impact=3", "carol-docs");
            command(harness, CAROL, "vote speed impact=3", "carol-speed");
            assertThat(command(harness, DANA, "keep #2", "dana-keep")).contains("Saved");
            String shown = command(harness, ADMIN, "results #2", "results");
            assertThat(shown).contains("4 voters answered both round 1 and round 2.");
            JsonNode reply = roundBlocks(new ObjectMapper().readTree(shown).path("blocks"), Integer.MAX_VALUE);

            // when an admin posts the summary now
            assertThat(command(harness, ADMIN, "summary now", "summary")).contains("Posted a summary of 2 polls");
            FakeSlack.Call summary = harness.slack.await(
                    "chat.postMessage", call -> call.param("text").startsWith("Summary, "));

            // then round 2's part ends with the reply's round section, block for block; round 1's has none
            JsonNode summaryBlocks = summary.json("blocks");
            assertThat(roundBlocks(summaryBlocks, reply.size())).isEqualTo(reply);
            assertThat(summaryBlocks.toString().split("Round 2 \\(after #1\\)", -1))
                    .as("one round section")
                    .hasSize(2);
            Golden.assertMatches("slack/round-summary.json", pretty(summaryBlocks));

            // when round 2 is closed, then its results post carries the same section
            assertThat(command(harness, ADMIN, "close #2", "close-2")).contains("Closed");
            FakeSlack.Call post = harness.slack.await(
                    "chat.postMessage", call -> call.param("text").startsWith("Results of poll #2"));
            JsonNode postBlocks = post.json("blocks");
            assertThat(roundBlocks(postBlocks, reply.size())).isEqualTo(reply);
            Golden.assertMatches("slack/round-results-post.json", pretty(postBlocks));
        }
    }

    /** The round section's blocks: from the one headed "Round 2 (after #1)", at most {@code count}, up to a page link. */
    private static JsonNode roundBlocks(JsonNode blocks, int count) {
        com.fasterxml.jackson.databind.node.ArrayNode section = new ObjectMapper().createArrayNode();
        for (JsonNode block : blocks) {
            String text = block.path("text").path("text").asText();
            if (text.startsWith(":link:") || section.size() == count) {
                break;
            }
            if (!section.isEmpty() || text.startsWith("*Round 2 (after #1)*")) {
                section.add(block);
            }
        }
        assertThat(section).isNotEmpty();
        return section;
    }

    @Test
    void nothing_of_a_round_crosses_channels_or_workspaces() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder, ADMIN)) {
            roundOne(harness);
            harness.requests.send(slashCommand(
                    TEAM,
                    "C0OTHER",
                    ADMIN,
                    "rerun #1",
                    harness.slack.responseUrl("other"),
                    harness.requests.trigger()));
            assertThat(harness.slack.awaitAnswer("other").body().toString()).contains("No poll #1 in this channel");
            harness.requests.send(slashCommand(
                    "T0ELSEWHERE",
                    GENERAL,
                    ADMIN,
                    "rerun #1",
                    harness.slack.responseUrl("team"),
                    harness.requests.trigger()));
            assertThat(harness.slack.awaitAnswer("team").body().toString()).contains("No poll #1 in this channel");
            assertThat(harness.wiring.store().findById(2)).isEmpty();
        }
    }

    private static String pretty(JsonNode json) throws Exception {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n";
    }
}
