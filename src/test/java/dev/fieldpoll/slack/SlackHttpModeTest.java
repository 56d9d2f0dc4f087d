package dev.fieldpoll.slack;

import static dev.fieldpoll.slack.SlackRequests.buttonPress;
import static dev.fieldpoll.slack.SlackRequests.interactive;
import static dev.fieldpoll.slack.SlackRequests.slashCommand;
import static dev.fieldpoll.slack.SlackRequests.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Workspace;
import dev.fieldpoll.testing.Eventually;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP mode end to end: signed requests shaped as Slack sends them reach the real Bolt app and the
 * real wiring (a temporary SQLite file); the Slack Web API is {@link FakeSlack}, which records calls.
 */
class SlackHttpModeTest {

    static final String TEAM = FakeSlack.TEAM;
    static final String GENERAL = "C0GENERAL";
    static final String ALICE = "U0ALICE";
    static final String BOB = "U0BOB";
    static final String FIRST_TS = "1764237600.000001";

    @TempDir
    Path folder;

    @Test
    void a_slash_command_posts_the_poll_a_button_opens_the_ballot_and_a_submission_saves_it() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder)) {
            // when alice starts a poll from the default template
            HttpResponse<String> created = harness.requests.send(slashCommand(
                    TEAM,
                    GENERAL,
                    ALICE,
                    "create Which fields first? closes:3d",
                    harness.slack.responseUrl("alice"),
                    harness.requests.trigger()));

            // then Slack gets its ack and the poll message is posted in the channel
            assertThat(created.statusCode()).isEqualTo(200);
            FakeSlack.Call posted = harness.slack.await("chat.postMessage");
            assertThat(posted.param("channel")).isEqualTo(GENERAL);
            assertThat(posted.authorization()).isEqualTo("Bearer " + SlackHarness.BOT_TOKEN);
            JsonNode message = posted.json("blocks");
            assertThat(message.get(0).path("text").path("text").asText()).isEqualTo("Which fields first?");
            assertThat(message.toString())
                    .contains("Feedback quality")
                    .contains("Mech Interp")
                    .contains("0 voters so far");
            assertThat(buttons(message)).containsExactly("fp1:vote:1", "fp1:results:1", "fp1:mine:1", "fp1:edit:1");

            // when bob presses Vote
            String trigger = harness.requests.trigger();
            HttpResponse<String> pressed = harness.requests.send(interactive(buttonPress(
                    TEAM, GENERAL, BOB, "fp1:vote:1", FIRST_TS, harness.slack.responseUrl("bob-vote"), trigger)));

            // then his ballot opens as a modal: every field × factor, with this poll's ids
            assertThat(pressed.statusCode()).isEqualTo(200);
            FakeSlack.Call opened = harness.slack.await("views.open");
            assertThat(opened.param("trigger_id")).isEqualTo(trigger);
            JsonNode view = opened.json("view");
            assertThat(view.path("private_metadata").asText()).isEqualTo("fp1:submit:1@C0GENERAL");
            assertThat(inputs(view))
                    .hasSize(20)
                    .contains(
                            "fp1:answer:1:mech-interp:feedback-quality",
                            "fp1:answer:1:agent-foundations:economic-incentive");

            // when bob submits three answers
            HttpResponse<String> saved = harness.requests.send(interactive(submission(
                    TEAM,
                    BOB,
                    view,
                    Map.of(
                            "fp1:answer:1:mech-interp:feedback-quality", "5",
                            "fp1:answer:1:mech-interp:economic-incentive", "4",
                            "fp1:answer:1:evals:feedback-quality", "?"))));

            // then the modal closes, the ballot is on disk, bob is told, and the poll message shows him
            assertThat(saved.statusCode()).isEqualTo(200);
            assertThat(saved.body()).isEmpty();
            assertThat(harness.wiring.store().ballot(1, BOB).answers())
                    .containsOnly(
                            entry(new CellKey("mech-interp", "feedback-quality"), Answer.score(5)),
                            entry(new CellKey("mech-interp", "economic-incentive"), Answer.score(4)),
                            entry(new CellKey("evals", "feedback-quality"), Answer.DONT_KNOW));
            FakeSlack.Call told = harness.slack.await("chat.postEphemeral");
            assertThat(told.param("channel")).isEqualTo(GENERAL);
            assertThat(told.param("user")).isEqualTo(BOB);
            assertThat(told.param("text")).contains("Saved").contains("You have answered 3 of 20");
            FakeSlack.Call updated = harness.slack.await(
                    "chat.update", call -> call.param("blocks").contains("1 voter so far"));
            assertThat(updated.param("channel")).isEqualTo(GENERAL);
            assertThat(updated.param("ts")).isEqualTo(FIRST_TS);
            assertThat(harness.wiring.store().messageId(1)).contains(FIRST_TS);

            // when bob opens his ballot again, then it is prefilled with his answers
            harness.requests.send(interactive(buttonPress(
                    TEAM,
                    GENERAL,
                    BOB,
                    "fp1:vote:1",
                    FIRST_TS,
                    harness.slack.responseUrl("bob-vote-2"),
                    harness.requests.trigger())));
            JsonNode again = harness.slack
                    .await(
                            "views.open",
                            call -> harness.slack.calls("views.open").size() == 2 && call != opened)
                    .json("view");
            assertThat(initial(again, "fp1:answer:1:mech-interp:feedback-quality"))
                    .isEqualTo("5");
            assertThat(initial(again, "fp1:answer:1:evals:feedback-quality")).isEqualTo("?");
            assertThat(initial(again, "fp1:answer:1:evals:economic-incentive")).isNull();

            // when bob submits a score that is not on the scale and withdraws one answer in the same ballot
            HttpResponse<String> invalid = harness.requests.send(interactive(submission(
                    TEAM,
                    BOB,
                    again,
                    Map.of(
                            "fp1:answer:1:evals:feedback-quality", "clear",
                            "fp1:answer:1:ai-control:feedback-quality", "9"))));

            // then the modal shows the error beside that input and nothing of the ballot is saved
            assertThat(invalid.statusCode()).isEqualTo(200);
            JsonNode errors = FakeSlack.parse(invalid.body());
            assertThat(errors.path("response_action").asText()).isEqualTo("errors");
            assertThat(errors.path("errors")
                            .path("fp1:answer:1:ai-control:feedback-quality")
                            .asText())
                    .contains("'9' is not a score here");
            assertThat(harness.wiring.store().ballot(1, BOB).answers())
                    .hasSize(3)
                    .containsEntry(new CellKey("evals", "feedback-quality"), Answer.DONT_KNOW);

            // when bob withdraws that answer on its own, then only it is gone
            HttpResponse<String> withdrawn = harness.requests.send(
                    interactive(submission(TEAM, BOB, again, Map.of("fp1:answer:1:evals:feedback-quality", "clear"))));
            assertThat(withdrawn.statusCode()).isEqualTo(200);
            assertThat(harness.wiring.store().ballot(1, BOB).answers())
                    .hasSize(2)
                    .doesNotContainKey(new CellKey("evals", "feedback-quality"));
        }
    }

    @Test
    void a_ballot_too_large_for_one_modal_is_saved_page_by_page() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder)) {
            StringBuilder fields = new StringBuilder();
            for (int i = 1; i <= 25; i++) {
                fields.append(i == 1 ? "" : "; ").append("Field ").append(i);
            }
            harness.requests.send(slashCommand(
                    TEAM,
                    GENERAL,
                    ALICE,
                    "create Big one fields:\"" + fields + "\" factors:\"Impact; Effort; Risk; Reach\"",
                    harness.slack.responseUrl("create"),
                    harness.requests.trigger()));
            harness.slack.await("chat.postMessage");

            // when bob opens his ballot: 100 cells do not fit one modal, so it has pages
            harness.requests.send(interactive(buttonPress(
                    TEAM,
                    GENERAL,
                    BOB,
                    "fp1:vote:1",
                    FIRST_TS,
                    harness.slack.responseUrl("vote"),
                    harness.requests.trigger())));
            JsonNode first = harness.slack.await("views.open").json("view");
            assertThat(first.path("private_metadata").asText()).isEqualTo("fp1:page:1:1@C0GENERAL");
            assertThat(inputs(first)).hasSize(96);
            assertThat(first.path("blocks").size()).isLessThanOrEqualTo(100);

            // when he saves page 1, then its answers are on disk and the modal shows page 2
            HttpResponse<String> page1 = harness.requests.send(interactive(submission(
                    TEAM, BOB, first, Map.of("fp1:answer:1:field-1:impact", "5", "fp1:answer:1:field-24:reach", "2"))));
            JsonNode next = FakeSlack.parse(page1.body());
            assertThat(next.path("response_action").asText()).isEqualTo("update");
            JsonNode second = next.path("view");
            assertThat(second.path("private_metadata").asText()).isEqualTo("fp1:page:1:2@C0GENERAL");
            assertThat(inputs(second))
                    .containsExactly(
                            "fp1:answer:1:field-25:impact",
                            "fp1:answer:1:field-25:effort",
                            "fp1:answer:1:field-25:risk",
                            "fp1:answer:1:field-25:reach");
            assertThat(harness.wiring.store().ballot(1, BOB).answers()).hasSize(2);

            // when he saves the last page, then the modal closes and all three answers are kept
            HttpResponse<String> page2 = harness.requests.send(
                    interactive(submission(TEAM, BOB, second, Map.of("fp1:answer:1:field-25:risk", "?"))));
            assertThat(page2.body()).isEmpty();
            assertThat(harness.wiring.store().ballot(1, BOB).answers())
                    .hasSize(3)
                    .containsEntry(new CellKey("field-1", "impact"), Answer.score(5))
                    .containsEntry(new CellKey("field-25", "risk"), Answer.DONT_KNOW);
            assertThat(harness.slack.await("chat.postEphemeral").param("text")).contains("You have answered 3 of 100");

            // when he skips page 1 without choosing anything, then nothing is saved and page 2 shows
            HttpResponse<String> skipped = harness.requests.send(interactive(submission(TEAM, BOB, first, Map.of())));
            assertThat(FakeSlack.parse(skipped.body())
                            .path("view")
                            .path("private_metadata")
                            .asText())
                    .isEqualTo("fp1:page:1:2@C0GENERAL");
            assertThat(harness.wiring.store().ballot(1, BOB).answers()).hasSize(3);
        }
    }

    @Test
    void a_poll_in_a_channel_without_the_bot_is_kept_and_its_message_posted_once_the_bot_is_invited() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder)) {
            harness.slack.removeBotFrom("C0PRIVATE");

            harness.requests.send(slashCommand(
                    TEAM,
                    "C0PRIVATE",
                    ALICE,
                    "create Private priorities",
                    harness.slack.responseUrl("create"),
                    harness.requests.trigger()));

            assertThat(harness.slack.awaitAnswer("create").body().path("text").asText())
                    .contains("Poll #1")
                    .contains("is saved")
                    .contains("/invite @fieldpoll");
            assertThat(harness.wiring.store().messageId(1)).isEmpty();

            harness.slack.inviteBotTo("C0PRIVATE");
            harness.requests.send(slashCommand(
                    TEAM,
                    "C0PRIVATE",
                    BOB,
                    "vote evals feedback=2",
                    harness.slack.responseUrl("vote"),
                    harness.requests.trigger()));

            FakeSlack.Call posted = harness.slack.await(
                    "chat.postMessage", call -> call.param("blocks").contains("1 voter so far"));
            assertThat(posted.param("channel")).isEqualTo("C0PRIVATE");
            assertThat(harness.slack.calls("chat.postMessage")).hasSize(2);
        }
    }

    @Test
    void typed_commands_answer_only_the_member_and_admins_may_post_results_to_the_channel() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder, "U0ADMIN")) {
            harness.requests.send(slashCommand(
                    TEAM,
                    GENERAL,
                    ALICE,
                    "create Team priorities fields:\"Alpha; Beta\" " + "factors:\"Impact; Effort\" results:live",
                    harness.slack.responseUrl("create"),
                    harness.requests.trigger()));
            harness.slack.await("chat.postMessage");

            HttpResponse<String> voted = harness.requests.send(slashCommand(
                    TEAM,
                    GENERAL,
                    BOB,
                    "vote alpha impact=4 effort=2",
                    harness.slack.responseUrl("vote"),
                    harness.requests.trigger()));
            // the command's ack itself is the answer, sent once the vote is on disk
            JsonNode vote = FakeSlack.parse(voted.body());
            assertThat(vote.path("response_type").asText()).isEqualTo("ephemeral");
            assertThat(vote.path("text").asText()).contains("Saved: Alpha / Impact 4, Alpha / Effort 2");
            assertThat(harness.wiring.store().ballot(1, BOB).answers()).hasSize(2);
            assertThat(harness.slack.calls("response_url"))
                    .noneMatch(call -> call.param("path").equals("/respond/vote"));

            harness.requests.send(slashCommand(
                    TEAM, GENERAL, BOB, "mine", harness.slack.responseUrl("mine"), harness.requests.trigger()));
            assertThat(harness.slack.awaitAnswer("mine").body().toString()).contains("*Alpha*: Impact 4 · Effort 2");

            harness.requests.send(slashCommand(
                    TEAM, GENERAL, BOB, "list", harness.slack.responseUrl("list"), harness.requests.trigger()));
            assertThat(harness.slack.awaitAnswer("list").body().toString())
                    .contains("#1 *Team priorities* — open, 1 voter");

            harness.requests.send(slashCommand(
                    TEAM, GENERAL, BOB, "results", harness.slack.responseUrl("results"), harness.requests.trigger()));
            JsonNode results = harness.slack.awaitAnswer("results").body();
            assertThat(results.path("response_type").asText()).isEqualTo("ephemeral");
            assertThat(results.path("blocks").get(0).path("text").path("text").asText())
                    .isEqualTo("Results: Team priorities");

            harness.requests.send(slashCommand(
                    TEAM,
                    GENERAL,
                    BOB,
                    "results public",
                    harness.slack.responseUrl("bob-public"),
                    harness.requests.trigger()));
            assertThat(harness.slack
                            .awaitAnswer("bob-public")
                            .body()
                            .path("text")
                            .asText())
                    .contains("or an admin can post its results to the whole channel");

            harness.requests.send(slashCommand(
                    TEAM,
                    GENERAL,
                    "U0ADMIN",
                    "results public",
                    harness.slack.responseUrl("admin-public"),
                    harness.requests.trigger()));
            FakeSlack.Call publicResults = harness.slack.await(
                    "chat.postMessage", call -> call.param("blocks").contains("Results: Team priorities"));
            assertThat(publicResults.param("channel")).isEqualTo(GENERAL);

            harness.requests.send(slashCommand(
                    TEAM, GENERAL, BOB, "help", harness.slack.responseUrl("help"), harness.requests.trigger()));
            assertThat(harness.slack.awaitAnswer("help").body().toString()).contains("/poll create");

            harness.requests.send(slashCommand(
                    TEAM,
                    GENERAL,
                    BOB,
                    "frobnicate &lt;now&gt;",
                    harness.slack.responseUrl("unknown"),
                    harness.requests.trigger()));
            assertThat(harness.slack.awaitAnswer("unknown").body().path("text").asText())
                    .contains("I don't know `/poll frobnicate`");
            assertThat(harness.wiring.store().listInChannel(new Workspace(Platform.SLACK, TEAM), GENERAL))
                    .hasSize(1);
        }
    }

    @Test
    void a_wrong_signature_or_a_stale_timestamp_is_refused_with_401_and_changes_nothing() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder)) {
            harness.requests.send(slashCommand(
                    TEAM, GENERAL, ALICE, "create", harness.slack.responseUrl("create"), harness.requests.trigger()));
            harness.slack.await("chat.postMessage");
            List<FakeSlack.Call> before = harness.slack.calls();
            long now = System.currentTimeMillis() / 1000;
            String create = slashCommand(
                    TEAM,
                    GENERAL,
                    BOB,
                    "create Sneaky",
                    harness.slack.responseUrl("sneaky"),
                    harness.requests.trigger());
            String vote = interactive(SlackRequests.submission(
                    TEAM,
                    BOB,
                    FakeSlack.parse(
                            "{\"type\":\"modal\",\"private_metadata\":\"fp1:submit:1\",\"callback_id\":\"fieldpoll-ballot\","
                                    + "\"blocks\":[]}"),
                    Map.of("fp1:answer:1:evals:feedback-quality", "5")));

            List<Integer> statuses = new ArrayList<>();
            statuses.add(harness.requests
                    .send(create, now, SlackRequests.sign("not-the-secret", now, create))
                    .statusCode());
            statuses.add(harness.requests
                    .send(create, now, SlackRequests.sign(SlackRequests.SECRET, now, create + "x"))
                    .statusCode());
            statuses.add(harness.requests
                    .send(create, now - 600, SlackRequests.sign(SlackRequests.SECRET, now - 600, create))
                    .statusCode());
            statuses.add(harness.requests
                    .send(vote, now - 301, SlackRequests.sign(SlackRequests.SECRET, now - 301, vote))
                    .statusCode());
            statuses.add(harness.requests.send(vote, now, "v0=").statusCode());

            assertThat(statuses).containsOnly(401);
            assertThat(harness.slack.calls()).isEqualTo(before);
            assertThat(harness.wiring.store().listInChannel(new Workspace(Platform.SLACK, TEAM), GENERAL))
                    .hasSize(1);
            assertThat(harness.wiring.store().ballot(1, BOB).isEmpty()).isTrue();
        }
    }

    @Test
    void a_replayed_a_future_or_an_unreadable_signed_request_is_refused_and_changes_nothing() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder)) {
            long now = System.currentTimeMillis() / 1000;
            String create = slashCommand(
                    TEAM,
                    GENERAL,
                    ALICE,
                    "create \"Once\"",
                    harness.slack.responseUrl("once"),
                    harness.requests.trigger());
            String signature = SlackRequests.sign(SlackRequests.SECRET, now, create);
            assertThat(harness.requests.send(create, now, signature).statusCode())
                    .isEqualTo(200);
            harness.slack.await("chat.postMessage");
            List<FakeSlack.Call> before = harness.slack.calls();

            // the same request again, within the five minutes: a replay
            int replayed = harness.requests.send(create, now, signature).statusCode();
            // a correctly signed request dated six minutes ahead
            String later = slashCommand(
                    TEAM,
                    GENERAL,
                    ALICE,
                    "create \"Later\"",
                    harness.slack.responseUrl("later"),
                    harness.requests.trigger());
            int future = harness.requests
                    .send(later, now + 360, SlackRequests.sign(SlackRequests.SECRET, now + 360, later))
                    .statusCode();
            // a correctly signed payload that is not JSON
            String garbled = "payload=%7B%22type%22%3A%22block_actions%22%2C";
            int unreadable = harness.requests
                    .send(garbled, now, SlackRequests.sign(SlackRequests.SECRET, now, garbled))
                    .statusCode();

            assertThat(replayed).isEqualTo(401);
            assertThat(future).isEqualTo(401);
            assertThat(unreadable).isEqualTo(400);
            assertThat(harness.slack.calls()).isEqualTo(before);
            assertThat(harness.wiring.store().listInChannel(new Workspace(Platform.SLACK, TEAM), GENERAL))
                    .hasSize(1);
        }
    }

    @Test
    void create_in_a_direct_message_is_refused_with_a_pointer_to_a_channel() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder)) {
            harness.requests.send(slashCommand(
                    TEAM,
                    "D0ALICE",
                    ALICE,
                    "create \"Lunch\"",
                    harness.slack.responseUrl("dm"),
                    harness.requests.trigger()));

            assertThat(harness.slack.awaitAnswer("dm").body().path("text").asText())
                    .isEqualTo(":warning: Polls live in channels, not in direct messages. Run `/poll create` in a "
                            + "channel (and add me there); nothing was created.");
            assertThat(harness.slack.calls("chat.postMessage")).isEmpty();
            assertThat(harness.wiring.store().listInChannel(new Workspace(Platform.SLACK, TEAM), "D0ALICE"))
                    .isEmpty();
        }
    }

    @Test
    void a_poll_closing_on_a_date_says_it_closes_at_the_end_of_that_day() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder)) {
            harness.requests.send(slashCommand(
                    TEAM,
                    GENERAL,
                    ALICE,
                    "create \"Holidays\" closes:2026-12-24",
                    harness.slack.responseUrl("create"),
                    harness.requests.trigger()));

            assertThat(harness.slack.await("chat.postMessage").param("blocks"))
                    .contains("closes end of 24 Dec 2026 (UTC)")
                    .doesNotContain("2026-12-25 00:00");
        }
    }

    @Test
    void a_poll_message_someone_deleted_is_posted_again_at_the_next_redraw() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder)) {
            harness.requests.send(slashCommand(
                    TEAM,
                    GENERAL,
                    ALICE,
                    "create \"Keep me\"",
                    harness.slack.responseUrl("create"),
                    harness.requests.trigger()));
            assertThat(harness.slack.await("chat.postMessage").param("channel")).isEqualTo(GENERAL);
            Eventually.value(() -> harness.wiring.store().messageId(1), FIRST_TS::equals, "the poll message recorded");

            // when someone deletes the poll message, and Bob votes
            harness.slack.deleteMessage(FIRST_TS);
            harness.requests.send(slashCommand(
                    TEAM,
                    GENERAL,
                    BOB,
                    "vote evals feedback=3",
                    harness.slack.responseUrl("bob"),
                    harness.requests.trigger()));

            // then the redraw posts it again, and the next redraw updates the new one
            FakeSlack.Call again = harness.slack.await(
                    "chat.postMessage", call -> call.param("blocks").contains("1 voter so far"));
            assertThat(again.param("channel")).isEqualTo(GENERAL);
            String newTs = Eventually.value(
                    () -> harness.wiring.store().messageId(1), ts -> !ts.equals(FIRST_TS), "the new message recorded");
            harness.requests.send(slashCommand(
                    TEAM,
                    GENERAL,
                    ALICE,
                    "vote evals feedback=4",
                    harness.slack.responseUrl("alice"),
                    harness.requests.trigger()));
            FakeSlack.Call updated = harness.slack.await(
                    "chat.update", call -> call.param("blocks").contains("2 voters so far"));
            assertThat(updated.param("ts")).isEqualTo(newTs);
        }
    }

    static List<String> buttons(JsonNode blocks) {
        List<String> ids = new ArrayList<>();
        for (JsonNode block : blocks) {
            if (block.path("type").asText().equals("actions")) {
                block.path("elements")
                        .forEach(element -> ids.add(element.path("action_id").asText()));
            }
        }
        return ids;
    }

    static List<String> inputs(JsonNode view) {
        List<String> ids = new ArrayList<>();
        for (JsonNode block : view.path("blocks")) {
            if (block.path("type").asText().equals("input")) {
                ids.add(block.path("block_id").asText());
            }
        }
        return ids;
    }

    static String initial(JsonNode view, String blockId) {
        for (JsonNode block : view.path("blocks")) {
            if (block.path("block_id").asText().equals(blockId)) {
                JsonNode initial = block.path("element").path("initial_option");
                return initial.isMissingNode() || initial.isNull()
                        ? null
                        : initial.path("value").asText();
            }
        }
        throw new AssertionError("no block " + blockId);
    }
}
