package dev.fieldpoll.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * The tests' fake Slack for tools outside this package (the start-up benchmark in
 * fieldpoll-bench.jar): the Web API and Socket Mode on loopback, and the probes a start-up
 * measurement needs. Its methods may be called from any thread, as FakeSlack's may.
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
        ObjectNode envelope = new ObjectMapper().createObjectNode();
        envelope.put("envelope_id", envelopeId);
        envelope.set(
                "payload",
                SlackRequests.slashCommandJson(
                        FakeSlack.TEAM, "C0LOOP", "U0ALICE", "help", slack.responseUrl("alice"), "1.1.loop"));
        envelope.put("type", "slash_commands");
        envelope.put("accepts_response_payload", true);
        try {
            slack.sendEnvelope(envelope.toString());
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

    @Override
    public void close() {
        try {
            slack.close();
        } catch (IOException ignored) {
            // the fake goes away with the measurement
        }
    }
}
