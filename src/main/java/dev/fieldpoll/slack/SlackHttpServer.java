package dev.fieldpoll.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP mode: Slack posts commands and interactions to {@code POST /slack/events}. Each request
 * passes {@link SignedRequests} first (wrong signature, a timestamp more than five minutes away,
 * or a replay → 401), is then parsed by Bolt (unreadable → 400) and run through the Bolt app,
 * whose middleware verifies the signature again before any handler sees it. A handler's ack that
 * comes after its work ({@link LaterResponse}) is sent when that work is done: the exchange stays
 * open meanwhile, and no thread waits for it. For the app in many workspaces it also serves the
 * install pages, {@code GET /slack/install} and {@code GET /slack/oauth_redirect}: browsers come there
 * unsigned, so Bolt's OAuth flow checks them (the state in the database and the cookie) instead.
 * Thread-safe: the JDK server runs each exchange on one thread at a time and the rest is set once.
 */
final class SlackHttpServer {

    static final String PATH = "/slack/events";
    /** Slack's payloads are far smaller; anything larger is not from Slack. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private static final Logger log = LoggerFactory.getLogger(SlackHttpServer.class);

    private final App app;
    private final SlackRequestParser parser;
    private final SignedRequests signatures;
    private final HttpServer server;

    SlackHttpServer(App app, int port, ExecutorService executor, SignedRequests signatures, boolean installPages)
            throws IOException {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.signatures = signatures;
        this.server = HttpServer.create(new InetSocketAddress(port), 64);
        server.createContext(PATH, this::exchange);
        if (installPages) {
            server.createContext(SlackSettings.OAuth.INSTALL_PATH, this::installExchange);
            server.createContext(SlackSettings.OAuth.REDIRECT_PATH, this::installExchange);
        }
        server.setExecutor(executor);
    }

    void start() {
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        server.stop(1);
    }

    private void exchange(HttpExchange exchange) throws IOException {
        boolean answerLater = false;
        try {
            Request<?> request = verified(exchange);
            if (request == null) {
                return;
            }
            Response response = app.run(request);
            if (response instanceof LaterResponse later) {
                // Acked when the work is done: the exchange stays open, and no thread waits for it.
                answerLater = true;
                later.response().whenComplete((ack, bug) -> answerAndClose(exchange, ack, bug));
                return;
            }
            answer(exchange, response);
        } catch (Exception failure) {
            log.error("Could not answer a Slack request", failure);
            sendError(exchange);
        } finally {
            if (!answerLater) {
                exchange.close();
            }
        }
    }

    /** An install page: Bolt redirects to Slack's authorize page, or finishes the install and shows a page. */
    private void installExchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equalsIgnoreCase(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain; charset=utf-8", "Open this page in a browser.");
                return;
            }
            Request<?> request = parseInstall(exchange);
            if (request == null) {
                send(exchange, 404, "text/plain; charset=utf-8", "Not found.");
                return;
            }
            answer(exchange, app.run(request));
        } catch (Exception failure) {
            log.error("Could not answer an install page", failure);
            sendError(exchange);
        }
    }

    /** The page request as Bolt reads it: the path, the query, the headers lower-cased (its cookie lookup wants that). */
    private Request<?> parseInstall(HttpExchange exchange) {
        Map<String, List<String>> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        try {
            Map<String, List<String>> query =
                    QueryStringParser.toMap(exchange.getRequestURI().getRawQuery());
            return parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(exchange.getRequestURI().getPath())
                    .queryString(query == null ? Map.of() : query)
                    .requestBody("")
                    .headers(new RequestHeaders(headers))
                    .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
                    .build());
        } catch (RuntimeException unreadable) {
            log.info("An install page request could not be read", unreadable);
            return null;
        }
    }

    /** The request, once signed, parsed and not refused; null when it was answered already (401, 400, …). */
    private Request<?> verified(HttpExchange exchange) throws IOException {
        if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
            send(exchange, 405, "text/plain; charset=utf-8", "Slack posts here.");
            return null;
        }
        byte[] body = read(exchange.getRequestBody());
        if (body == null) {
            send(exchange, 413, "text/plain; charset=utf-8", "Too large.");
            return null;
        }
        SignedRequests.Verdict verdict = signatures.check(
                exchange.getRequestHeaders().getFirst("X-Slack-Request-Timestamp"),
                exchange.getRequestHeaders().getFirst("X-Slack-Signature"),
                body);
        if (verdict != SignedRequests.Verdict.ACCEPTED) {
            log.info("Refused a Slack request from {}: {}", exchange.getRemoteAddress(), verdict);
            send(exchange, 401, "text/plain; charset=utf-8", "Not signed by Slack, or not now.");
            return null;
        }
        Map<String, List<String>> headers = new HashMap<>(exchange.getRequestHeaders());
        Request<?> request = parse(exchange, body, headers);
        if (request == null) {
            send(exchange, 400, "text/plain; charset=utf-8", "Not a Slack request I know.");
        }
        return request;
    }

    private void answerAndClose(HttpExchange exchange, Response response, Throwable bug) {
        try {
            if (bug != null || response == null) {
                log.error("Could not answer a Slack request", bug);
                sendError(exchange);
            } else {
                answer(exchange, response);
            }
        } catch (IOException | RuntimeException failure) {
            log.warn("Could not send an ack to Slack", failure);
        } finally {
            exchange.close();
        }
    }

    private static void answer(HttpExchange exchange, Response response) throws IOException {
        Map<String, List<String>> extra = response.getHeaders();
        if (extra != null) {
            extra.forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
        }
        send(
                exchange,
                response.getStatusCode() == null ? 200 : response.getStatusCode(),
                response.getContentType() == null ? "text/plain; charset=utf-8" : response.getContentType(),
                response.getBody() == null ? "" : response.getBody());
    }

    private static void sendError(HttpExchange exchange) {
        try {
            send(exchange, 500, "text/plain; charset=utf-8", "Something went wrong.");
        } catch (IOException | RuntimeException alreadySent) {
            log.debug("Could not send the error response either", alreadySent);
        }
    }

    /** Bolt's reading of a signed request; a payload it cannot read is the sender's mistake (400), not ours. */
    private Request<?> parse(HttpExchange exchange, byte[] body, Map<String, List<String>> headers) {
        try {
            return parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(exchange.getRequestURI().getPath())
                    .queryString(Map.of())
                    .requestBody(new String(body, StandardCharsets.UTF_8))
                    .headers(new RequestHeaders(headers))
                    .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
                    .build());
        } catch (RuntimeException unreadable) {
            log.info("A signed Slack request could not be read", unreadable);
            return null;
        }
    }

    private static byte[] read(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
