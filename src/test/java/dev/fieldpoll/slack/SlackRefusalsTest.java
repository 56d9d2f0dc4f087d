package dev.fieldpoll.slack;

import static dev.fieldpoll.slack.SlackRequests.buttonPress;
import static dev.fieldpoll.slack.SlackRequests.interactive;
import static dev.fieldpoll.slack.SlackRequests.slashCommand;
import static dev.fieldpoll.slack.SlackRequests.submission;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Poll;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever a request carries — forged action ids, a doctored modal state, another team's poll, a
 * member closing a poll that is not theirs — gets a clear answer, and nothing stored changes.
 */
class SlackRefusalsTest {

    static final String TEAM = FakeSlack.TEAM;
    static final String OTHER_TEAM = "T0OTHER";
    static final String GENERAL = "C0GENERAL";
    static final String ALICE = "U0ALICE";
    static final String BOB = "U0BOB";
    static final String TS = "1764237600.000001";

    @TempDir
    Path folder;

    /** Alice's poll from the default template, with one answer from Bob. */
    private JsonNode givenAPollWithOneVote(SlackHarness harness) throws Exception {
        harness.requests.send(slashCommand(
                TEAM,
                GENERAL,
                ALICE,
                "create Which fields first?",
                harness.slack.responseUrl("create"),
                harness.requests.trigger()));
        harness.slack.await("chat.postMessage");
        harness.requests.send(interactive(buttonPress(
                TEAM, GENERAL, BOB, "fp1:vote:1", TS, harness.slack.responseUrl("vote"), harness.requests.trigger())));
        JsonNode view = harness.slack.await("views.open").json("view");
        HttpResponse<String> saved = harness.requests.send(
                interactive(submission(TEAM, BOB, view, Map.of("fp1:answer:1:evals:feedback-quality", "3"))));
        assertThat(saved.body()).isEmpty();
        assertThat(ballotOfBob(harness)).hasSize(1);
        return view;
    }

    @Test
    void forged_action_ids_are_refused_and_change_nothing() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder)) {
            givenAPollWithOneVote(harness);
            List<String> forged = List.of(
                    "fp1:vote:1:extra",
                    "fp1:vote:abc",
                    "fp2:vote:1",
                    "fp1:erase:1",
                    "fp1:answer:1:evals:feedback-quality",
                    "'; DROP TABLE vote; --",
                    "");

            for (int i = 0; i < forged.size(); i++) {
                HttpResponse<String> pressed = harness.requests.send(interactive(buttonPress(
                        TEAM,
                        GENERAL,
                        BOB,
                        forged.get(i),
                        TS,
                        harness.slack.responseUrl("forged-" + i),
                        harness.requests.trigger())));
                assertThat(pressed.statusCode()).isEqualTo(200);
                JsonNode refusal = harness.slack.awaitAnswer("forged-" + i).body();
                assertThat(refusal.path("response_type").asText()).isEqualTo("ephemeral");
                assertThat(refusal.path("text").asText())
                        .contains("not one of mine")
                        .contains("nothing changed");
            }
            harness.requests.send(interactive(buttonPress(
                    TEAM,
                    GENERAL,
                    BOB,
                    "fp1:vote:999",
                    TS,
                    harness.slack.responseUrl("missing"),
                    harness.requests.trigger())));
            assertThat(harness.slack.awaitAnswer("missing").body().path("text").asText())
                    .contains("No poll #999 in this channel");

            assertThat(harness.slack.calls("views.open")).hasSize(1);
            assertThat(ballotOfBob(harness))
                    .containsOnly(Map.entry(new CellKey("evals", "feedback-quality"), Answer.score(3)));
        }
    }

    @Test
    void a_doctored_ballot_is_refused_whole_and_changes_nothing() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder)) {
            JsonNode view = givenAPollWithOneVote(harness);

            // metadata that is not ours, a cell of another poll, a cell the poll lacks, a score off the scale
            JsonNode garbled = ((ObjectNode) view.deepCopy()).put("private_metadata", "fp1:submit:1:x");
            String notOurs = modalAnswer(harness.requests.send(
                    interactive(submission(TEAM, BOB, garbled, Map.of("fp1:answer:1:evals:feedback-quality", "5")))));
            String otherPoll = modalAnswer(harness.requests.send(interactive(submission(
                    TEAM,
                    BOB,
                    view,
                    Map.of(
                            "fp1:answer:1:evals:economic-incentive",
                            "5",
                            "fp1:answer:2:evals:feedback-quality",
                            "5")))));
            String noSuchField = modalAnswer(harness.requests.send(interactive(submission(
                    TEAM,
                    BOB,
                    view,
                    Map.of(
                            "fp1:answer:1:evals:economic-incentive",
                            "5",
                            "fp1:answer:1:astrology:feedback-quality",
                            "5")))));
            HttpResponse<String> offScale = harness.requests.send(interactive(submission(
                    TEAM,
                    BOB,
                    view,
                    Map.of("fp1:answer:1:evals:economic-incentive", "5", "fp1:answer:1:evals:feedback-quality", "0"))));

            assertThat(notOurs).contains("out of date").contains("nothing was saved");
            assertThat(otherPoll).contains("out of date");
            assertThat(noSuchField).contains("This poll has no 'astrology'");
            assertThat(FakeSlack.parse(offScale.body())
                            .path("errors")
                            .path("fp1:answer:1:evals:feedback-quality")
                            .asText())
                    .contains("'0' is not a score here");
            assertThat(ballotOfBob(harness))
                    .containsOnly(Map.entry(new CellKey("evals", "feedback-quality"), Answer.score(3)));
        }
    }

    @Test
    void another_teams_poll_cannot_be_seen_voted_on_or_closed() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder)) {
            JsonNode view = givenAPollWithOneVote(harness);

            harness.requests.send(interactive(buttonPress(
                    OTHER_TEAM,
                    GENERAL,
                    "U0MALLORY",
                    "fp1:vote:1",
                    TS,
                    harness.slack.responseUrl("vote"),
                    harness.requests.trigger())));
            harness.requests.send(interactive(buttonPress(
                    OTHER_TEAM,
                    GENERAL,
                    "U0MALLORY",
                    "fp1:results:1",
                    TS,
                    harness.slack.responseUrl("results"),
                    harness.requests.trigger())));
            String ballot = modalAnswer(harness.requests.send(interactive(
                    submission(OTHER_TEAM, "U0MALLORY", view, Map.of("fp1:answer:1:evals:feedback-quality", "1")))));
            harness.requests.send(slashCommand(
                    OTHER_TEAM,
                    GENERAL,
                    "U0MALLORY",
                    "close #1",
                    harness.slack.responseUrl("close"),
                    harness.requests.trigger()));

            assertThat(harness.slack.awaitAnswer("vote").body().path("text").asText())
                    .contains("No poll #1 in this channel");
            assertThat(harness.slack.awaitAnswer("results").body().path("text").asText())
                    .contains("No poll #1 in this channel");
            assertThat(ballot).contains("No poll #1 in this channel");
            assertThat(harness.slack.awaitAnswer("close").body().path("text").asText())
                    .contains("No poll #1 in this channel");
            assertThat(harness.slack.calls("views.open")).hasSize(1);
            assertThat(harness.wiring.store().ballot(1, "U0MALLORY").isEmpty()).isTrue();
            assertThat(harness.wiring.store().findById(1))
                    .get()
                    .extracting(Poll::closedAt)
                    .isNull();
        }
    }

    @Test
    void a_poll_of_another_channel_is_refused_like_an_unknown_one_and_changes_nothing() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder)) {
            JsonNode view = givenAPollWithOneVote(harness);
            String elsewhere = "C0PRIVATE";
            String refusal = "No poll #1 in this channel";

            // when Mallory, in another channel of the same team, uses copies of its buttons or names it
            for (String id : List.of("fp1:vote:1", "fp1:results:1", "fp1:mine:1")) {
                harness.requests.send(interactive(buttonPress(
                        TEAM,
                        elsewhere,
                        "U0MALLORY",
                        id,
                        TS,
                        harness.slack.responseUrl(id),
                        harness.requests.trigger())));
            }
            List<String> typed = List.of("results #1", "mine #1", "vote evals feedback=1 poll:#1", "close #1");
            for (int i = 0; i < typed.size(); i++) {
                harness.requests.send(slashCommand(
                        TEAM,
                        elsewhere,
                        "U0MALLORY",
                        typed.get(i),
                        harness.slack.responseUrl("typed-" + i),
                        harness.requests.trigger()));
            }
            // and submits a ballot whose metadata was rewritten to name her channel
            ObjectNode doctored = view.deepCopy();
            doctored.put("private_metadata", "fp1:submit:1@" + elsewhere);
            String ballot = modalAnswer(harness.requests.send(interactive(
                    submission(TEAM, "U0MALLORY", doctored, Map.of("fp1:answer:1:evals:feedback-quality", "1")))));
            ObjectNode unscoped = view.deepCopy();
            unscoped.put("private_metadata", "fp1:submit:1");
            String old = modalAnswer(harness.requests.send(interactive(
                    submission(TEAM, "U0MALLORY", unscoped, Map.of("fp1:answer:1:evals:feedback-quality", "1")))));

            // then each gets what an unknown poll gets, and nothing changes
            for (String asked :
                    List.of("fp1:vote:1", "fp1:results:1", "fp1:mine:1", "typed-0", "typed-1", "typed-2", "typed-3")) {
                assertThat(harness.slack.awaitAnswer(asked).body().path("text").asText())
                        .as(asked)
                        .contains(refusal);
            }
            assertThat(ballot).contains(refusal);
            assertThat(old).contains("out of date");
            assertThat(harness.slack.calls("views.open")).hasSize(1);
            assertThat(harness.wiring.store().ballot(1, "U0MALLORY").isEmpty()).isTrue();
            assertThat(harness.wiring.store().findById(1))
                    .get()
                    .extracting(Poll::closedAt)
                    .isNull();
        }
    }

    @Test
    void a_poll_in_any_script_opens_its_ballot_and_saves_a_submission_with_unicode_block_ids() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder)) {
            harness.requests.send(slashCommand(
                    TEAM,
                    GENERAL,
                    ALICE,
                    "create 水果调查 fields:\"苹果; 香蕉\" factors:\"Важность; Сложность\"",
                    harness.slack.responseUrl("create"),
                    harness.requests.trigger()));
            harness.slack.await("chat.postMessage");
            harness.requests.send(interactive(buttonPress(
                    TEAM,
                    GENERAL,
                    BOB,
                    "fp1:vote:1",
                    TS,
                    harness.slack.responseUrl("vote"),
                    harness.requests.trigger())));
            JsonNode view = harness.slack.await("views.open").json("view");

            HttpResponse<String> saved = harness.requests.send(interactive(submission(
                    TEAM, BOB, view, Map.of("fp1:answer:1:香蕉:сложность", "2", "fp1:answer:1:苹果:важность", "?"))));

            assertThat(saved.body()).isEmpty();
            assertThat(harness.wiring.store().ballot(1, BOB).answers())
                    .isEqualTo(Map.of(
                            new CellKey("香蕉", "сложность"),
                            Answer.score(2),
                            new CellKey("苹果", "важность"),
                            Answer.DONT_KNOW));
        }
    }

    @Test
    void only_the_creator_or_an_admin_may_close_and_the_poll_message_then_shows_closed() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder, "U0CONFIGURED")) {
            givenAPollWithOneVote(harness);
            harness.slack.makeWorkspaceAdmin("U0BOSS");

            harness.requests.send(slashCommand(
                    TEAM, GENERAL, BOB, "close", harness.slack.responseUrl("bob"), harness.requests.trigger()));
            assertThat(harness.slack.awaitAnswer("bob").body().path("text").asText())
                    .contains("Only the member who started \"Which fields first?\" or an admin can close it.");
            assertThat(harness.wiring.store().findById(1))
                    .get()
                    .extracting(Poll::closedAt)
                    .isNull();

            harness.requests.send(slashCommand(
                    TEAM, GENERAL, "U0BOSS", "close", harness.slack.responseUrl("boss"), harness.requests.trigger()));
            assertThat(harness.slack.awaitAnswer("boss").body().path("text").asText())
                    .contains("Closed poll #1")
                    .contains("1 voter");
            assertThat(harness.wiring.store().findById(1))
                    .get()
                    .extracting(Poll::closedAt)
                    .isNotNull();
            FakeSlack.Call closed = harness.slack.await(
                    "chat.update", call -> call.param("blocks").contains("*Closed*"));
            assertThat(closed.param("ts")).isEqualTo(TS);
            assertThat(SlackHttpModeTest.buttons(closed.json("blocks"))).containsExactly("fp1:results:1", "fp1:mine:1");

            harness.requests.send(slashCommand(
                    TEAM,
                    GENERAL,
                    "U0CONFIGURED",
                    "close #1",
                    harness.slack.responseUrl("configured"),
                    harness.requests.trigger()));
            assertThat(harness.slack
                            .awaitAnswer("configured")
                            .body()
                            .path("text")
                            .asText())
                    .contains("is already closed");
        }
    }

    @Test
    void a_request_without_a_team_gets_a_clear_answer() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder)) {
            harness.requests.send(slashCommand(
                    "", GENERAL, ALICE, "create", harness.slack.responseUrl("anonymous"), harness.requests.trigger()));
            assertThat(harness.slack
                            .awaitAnswer("anonymous")
                            .body()
                            .path("text")
                            .asText())
                    .contains("can't tell which workspace");
            assertThat(harness.slack.calls("chat.postMessage")).isEmpty();
        }
    }

    private static Map<CellKey, Answer> ballotOfBob(SlackHarness harness) {
        return harness.wiring.store().ballot(1, BOB).answers();
    }

    /** The text of the view a submission's answer replaced the modal with. */
    private static String modalAnswer(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = FakeSlack.parse(response.body());
        assertThat(answer.path("response_action").asText()).isEqualTo("update");
        return answer.path("view").path("blocks").toString();
    }
}
