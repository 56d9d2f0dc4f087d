package dev.fieldpoll.slack;

import com.slack.api.bolt.response.Response;
import java.util.concurrent.CompletionStage;

/**
 * What a handler gives Bolt when its ack is not ready yet: Bolt's handler API wants a response at
 * once, so this stands in for it, and the transport (HTTP or Socket Mode) sends the real one when
 * the stage completes. No thread waits meanwhile.
 */
final class LaterResponse extends Response {

    private final CompletionStage<Response> response;

    LaterResponse(CompletionStage<Response> response) {
        this.response = response;
        setStatusCode(200);
    }

    CompletionStage<Response> response() {
        return response;
    }

    /** The stand-in compares as itself: it is one request's ack to come. */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
