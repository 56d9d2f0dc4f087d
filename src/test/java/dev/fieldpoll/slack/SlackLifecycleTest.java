package dev.fieldpoll.slack;

import static dev.fieldpoll.slack.SlackRequests.buttonPress;
import static dev.fieldpoll.slack.SlackRequests.interactive;
import static dev.fieldpoll.slack.SlackRequests.slashCommand;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.fieldpoll.testing.Eventually;
import dev.fieldpoll.testing.Golden;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /poll edit, delete with its confirmation button, forget, export into a direct message and remind
 * on Slack end to end: the real wiring and Bolt app in HTTP mode against {@link FakeSlack}.
 */
class SlackLifecycleTest {

    private static final String TEAM = FakeSlack.TEAM;
    private static final String GENERAL = "C0GENERAL";
    private static final String ADMIN = "U0ADMIN";
    private static final String ALICE = "U0ALICE";
    private static final String BOB = "U0BOB";

    @TempDir
    Path folder;

    private static final java.util.concurrent.atomic.AtomicInteger COMMANDS =
            new java.util.concurrent.atomic.AtomicInteger();

    /** The member's answer: the command's ack, or else what came through its response_url. */
    private static JsonNode command(SlackHarness harness, String user, String text) throws Exception {
        String name = "command-" + COMMANDS.incrementAndGet();
        HttpResponse<String> acked = harness.requests.send(
                slashCommand(TEAM, GENERAL, user, text, harness.slack.responseUrl(name), harness.requests.trigger()));
        return acked.body().isEmpty() ? harness.slack.awaitAnswer(name).body() : FakeSlack.parse(acked.body());
    }

    /** Alice's poll #1 with Bob's vote on Alpha; the ts of its message. */
    private static String pollWithAVote(SlackHarness harness) throws Exception {
        harness.requests.send(slashCommand(
                TEAM,
                GENERAL,
                ALICE,
                "create Plans fields:\"Alpha; Beta\" factors:\"Impact\"",
                harness.slack.responseUrl("create"),
                harness.requests.trigger()));
        String ts = Eventually.value(() -> harness.wiring.store().messageId(1), found -> true, "the poll message");
        assertThat(command(harness, BOB, "vote alpha impact=4").toString()).contains("Saved");
        return ts;
    }

    private static String pretty(JsonNode json) throws Exception {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n";
    }

    @Test
    void edit_redraws_the_message_and_delete_asks_with_a_button_then_marks_the_message_deleted() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder, ADMIN)) {
            String ts = pollWithAVote(harness);

            assertThat(command(harness, BOB, "edit add:\"Gamma\"").toString()).contains("Only the member who started");
            assertThat(command(harness, ALICE, "edit add:\"Gamma\" remove:\"Beta\"")
                            .toString())
                    .contains("Field Beta removed")
                    .contains("Field Gamma added");
            FakeSlack.Call redrawn = harness.slack.await(
                    "chat.update",
                    call -> ts.equals(call.param("ts")) && call.param("blocks").contains("Gamma"));
            assertThat(redrawn.param("blocks")).doesNotContain("Beta");

            JsonNode asked = command(harness, ALICE, "delete #1");
            Golden.assertMatches("slack/confirm-delete.json", pretty(asked.path("blocks")));
            harness.requests.send(interactive(buttonPress(
                    TEAM,
                    GENERAL,
                    ALICE,
                    "fp1:delete:1",
                    ts,
                    harness.slack.responseUrl("pressed"),
                    harness.requests.trigger())));

            assertThat(harness.slack.awaitAnswer("pressed").body().toString()).contains("are deleted");
            FakeSlack.Call marked = harness.slack.await(
                    "chat.update",
                    call -> ts.equals(call.param("ts")) && call.param("text").contains("was deleted"));
            Golden.assertMatches("slack/poll-message-deleted.json", pretty(marked.json("blocks")));
            assertThat(harness.wiring.store().findById(1)).isEmpty();
        }
    }

    @Test
    void export_goes_to_the_admins_direct_message_forget_and_remind_answer_in_the_channel() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder, ADMIN)) {
            pollWithAVote(harness);

            assertThat(command(harness, ALICE, "export #1").toString()).contains("Only admins");
            assertThat(command(harness, ADMIN, "export #1 csv").toString()).contains("in your direct messages");
            FakeSlack.Call opened = harness.slack.await("conversations.open");
            assertThat(opened.param("users")).isEqualTo(ADMIN);
            FakeSlack.Call shared = harness.slack.await("files.completeUploadExternal");
            assertThat(shared.param("channel_id")).isEqualTo("D" + ADMIN);
            FakeSlack.Call upload = harness.slack.await("upload");
            assertThat(new String(upload.bytes(), StandardCharsets.UTF_8))
                    .contains("voter,field,factor,score")
                    .contains(",alpha,impact,4")
                    .doesNotContain(BOB);

            assertThat(command(harness, ADMIN, "remind #1").toString()).contains("1 member has voted, 0 on every");
            FakeSlack.Call reminder = harness.slack.await(
                    "chat.postMessage", call -> call.param("text").contains("1 member has voted"));
            assertThat(reminder.param("channel")).isEqualTo(GENERAL);

            assertThat(command(harness, BOB, "forget #1").toString()).contains("fp1:forget:1:poll");
            assertThat(command(harness, BOB, "forget #1 confirm").toString()).contains("deleted from 1 poll");
            assertThat(harness.wiring.store().voterCount(1)).isZero();
        }
    }
}
