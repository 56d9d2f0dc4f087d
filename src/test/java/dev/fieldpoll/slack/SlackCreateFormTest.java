package dev.fieldpoll.slack;

import static dev.fieldpoll.slack.SlackRequests.formSubmission;
import static dev.fieldpoll.slack.SlackRequests.globalShortcut;
import static dev.fieldpoll.slack.SlackRequests.interactive;
import static dev.fieldpoll.slack.SlackRequests.slashCommand;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.ResultsVisibility;
import dev.fieldpoll.testing.Eventually;
import dev.fieldpoll.testing.Golden;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /poll new and the global shortcut "Create a poll" on Slack end to end: real Bolt in HTTP mode with
 * signed requests against {@link FakeSlack}. The form opens with views.open (goldens), its
 * view_submission creates the poll through the same path as /poll create and posts the poll message,
 * and a refusal comes back as response_action errors on the input, with /poll create's sentence.
 */
class SlackCreateFormTest {

    private static final String TEAM = FakeSlack.TEAM;
    private static final String GENERAL = "C0GENERAL";
    private static final String ALICE = "U0ALICE";

    @TempDir
    Path folder;

    private static String pretty(JsonNode json) throws Exception {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n";
    }

    /** /poll new in #general: the view views.open got. */
    private static JsonNode openedByCommand(SlackHarness harness) throws Exception {
        HttpResponse<String> acked = harness.requests.send(slashCommand(
                TEAM, GENERAL, ALICE, "new", harness.slack.responseUrl("new"), harness.requests.trigger()));
        assertThat(acked.statusCode()).isEqualTo(200);
        return harness.slack.await("views.open").json("view");
    }

    private static JsonNode submit(SlackHarness harness, JsonNode view, Map<String, String> typed) throws Exception {
        HttpResponse<String> acked = harness.requests.send(interactive(formSubmission(TEAM, ALICE, view, typed)));
        assertThat(acked.statusCode()).isEqualTo(200);
        return acked.body().isBlank() ? FakeSlack.parse("{}") : FakeSlack.parse(acked.body());
    }

    @Test
    void poll_new_opens_the_form_and_its_submission_creates_and_posts_the_poll() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder)) {
            JsonNode view = openedByCommand(harness);
            Golden.assertMatches("slack/create-form.json", pretty(view));

            JsonNode ack = submit(
                    harness,
                    view,
                    Map.of(
                            "title", "Team plans",
                            "fields", "Evals — benchmarks and red teaming\nInterpretability",
                            "factors", "Impact\nEffort",
                            "options", "closes:3d results:live"));

            assertThat(ack.has("response_action")).isFalse();
            FakeSlack.Call posted = harness.slack.await(
                    "chat.postMessage", call -> call.param("text").contains("Team plans"));
            assertThat(posted.param("channel")).isEqualTo(GENERAL);
            Eventually.value(() -> harness.wiring.store().messageId(1), found -> true, "the poll message remembered");
            Poll poll = harness.wiring.store().findById(1).orElseThrow();
            assertThat(poll.channelId()).isEqualTo(GENERAL);
            assertThat(poll.createdBy()).isEqualTo(ALICE);
            assertThat(poll.visibility()).isEqualTo(ResultsVisibility.LIVE);
            assertThat(poll.definition().fields())
                    .extracting(Field::description)
                    .containsExactly("benchmarks and red teaming", "");
        }
    }

    @Test
    void a_template_chosen_from_the_list_starts_its_poll() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder)) {
            JsonNode view = openedByCommand(harness);

            submit(harness, view, Map.of("template", "community-roadmap"));

            harness.slack.await("chat.postMessage");
            assertThat(harness.wiring.store().findById(1).orElseThrow().templateKey())
                    .isEqualTo("community-roadmap");
        }
    }

    @Test
    void a_bad_submission_gets_errors_on_the_input_with_the_sentence_of_poll_create() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder)) {
            HttpResponse<String> typed = harness.requests.send(slashCommand(
                    TEAM,
                    GENERAL,
                    ALICE,
                    "create \"Plans\" fields:\"A\" factors:\"B\" closes:someday",
                    harness.slack.responseUrl("typed"),
                    harness.requests.trigger()));
            String sentence = FakeSlack.parse(typed.body()).path("text").asText();
            assertThat(sentence).contains("I can't read closes:someday.");
            JsonNode view = openedByCommand(harness);

            JsonNode ack = submit(
                    harness,
                    view,
                    Map.of("title", "Plans", "fields", "A", "factors", "B", "options", "closes:someday"));
            JsonNode adHoc = submit(harness, view, Map.of("title", "Plans", "fields", "A"));

            assertThat(ack.path("response_action").asText()).isEqualTo("errors");
            assertThat(sentence).contains(ack.path("errors").path("options").asText());
            assertThat(adHoc.path("errors").path("factors").asText()).contains("an ad-hoc poll needs both");
            assertThat(harness.wiring.store().findById(1)).isEmpty();
        }
    }

    @Test
    void the_shortcut_opens_the_form_that_asks_where_and_checks_the_channel() throws Exception {
        try (SlackHarness harness = SlackHarness.http(folder)) {
            harness.requests.send(interactive(
                    globalShortcut(TEAM, ALICE, SlackCreateFormHandlers.SHORTCUT, harness.requests.trigger())));
            FakeSlack.Call opened = harness.slack.await("views.open");
            JsonNode view = opened.json("view");
            Golden.assertMatches("slack/create-form-shortcut.json", pretty(view));
            Map<String, String> typed = new HashMap<>(Map.of("title", "Plans", "fields", "A", "factors", "B"));

            JsonNode none = submit(harness, view, typed);
            typed.put("channel", "C0ELSEWHERE");
            harness.slack.failNext("chat.postEphemeral", "channel_not_found");
            JsonNode foreign = submit(harness, view, typed);
            typed.put("channel", "C0QUIET");
            harness.slack.failNext("chat.postEphemeral", "not_in_channel");
            JsonNode withoutBot = submit(harness, view, typed);
            typed.put("channel", GENERAL);
            JsonNode created = submit(harness, view, typed);

            assertThat(none.path("errors").path("channel").asText()).isEqualTo(SlackCreateFormHandlers.PICK_CHANNEL);
            assertThat(foreign.path("errors").path("channel").asText()).contains("can't reach that channel");
            assertThat(withoutBot.path("errors").path("channel").asText()).contains("/invite @fieldpoll");
            assertThat(created.has("response_action")).isFalse();
            FakeSlack.Call posted = harness.slack.await(
                    "chat.postMessage", call -> call.param("text").contains("Plans"));
            assertThat(posted.param("channel")).isEqualTo(GENERAL);
            assertThat(harness.wiring.store().findById(1).orElseThrow().channelId())
                    .isEqualTo(GENERAL);
            assertThat(harness.wiring.store().findById(2)).isEmpty();
        }
    }
}
