package dev.fieldpoll.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.request.SocketModeRequest;
import com.slack.api.bolt.socket_mode.request.SocketModeRequestParser;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.socket_mode.response.AckResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Socket Mode: envelopes from Slack's WebSocket run through the Bolt app and are acked over the
 * socket when their handler's work is done. Bolt's own runner acks as the handler returns, which
 * would hold a thread while a vote's commit waits; this one acks from whichever thread finishes the
 * work, as Bolt's runner shapes acks. The SDK's client keeps the connection (and reconnects).
 * Thread-safe: the client is set once at start; the SDK's client sends thread-safely.
 */
final class SocketModeEnvelopes implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SocketModeEnvelopes.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final App app;
    private final SocketModeRequestParser parser;
    private volatile SocketModeClient client;

    SocketModeEnvelopes(App app) {
        this.app = app;
        this.parser = new SocketModeRequestParser(app.config());
    }

    /** Opens the connection with the app token; Slack then delivers envelopes until {@link #close()}. */
    void start(String appToken) throws IOException {
        SocketModeClient connected = app.slack().socketMode(appToken, SocketModeClient.Backend.JavaWebSocket);
        connected.addWebSocketMessageListener(this::onMessage);
        client = connected;
        connected.connect();
        connected.setAutoReconnectEnabled(true);
    }

    private void onMessage(String message) {
        SocketModeRequest request;
        try {
            request = parser.parse(message);
        } catch (RuntimeException unreadable) {
            log.info("A Socket Mode message could not be read", unreadable);
            return;
        }
        if (request == null) {
            return; // hello, disconnect warnings: nothing to answer
        }
        try {
            Response response = app.run(request.getBoltRequest());
            if (response instanceof LaterResponse later) {
                later.response().whenComplete((ack, bug) -> ack(request, ack, bug));
            } else {
                ack(request, response, null);
            }
        } catch (Exception failure) {
            log.error("Could not handle a Socket Mode envelope", failure);
        }
    }

    private void ack(SocketModeRequest request, Response response, Throwable bug) {
        if (bug != null || response == null) {
            log.error("Could not answer a Socket Mode envelope", bug);
            return;
        }
        String envelopeId = request.getEnvelope().getEnvelopeId();
        try {
            if (response.getBody() == null) {
                client.sendSocketModeResponse(new AckResponse(envelopeId));
            } else {
                client.sendSocketModeResponse(withPayload(envelopeId, response));
            }
        } catch (RuntimeException | JsonProcessingException failure) {
            log.warn("Could not ack Socket Mode envelope {}", envelopeId, failure);
        }
    }

    /** A JSON body is the ack's payload; any other text goes as {"text": …}, as Bolt's runner sends it. */
    private static String withPayload(String envelopeId, Response response) throws JsonProcessingException {
        ObjectNode ack = JSON.createObjectNode().put("envelope_id", envelopeId);
        String contentType = response.getContentType();
        if (contentType != null && contentType.startsWith("application/json")) {
            ack.set("payload", JSON.readTree(response.getBody()));
        } else {
            ack.putObject("payload").put("text", response.getBody());
        }
        return JSON.writeValueAsString(ack);
    }

    @Override
    public void close() throws IOException {
        SocketModeClient connected = client;
        if (connected != null) {
            connected.setAutoReconnectEnabled(false);
            connected.disconnect();
            connected.close();
        }
    }
}
