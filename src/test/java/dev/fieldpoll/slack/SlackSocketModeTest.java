package dev.fieldpoll.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Socket Mode end to end: the app opens apps.connections.open with the app token, connects to the
 * WebSocket it is given, and handles a slash command delivered as an envelope: acked by envelope
 * id, then the poll is stored and posted.
 */
class SlackSocketModeTest {

    @TempDir
    Path folder;

    @Test
    void a_slash_command_envelope_is_acked_and_handled() throws Exception {
        try (SlackHarness harness = SlackHarness.socketMode(folder)) {
            // given the app connected with its app token
            FakeSlack.Call open = harness.slack.await("apps.connections.open");
            assertThat(open.authorization()).isEqualTo("Bearer " + SlackHarness.APP_TOKEN);

            // when Slack delivers /poll create over the socket
            ObjectNode envelope = new ObjectMapper().createObjectNode();
            envelope.put("envelope_id", "57d6a792-4d35-4d0b-b6aa-3361493e1caf");
            envelope.set(
                    "payload",
                    SlackRequests.slashCommandJson(
                            FakeSlack.TEAM,
                            "C0SOCKET",
                            "U0CAROL",
                            "create Socket priorities fields:\"Alpha; Beta; Gamma\" factors:\"Impact\"",
                            harness.slack.responseUrl("carol"),
                            "13345224609.1.socket"));
            envelope.put("type", "slash_commands");
            envelope.put("accepts_response_payload", true);
            harness.slack.sendEnvelope(envelope.toString());

            // then the envelope is acked by its id, and the poll is stored and posted in the channel
            String ack = harness.slack.awaitSocketMessage(
                    message -> message.contains("57d6a792-4d35-4d0b-b6aa-3361493e1caf"));
            JsonNode acked = FakeSlack.parse(ack);
            assertThat(acked.path("envelope_id").asText()).isEqualTo("57d6a792-4d35-4d0b-b6aa-3361493e1caf");
            FakeSlack.Call posted = harness.slack.await("chat.postMessage");
            assertThat(posted.param("channel")).isEqualTo("C0SOCKET");
            assertThat(posted.param("blocks")).contains("Socket priorities").contains("fp1:vote:1");
            List<Poll> polls =
                    harness.wiring.store().listInChannel(new Workspace(Platform.SLACK, FakeSlack.TEAM), "C0SOCKET");
            assertThat(polls).singleElement().satisfies(poll -> {
                assertThat(poll.title()).isEqualTo("Socket priorities");
                assertThat(poll.createdBy()).isEqualTo("U0CAROL");
                assertThat(poll.definition().fields()).hasSize(3);
            });
        }
    }
}
