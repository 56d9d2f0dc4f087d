package dev.fieldpoll.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code GET /healthz} (200 when the database answers and every platform is connected, else
 * 503; a small JSON body either way) and {@code GET /metrics} (Prometheus' text format). Neither says
 * anything about a poll or a member. Catches everything at its edge. Thread-safe: holds only the
 * thread-safe {@link Operations}.
 */
final class OpsRequestListener {

    static final String HEALTH_PATH = "/healthz";
    static final String METRICS_PATH = "/metrics";

    private static final Logger log = LoggerFactory.getLogger(OpsRequestListener.class);

    private final Operations operations;

    OpsRequestListener(Operations operations) {
        this.operations = operations;
    }

    void exchange(HttpExchange exchange) {
        try {
            String path = exchange.getRequestURI().getRawPath();
            if (!exchange.getRequestMethod().equals("GET")) {
                send(exchange, 405, "text/plain; charset=utf-8", "GET only.");
            } else if (path.equals(HEALTH_PATH)) {
                Operations.Health health = operations.health();
                send(exchange, health.ok() ? 200 : 503, "application/json; charset=utf-8", health.json());
            } else if (path.equals(METRICS_PATH)) {
                send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", operations.metrics());
            } else {
                send(exchange, 404, "text/plain; charset=utf-8", "Nothing here.");
            }
        } catch (IOException | RuntimeException failure) {
            log.error("Could not answer an operations request", failure);
            try {
                send(exchange, 500, "text/plain; charset=utf-8", "Something went wrong.");
            } catch (IOException | RuntimeException alreadySent) {
                log.debug("Could not send the error either", alreadySent);
            }
        } finally {
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
