package dev.fieldpoll.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.UUID;

/**
 * The tests' fake Slack for tools and tests outside this package (the start-up benchmark in
 * fieldpoll-bench.jar, the 128 MB run of the bot): the Web API and Socket Mode on loopback, the
 * probes a start-up measurement needs, and members' /poll commands with their answers. Its methods may be called from any thread, as FakeSlack's may.
 */
public final class LoopbackSlack implements AutoCloseable {

    public static final String BOT_TOKEN = SlackHarness.BOT_TOKEN;
    public static final String APP_TOKEN = SlackHarness.APP_TOKEN;

    private final FakeSlack slack;
    private final String envelopeId = UUID.randomUUID().toString();

    public LoopbackSlack() {
        try {
            slack = new FakeSlack();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    public String apiUrl() {
        return slack.apiUrl();
    }

    /**
     * Waits for the app's Socket Mode connection (up to FakeSlack's wait), then sends /poll help
     * over it. False when the app never connected.
     */
    public boolean awaitConnectedAndSendHelp() {
        try {
            send(envelopeId, "C0LOOP", "U0ALICE", "help");
            return true;
        } catch (AssertionError notConnected) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits for the app to acknowledge the /poll help sent (up to FakeSlack's wait). */
    public boolean awaitHelpAcknowledged() {
        try {
            slack.awaitSocketMessage(message -> message.contains(envelopeId));
            return true;
        } catch (AssertionError notAcknowledged) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * A member types {@code /poll TEXT} in the channel: one slash-command envelope over Socket Mode,
     * whose response_url is named after it. Returns its envelope id, which {@link #awaitAnswer} takes.
     */
    public String command(String channel, String member, String text) throws InterruptedException {
        String id = UUID.randomUUID().toString();
        send(id, channel, member, text);
        return id;
    }

    /** Sends the envelope of a slash command once the app has connected; its response_url is named {@code id}. */
    private void send(String id, String channel, String member, String text) throws InterruptedException {
        ObjectNode envelope = new ObjectMapper().createObjectNode();
        envelope.put("envelope_id", id);
        envelope.set(
                "payload",
                SlackRequests.slashCommandJson(
                        FakeSlack.TEAM, channel, member, text, slack.responseUrl(id), "1." + id + ".loop"));
        envelope.put("type", "slash_commands");
        envelope.put("accepts_response_payload", true);
        slack.sendEnvelope(envelope.toString());
    }

    /**
     * The message the member was shown for the command {@code id} (JSON: its text and blocks): the
     * ack's payload, or, after a "still working" ack, what was posted to its response_url. Fails
     * when either does not come within {@code timeout}.
     */
    public String awaitAnswer(String id, Duration timeout) throws InterruptedException {
        JsonNode ack = FakeSlack.parse(slack.awaitSocketMessage(message -> message.contains(id), timeout));
        if (!ack.path("payload").path("text").asText("").contains(SlackHandlers.STILL_WORKING)) {
            return ack.path("payload").toString();
        }
        return slack.await("response_url", call -> call.param("path").equals("/respond/" + id), timeout)
                .rawBody();
    }

    @Override
    public void close() {
        try {
            slack.close();
        } catch (IOException ignored) {
            // the fake goes away with the measurement
        }
    }
}
