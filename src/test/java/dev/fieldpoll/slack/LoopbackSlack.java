package dev.fieldpoll.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * The tests' fake Slack for tools and tests outside this package (the start-up benchmark in
 * fieldpoll-bench.jar, the 128 MB run of the bot): the Web API and Socket Mode on loopback, the
 * probes a start-up measurement needs, and members' /poll commands with their answers: over Socket
 * Mode, or as signed HTTP requests to whichever process a test names (several processes behind one
 * app). Its methods may be called from any thread, as FakeSlack's may.
 */
public final class LoopbackSlack implements AutoCloseable {

    public static final String BOT_TOKEN = SlackHarness.BOT_TOKEN;
    public static final String APP_TOKEN = SlackHarness.APP_TOKEN;
    /** What the app in HTTP mode checks each request's signature with (SLACK_SIGNING_SECRET). */
    public static final String SIGNING_SECRET = SlackRequests.SECRET;

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

    /**
     * A member types {@code /poll TEXT} in the channel, and Slack sends it, signed, to the process
     * listening on {@code port}. Returns the answer the member was shown, as JSON (its text and
     * blocks): the ack's, or the one posted to the response_url after a "still working" ack; empty
     * when the ack carried none (a poll created: its message in the channel is the answer).
     */
    public String commandOverHttp(int port, String channel, String member, String text)
            throws IOException, InterruptedException {
        String name = UUID.randomUUID().toString();
        SlackRequests requests = new SlackRequests(port, slack::recordAck);
        HttpResponse<String> response = requests.send(SlackRequests.slashCommand(
                FakeSlack.TEAM, channel, member, text, slack.responseUrl(name), requests.trigger()));
        if (response.statusCode() != 200) {
            throw new AssertionError("the process on port " + port + " answered " + response.statusCode());
        }
        if (response.body().isEmpty()) {
            return "";
        }
        return slack.awaitAnswer(name).body().toString();
    }

    /** A member creates a poll through the process on {@code port}; returns once its message is posted. */
    public void createPollOverHttp(int port, String channel, String member, String title)
            throws IOException, InterruptedException {
        long before = postedIn(channel);
        String answer = commandOverHttp(port, channel, member, "create " + title);
        if (!answer.isEmpty() || postedIn(channel) != before + 1) {
            throw new AssertionError(
                    "/poll create " + title + " was answered '" + answer + "', not with its poll message");
        }
    }

    /** How many messages the bot posted in the channel itself (chat.postMessage), such as summaries. */
    public long postedIn(String channel) {
        return slack.calls("chat.postMessage").stream()
                .filter(call -> channel.equals(call.param("channel")))
                .count();
    }

    /** The bot's posts in the channel as Slack received them (text and blocks), in order. */
    public java.util.List<String> postsIn(String channel) {
        return slack.calls("chat.postMessage").stream()
                .filter(call -> channel.equals(call.param("channel")))
                .map(FakeSlack.Call::rawBody)
                .toList();
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
