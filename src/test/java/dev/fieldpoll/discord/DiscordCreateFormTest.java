package dev.fieldpoll.discord;

import static dev.fieldpoll.discord.Payloads.ALICE;
import static dev.fieldpoll.discord.Payloads.CHANNEL;
import static dev.fieldpoll.discord.Payloads.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.ResultsVisibility;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /poll new on Discord end to end: real JDA against the fake Discord opens the create form (a modal,
 * golden), its submission creates the poll through the same path as /poll create and posts the poll
 * message in the channel; a refusal says the same sentence as /poll create and echoes what was typed.
 */
class DiscordCreateFormTest {

    private static final String CHANNEL_POSTS = "/api/v10/channels/" + CHANNEL + "/messages";

    @TempDir
    Path folder;

    private DiscordHarness harness;

    @BeforeEach
    void startBot() throws InterruptedException {
        harness = new DiscordHarness(folder);
    }

    @AfterEach
    void stopBot() {
        harness.close();
    }

    private static Map<String, String> typed(
            String title, String fields, String factors, String options, String template) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", title);
        values.put("fields", fields);
        values.put("factors", factors);
        values.put("options", options);
        values.put("template", template);
        return values;
    }

    @Test
    void poll_new_opens_the_create_form() {
        String token = harness.send(Payloads.slash(ALICE, "new", options()));

        FakeDiscord.Request callback =
                harness.await(request -> request.is("POST", "/api/v10/interactions/\\d+/" + token + "/callback"));
        assertThat(callback.body().path("type").asInt()).isEqualTo(9);
        Golden.assertMatches("create-form", callback.body().path("data"));
    }

    @Test
    void a_submitted_form_creates_the_poll_and_posts_its_message() {
        String token = harness.send(Payloads.modalSubmit(
                ALICE,
                CHANNEL,
                "fp1:new:0",
                typed(
                        "Team plans",
                        "Evals — benchmarks and red teaming\nInterpretability\n",
                        "Impact\nEffort",
                        "closes:3d results:live",
                        "")));

        assertThat(harness.answerText(token)).contains("Poll #1 **Team plans** is posted");
        FakeDiscord.Request posted = harness.await(request -> request.is("POST", CHANNEL_POSTS));
        assertThat(posted.body().toString()).contains("Team plans").contains("Interpretability");
        Poll poll = harness.wiring.store().findById(1).orElseThrow();
        assertThat(poll.channelId()).isEqualTo(CHANNEL);
        assertThat(poll.createdBy()).isEqualTo(ALICE.id());
        assertThat(poll.visibility()).isEqualTo(ResultsVisibility.LIVE);
        assertThat(poll.definition().fields())
                .extracting(Field::description)
                .containsExactly("benchmarks and red teaming", "");
        assertThat(harness.wiring.store().messageId(1)).isPresent();
    }

    @Test
    void a_template_key_alone_starts_the_templates_poll() {
        String token = harness.send(
                Payloads.modalSubmit(ALICE, CHANNEL, "fp1:new:0", typed("", "", "", "", "community-roadmap")));

        assertThat(harness.answerText(token)).contains("is posted");
        assertThat(harness.wiring.store().findById(1).orElseThrow().templateKey())
                .isEqualTo("community-roadmap");
    }

    @Test
    void a_refused_form_gets_the_sentence_of_poll_create_and_what_was_typed() {
        String command = harness.send(
                Payloads.slash(ALICE, "create", options("title", "Plans", "fields", "Alpha", "factors", "")));
        String commandSays = harness.answerText(command);

        String token =
                harness.send(Payloads.modalSubmit(ALICE, CHANNEL, "fp1:new:0", typed("Plans", "Alpha", "", "", "")));

        String formSays = harness.answerText(token);
        assertThat(commandSays).contains("an ad-hoc poll needs both");
        assertThat(formSays).startsWith(commandSays).contains("Title: Plans").contains("Fields: Alpha");
        assertThat(harness.wiring.store().findById(1)).isEmpty();
    }

    @Test
    void a_forged_form_id_or_input_creates_nothing() {
        String forged = harness.send(
                Payloads.modalSubmit(ALICE, CHANNEL, "fp1:new:7", typed("Plans", "Alpha", "Impact", "", "")));
        Map<String, String> extra = typed("Plans", "Alpha", "Impact", "closes:3d voters:everyone", "");
        String badOption = harness.send(Payloads.modalSubmit(ALICE, CHANNEL, "fp1:new:0", extra));

        JsonNode refused = harness.answer(badOption);
        assertThat(refused.path("content").asText()).contains("`voters:` is not an option of `/poll create`");
        // the forged id is answered once, as any form fieldpoll does not know, and creates nothing
        assertThat(harness.answerText(forged)).contains(ComponentListener.UNKNOWN);
        assertThat(harness.wiring.store().findById(1)).isEmpty();
    }
}
