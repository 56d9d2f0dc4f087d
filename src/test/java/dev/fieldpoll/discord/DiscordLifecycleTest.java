package dev.fieldpoll.discord;

import static dev.fieldpoll.discord.Payloads.ALICE;
import static dev.fieldpoll.discord.Payloads.CAROL;
import static dev.fieldpoll.discord.Payloads.CHANNEL;
import static dev.fieldpoll.discord.Payloads.MOD;
import static dev.fieldpoll.discord.Payloads.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /poll edit, delete (with its confirmation button), export and remind on Discord end to end: real
 * JDA against the fake Discord, the poll message redrawn or marked deleted, the file attached to
 * the admin's ephemeral answer, the reminder in the channel.
 */
class DiscordLifecycleTest {

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

    @Test
    void an_edit_by_the_creator_redraws_the_poll_message_and_a_stranger_is_refused() {
        String messageId = harness.pollWithAVote();

        String refused = harness.send(Payloads.slash(CAROL, "edit", options("poll", "1", "add", "Gamma")));
        assertThat(harness.answerText(refused)).contains("Only the member who started \"Plans\" or an admin");

        String edited = harness.send(Payloads.slash(
                ALICE, "edit", options("poll", "1", "add", "Gamma", "rename", "Alpha => Alef", "closes", "2d")));
        assertThat(harness.answerText(edited))
                .contains("Field Alpha renamed to Alef")
                .contains("Field Gamma added")
                .contains("Close time changed");
        FakeDiscord.Request redrawn = harness.await(request -> request.is("PATCH", CHANNEL_POSTS + "/" + messageId)
                && request.body().toString().contains("Gamma"));
        assertThat(redrawn.body().toString()).contains("Alef").doesNotContain("Alpha");
        assertThat(harness.wiring.store().ballot(1, CAROL.id()).answers()).hasSize(1);
    }

    @Test
    void delete_asks_with_a_button_and_the_poll_message_then_says_deleted() {
        String messageId = harness.pollWithAVote();

        String asked = harness.send(Payloads.slash(ALICE, "delete", options("poll", "1")));
        JsonNode confirmation = harness.answer(asked);
        Golden.assertMatches("confirm-delete", confirmation);
        ObjectNode shown = harness.originalMessage(asked);

        String pressed = harness.send(Payloads.button(ALICE, shown, "fp1:delete:1"));

        assertThat(harness.answerText(pressed)).contains("every answer in it are deleted");
        FakeDiscord.Request marked = harness.await(request -> request.is("PATCH", CHANNEL_POSTS + "/" + messageId)
                && request.body().toString().contains("was deleted"));
        Golden.assertMatches("poll-message-deleted", marked.body());
        assertThat(harness.wiring.store().findById(1)).isEmpty();
    }

    @Test
    void export_attaches_the_file_to_the_admins_private_answer_and_remind_posts_participation() {
        harness.pollWithAVote();

        String member = harness.send(Payloads.slash(ALICE, "export", options("poll", "1")));
        assertThat(harness.answerText(member)).contains("Only admins");

        String exported = harness.send(Payloads.slash(MOD, "export", options("poll", "1", "format", "json")));
        FakeDiscord.Request answer = harness.await(
                request -> request.is("PATCH", "/api/v10/webhooks/\\d+/" + exported + "/messages/@original")
                        || request.is("POST", "/api/v10/interactions/\\d+/" + exported + "/callback")
                                && !request.files().isEmpty());
        assertThat(answer.files()).hasSize(1);
        FakeDiscord.Upload file = answer.files().get(0);
        assertThat(file.fileName()).isEqualTo("poll-1-votes.json");
        assertThat(new String(file.data(), StandardCharsets.UTF_8))
                .contains("\"title\" : \"Plans\"")
                .doesNotContain(CAROL.id());

        String reminded = harness.send(Payloads.slash(MOD, "remind", options("poll", "1")));
        assertThat(harness.answerText(reminded)).contains("Posted the closing reminder of poll #1: 1 member has voted");
        FakeDiscord.Request reminder = harness.await(request ->
                request.is("POST", CHANNEL_POSTS) && request.body().toString().contains("Closing soon"));
        assertThat(reminder.body().toString())
                .contains("**1 member** has voted so far, not yet on every field and factor");
    }
}
