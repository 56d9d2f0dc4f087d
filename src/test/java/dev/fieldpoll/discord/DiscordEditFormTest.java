package dev.fieldpoll.discord;

import static dev.fieldpoll.discord.Payloads.ALICE;
import static dev.fieldpoll.discord.Payloads.CAROL;
import static dev.fieldpoll.discord.Payloads.CHANNEL;
import static dev.fieldpoll.discord.Payloads.MOD;
import static dev.fieldpoll.discord.Payloads.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.ResultsVisibility;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The poll message's Edit button on Discord end to end (real JDA against the fake Discord): the
 * creator gets the prefilled modal, its submission changes the poll like a typed /poll edit and the
 * poll message is redrawn; another member's press and a forged submission are refused with the typed
 * command's sentence.
 */
class DiscordEditFormTest {

    private static final String CHANNEL_POSTS = "/api/v10/channels/" + CHANNEL + "/messages";
    private static final String REFUSAL = "Only the member who started \"Plans\" or an admin can edit it.";

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

    /** Alice's poll #1 (fields Alpha, Beta on Impact) with Carol's vote on Alpha; its message as it stands. */
    private ObjectNode pollMessageWithAVote() {
        return harness.discord.message(harness.pollWithAVote());
    }

    @Test
    void the_creator_edits_through_the_prefilled_form_and_the_poll_message_is_redrawn() {
        ObjectNode message = pollMessageWithAVote();
        assertThat(message.toString()).contains("\"custom_id\":\"fp1:edit:1\"");

        String pressed = harness.send(Payloads.button(ALICE, message, "fp1:edit:1"));

        JsonNode callback = harness.callback(pressed).body();
        assertThat(callback.path("type").asInt())
                .as("a modal is the first response")
                .isEqualTo(9);
        Golden.assertMatches("edit-form", callback.path("data"));
        assertThat(callback.path("data").toString()).contains("\"value\":\"Plans\"");

        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("title", "Plans 2027");
        inputs.put("add", "Gamma\nDelta");
        inputs.put("remove", "Beta");
        inputs.put("rename", "Alpha => Alef");
        inputs.put("closes", "");
        String submitted = harness.send(Payloads.modalSubmit(ALICE, "fp1:edit:1", inputs));

        assertThat(harness.answerText(submitted))
                .contains("Field Alpha renamed to Alef")
                .contains("Field Gamma added")
                .contains("Field Beta removed")
                .contains("Title changed to \"Plans 2027\"");
        FakeDiscord.Request redrawn = harness.await(request ->
                request.is("PATCH", CHANNEL_POSTS + "/" + message.path("id").asText())
                        && request.body().toString().contains("Plans 2027"));
        assertThat(redrawn.body().toString()).contains("Alef").contains("Delta").doesNotContain("Beta");
        assertThat(harness.wiring.store().findById(1).orElseThrow().definition().fields().stream()
                        .map(Field::name))
                .containsExactly("Alef", "Gamma", "Delta");
        assertThat(harness.wiring.store().ballot(1, CAROL.id()).answers()).hasSize(1);
    }

    @Test
    void another_members_press_and_forged_submission_are_refused_and_nothing_changes() {
        ObjectNode message = pollMessageWithAVote();

        String pressed = harness.send(Payloads.button(CAROL, message, "fp1:edit:1"));
        assertThat(harness.callback(pressed).body().path("type").asInt()).isNotEqualTo(9);
        assertThat(harness.answerText(pressed)).contains(REFUSAL);

        String forged = harness.send(Payloads.modalSubmit(CAROL, "fp1:edit:1", Map.of("add", "Sneaky")));
        assertThat(harness.answerText(forged)).contains(REFUSAL);

        String typed = harness.send(Payloads.slash(CAROL, "edit", options("poll", "1", "add", "Sneaky")));
        assertThat(harness.answerText(typed)).contains(REFUSAL);
        assertThat(harness.wiring.store().findById(1).orElseThrow().definition().fields())
                .extracting(Field::name)
                .containsExactly("Alpha", "Beta");
    }

    @Test
    void an_admin_may_change_the_results_rule_and_a_bad_rename_is_explained_in_the_forms_answer() {
        ObjectNode message = pollMessageWithAVote();

        String pressed = harness.send(Payloads.button(MOD, message, "fp1:edit:1"));
        assertThat(harness.callback(pressed).body().path("type").asInt()).isEqualTo(9);

        String bad = harness.send(Payloads.modalSubmit(MOD, "fp1:edit:1", Map.of("title", "Plans", "rename", "Alpha")));
        assertThat(harness.answerText(bad)).contains("Write each rename as old => new");

        String unchanged = harness.send(Payloads.modalSubmit(MOD, "fp1:edit:1", Map.of("title", "Plans")));
        assertThat(harness.answerText(unchanged)).contains("already is that way, so nothing was changed");
        assertThat(harness.wiring.store().findById(1).orElseThrow().visibility())
                .isEqualTo(ResultsVisibility.AFTER_VOTE);
    }
}
