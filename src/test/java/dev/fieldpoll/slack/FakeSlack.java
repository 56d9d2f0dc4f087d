package dev.fieldpoll.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A local stand-in for Slack: the Web API methods fieldpoll calls (answered like Slack answers
 * them), response_url posts, file uploads (files.getUploadURLExternal hands out an upload URL on
 * this server, whose POST is recorded as "upload" with its bytes, then files.completeUploadExternal),
 * and a Socket Mode WebSocket that says hello, delivers envelopes and records the acks. Every call
 * is recorded, in order, with the bearer token it used, for tests to wait for and inspect; a method can
 * be made to fail once. For the app in many workspaces it plays Slack's OAuth side too: it hands out
 * authorization codes per workspace ({@link #authorizationCode}), exchanges them once in oauth.v2.access
 * for a bot token of that workspace's own (client id and secret checked), answers auth.test by token,
 * and refuses a workspace's tokens once it {@link #uninstall uninstalled} the app.
 */
final class FakeSlack implements AutoCloseable {

    static final String TEAM = "T0FIELD";
    static final String BOT_USER = "U0BOT";
    static final Duration WAIT = Duration.ofSeconds(15);
    static final String CLIENT_ID = "1234567890.0987654321";
    static final String CLIENT_SECRET = "fake-oauth-client-secret";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UPLOAD_PATH = "/upload/v1/";
    private static final String RATE_LIMITED = "ratelimited";

    /** One call as Slack received it: the method (or "response_url", "upload"), its parameters, its token, its bytes. */
    record Call(String method, Map<String, String> params, String rawBody, String authorization, byte[] bytes) {

        String param(String name) {
            return params.get(name);
        }

        JsonNode json(String name) {
            return parse(params.get(name));
        }

        JsonNode body() {
            return parse(rawBody);
        }

        /** The token of {@code Authorization: Bearer …}, or null. */
        String bearer() {
            return authorization != null && authorization.startsWith("Bearer ")
                    ? authorization.substring("Bearer ".length())
                    : null;
        }
    }

    private final MockWebServer server = new MockWebServer();
    private final List<Call> calls = new ArrayList<>();
    private final List<String> socketMessages = new ArrayList<>();
    private final Set<String> workspaceAdmins = ConcurrentHashMap.newKeySet();
    private final Set<String> channelsWithoutBot = ConcurrentHashMap.newKeySet();
    private final Set<String> deletedMessages = ConcurrentHashMap.newKeySet();
    /** users.conversations: the channels each member is in (none unless told). */
    private final Map<String, List<String>> memberships = new ConcurrentHashMap<>();

    private volatile boolean refuseTokens;
    private final AtomicInteger messages = new AtomicInteger();
    private final AtomicInteger files = new AtomicInteger();
    private final Map<String, Deque<String>> failures = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile WebSocket socket;
    /** Authorization codes not yet exchanged, and the workspace each installs. */
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    /** Bot tokens issued by oauth.v2.access, and their workspace. */
    private final Map<String, String> issued = new ConcurrentHashMap<>();

    private final Set<String> uninstalled = ConcurrentHashMap.newKeySet();
    private final AtomicInteger grants = new AtomicInteger();

    FakeSlack() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        server.start();
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getPort() + "/api/";
    }

    String responseUrl(String name) {
        return "http://127.0.0.1:" + server.getPort() + "/respond/" + name;
    }

    void makeWorkspaceAdmin(String userId) {
        workspaceAdmins.add(userId);
    }

    /** Every token is refused from now on, as Slack answers a revoked or mistyped one. */
    void refuseTokens() {
        refuseTokens = true;
    }

    void removeBotFrom(String channelId) {
        channelsWithoutBot.add(channelId);
    }

    /** Someone deleted the message with this ts: Slack answers every chat.update of it with message_not_found. */
    void deleteMessage(String ts) {
        deletedMessages.add(ts);
    }

    /** Slack's users.conversations says the member is in these channels. */
    void putMemberIn(String userId, String... channelIds) {
        memberships.put(userId, List.of(channelIds));
    }

    void inviteBotTo(String channelId) {
        channelsWithoutBot.remove(channelId);
    }

    /** The next call of the method is answered ok=false with this error (as Slack answers, HTTP 200). */
    void failNext(String method, String error) {
        failures.computeIfAbsent(method, name -> new ConcurrentLinkedDeque<>()).add(error);
    }

    /** The next call of the method is rate limited: HTTP 429 with Retry-After, as Slack answers. */
    void rateLimitNext(String method) {
        failNext(method, RATE_LIMITED);
    }

    // ---- OAuth ----

    /** The code Slack's authorize page would give a browser that installs the app in {@code team}. */
    String authorizationCode(String team) {
        String code = "code-" + team + "-" + grants.incrementAndGet();
        codes.put(code, team);
        return code;
    }

    /** The bot token oauth.v2.access issued for the workspace (the latest), or null. */
    String tokenOf(String team) {
        String token = null;
        for (Map.Entry<String, String> grant : issued.entrySet()) {
            if (grant.getValue().equals(team) && (token == null || tokenNumber(grant.getKey()) > tokenNumber(token))) {
                token = grant.getKey();
            }
        }
        return token;
    }

    private static int tokenNumber(String token) {
        return Integer.parseInt(token.substring(token.lastIndexOf('-') + 1));
    }

    /** The workspace removed the app: Slack refuses its tokens from now on (invalid_auth). */
    void uninstall(String team) {
        uninstalled.add(team);
    }

    static String botUserOf(String team) {
        return "U0BOT" + team;
    }

    // ---- what tests read ----

    synchronized List<Call> calls(String method) {
        return calls.stream().filter(call -> call.method().equals(method)).toList();
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Waits for a call of the method that matches; fails after {@link #WAIT}. */
    Call await(String method, Predicate<Call> matching) throws InterruptedException {
        return await(method, matching, WAIT);
    }

    /** Waits up to {@code wait} for a call of the method that matches. */
    Call await(String method, Predicate<Call> matching, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (this) {
            while (true) {
                for (Call call : calls) {
                    if (call.method().equals(method) && matching.test(call)) {
                        return call;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(
                            "No " + method + " call matching within " + wait.toSeconds() + " s. Calls: " + calls);
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    Call await(String method) throws InterruptedException {
        return await(method, call -> true);
    }

    /** Waits for the next response_url post to this name. */
    Call awaitResponse(String name) throws InterruptedException {
        return await("response_url", call -> call.param("path").equals("/respond/" + name));
    }

    /** The app acked a request with a message for the member (the ack of a /poll command carries its answer). */
    void recordAck(String responseUrlPath, String body) {
        record(new Call("ack", Map.of("path", responseUrlPath), body, null, body.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * What the member was shown in answer to the request whose response_url is named {@code name}:
     * the message its ack carried, or a post to that response_url (a button's answer, or one that
     * followed a "still working" ack).
     */
    Call awaitAnswer(String name) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (this) {
            while (true) {
                for (Call call : calls) {
                    if ((call.method().equals("ack") || call.method().equals("response_url"))
                            && call.param("path").equals("/respond/" + name)
                            && !call.rawBody().contains(SlackHandlers.STILL_WORKING)) {
                        return call;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(
                            "No answer to " + name + " within " + WAIT.toSeconds() + " s. Calls: " + calls);
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    // ---- Socket Mode ----

    /** Sends an envelope over the Socket Mode connection, once the app has connected. */
    void sendEnvelope(String envelope) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (this) {
            while (socket == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("The app never opened its Socket Mode connection. Calls: " + calls);
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
        socket.send(envelope);
    }

    /** Waits for a message the app sent over the socket (an ack) that matches. */
    String awaitSocketMessage(Predicate<String> matching) throws InterruptedException {
        return awaitSocketMessage(matching, WAIT);
    }

    /** Waits up to {@code wait} for a message the app sent over the socket that matches. */
    String awaitSocketMessage(Predicate<String> matching, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (this) {
            while (true) {
                for (String message : socketMessages) {
                    if (matching.test(message)) {
                        return message;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("No matching Socket Mode message within " + wait.toSeconds()
                            + " s. Received: " + socketMessages);
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    // ---- the fake itself ----

    private MockResponse answer(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.startsWith("/link")) {
            return new MockResponse.Builder()
                    .webSocketUpgrade(new SocketModeServer())
                    .build();
        }
        byte[] bytes =
                request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
        String body = new String(bytes, StandardCharsets.UTF_8);
        String authorization = request.getHeaders().get("Authorization");
        if (path.startsWith("/respond/")) {
            record(new Call("response_url", Map.of("path", path), body, authorization, bytes));
            return new MockResponse.Builder().code(200).body("ok").build();
        }
        if (path.startsWith(UPLOAD_PATH)) { // Slack answers the upload POST with plain text
            record(new Call(
                    "upload", Map.of("file_id", path.substring(UPLOAD_PATH.length())), "", authorization, bytes));
            return new MockResponse.Builder()
                    .code(200)
                    .body("OK - " + bytes.length)
                    .build();
        }
        if (!path.startsWith("/api/")) {
            return new MockResponse.Builder().code(404).body("not found").build();
        }
        String method = path.substring("/api/".length());
        Map<String, String> params = form(body);
        record(new Call(method, params, body, authorization, bytes));
        String failure = nextFailure(method);
        if (RATE_LIMITED.equals(failure)) {
            return new MockResponse.Builder()
                    .code(429)
                    .setHeader("Retry-After", "1")
                    .setHeader("Content-Type", "application/json; charset=utf-8")
                    .body("{\"ok\":false,\"error\":\"ratelimited\"}")
                    .build();
        }
        if (failure != null) {
            return json("{\"ok\":false,\"error\":\"" + failure + "\"}");
        }
        return json(reply(method, params, authorization));
    }

    private String nextFailure(String method) {
        Deque<String> queued = failures.get(method);
        return queued == null ? null : queued.poll();
    }

    private String reply(String method, Map<String, String> params, String authorization) {
        if (refuseTokens) {
            return "{\"ok\":false,\"error\":\"invalid_auth\"}";
        }
        if (method.equals("oauth.v2.access")) {
            return exchange(params, authorization);
        }
        String bearer = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring("Bearer ".length())
                : null;
        String team = bearer == null ? null : issued.get(bearer);
        if (team != null && uninstalled.contains(team)) {
            return "{\"ok\":false,\"error\":\"invalid_auth\"}";
        }
        if (team != null && method.equals("auth.test")) {
            return "{\"ok\":true,\"url\":\"https://" + team.toLowerCase() + ".slack.com/\",\"team\":\"Team " + team
                    + "\",\"user\":\"fieldpoll\",\"team_id\":\"" + team + "\",\"user_id\":\"" + botUserOf(team)
                    + "\",\"bot_id\":\"B0" + team + "\",\"is_enterprise_install\":false}";
        }
        switch (method) {
            case "auth.test":
                return "{\"ok\":true,\"url\":\"https://fieldpoll-test.slack.com/\",\"team\":\"Fieldpoll Test\","
                        + "\"user\":\"fieldpoll\",\"team_id\":\"" + TEAM + "\",\"user_id\":\"" + BOT_USER
                        + "\",\"bot_id\":\"B0BOT\",\"is_enterprise_install\":false}";
            case "apps.connections.open":
                return "{\"ok\":true,\"url\":\"ws://127.0.0.1:" + server.getPort() + "/link/?ticket=t"
                        + connections.incrementAndGet() + "&app_id=A0FIELD\"}";
            case "chat.postMessage": {
                String channel = params.get("channel");
                if (channelsWithoutBot.contains(channel)) {
                    return "{\"ok\":false,\"error\":\"not_in_channel\"}";
                }
                String ts = String.format("1764237600.%06d", messages.incrementAndGet());
                return "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + ts + "\",\"message\":{\"type\":"
                        + "\"message\",\"user\":\"" + BOT_USER + "\",\"ts\":\"" + ts + "\",\"text\":\"\"}}";
            }
            case "chat.update":
                if (deletedMessages.contains(params.get("ts"))) {
                    return "{\"ok\":false,\"error\":\"message_not_found\"}";
                }
                return "{\"ok\":true,\"channel\":\"" + params.get("channel") + "\",\"ts\":\"" + params.get("ts")
                        + "\",\"text\":\"\"}";
            case "chat.getPermalink":
                return "{\"ok\":true,\"channel\":\"" + params.get("channel")
                        + "\",\"permalink\":\"https://fieldpoll-test.slack.com/archives/" + params.get("channel") + "/p"
                        + params.get("message_ts").replace(".", "") + "\"}";
            case "chat.postEphemeral":
                return "{\"ok\":true,\"message_ts\":\"1764237700.000001\"}";
            case "users.conversations":
                return "{\"ok\":true,\"channels\":["
                        + String.join(
                                ",",
                                memberships.getOrDefault(params.get("user"), List.of()).stream()
                                        .map(channel -> "{\"id\":\"" + channel + "\",\"name\":\"" + channel + "\"}")
                                        .toList())
                        + "],\"response_metadata\":{\"next_cursor\":\"\"}}";
            case "views.publish":
            case "views.open":
            case "views.update":
                return "{\"ok\":true,\"view\":{\"id\":\"V0BALLOT\",\"team_id\":\"" + TEAM + "\",\"type\":\"modal\"}}";
            case "files.getUploadURLExternal": {
                String fileId = "F0CHART" + files.incrementAndGet();
                return "{\"ok\":true,\"upload_url\":\"http://127.0.0.1:" + server.getPort() + UPLOAD_PATH + fileId
                        + "\",\"file_id\":\"" + fileId + "\"}";
            }
            case "conversations.open":
                return "{\"ok\":true,\"channel\":{\"id\":\"D" + params.get("users") + "\"}}";
            case "files.completeUploadExternal":
                return completeUpload(params);
            case "users.info": {
                String user = params.get("user");
                boolean admin = workspaceAdmins.contains(user);
                return "{\"ok\":true,\"user\":{\"id\":\"" + user + "\",\"team_id\":\"" + TEAM + "\",\"name\":\"" + user
                        + "\",\"is_admin\":" + admin + ",\"is_owner\":false,\"is_primary_owner\":false,"
                        + "\"is_bot\":false}}";
            }
            default:
                return "{\"ok\":false,\"error\":\"unknown_method\"}";
        }
    }

    /**
     * oauth.v2.access: the app's client id and secret as HTTP Basic (or form fields), a code handed out
     * and not yet used; a new bot token for the code's workspace.
     */
    private String exchange(Map<String, String> params, String authorization) {
        String expected = "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        boolean client = expected.equals(authorization)
                || (CLIENT_ID.equals(params.get("client_id")) && CLIENT_SECRET.equals(params.get("client_secret")));
        if (!client) {
            return "{\"ok\":false,\"error\":\"invalid_client_id\"}";
        }
        String team = params.get("code") == null ? null : codes.remove(params.get("code"));
        if (team == null) {
            return "{\"ok\":false,\"error\":\"invalid_code\"}";
        }
        uninstalled.remove(team);
        String token = "xoxb-" + team + "-" + String.format("%012d", grants.incrementAndGet()); // as long as real ones
        issued.put(token, team);
        return "{\"ok\":true,\"app_id\":\"A0FIELD\",\"authed_user\":{\"id\":\"U0ADMIN" + team + "\"},"
                + "\"scope\":\"commands,chat:write,users:read,files:write,channels:read,groups:read\",\"token_type\":\"bot\","
                + "\"access_token\":\"" + token + "\",\"bot_user_id\":\"" + botUserOf(team) + "\","
                + "\"team\":{\"id\":\"" + team + "\",\"name\":\"Team " + team + "\"},"
                + "\"enterprise\":null,\"is_enterprise_install\":false}";
    }

    /** Slack's answer lists each completed file with its id and title. */
    private static String completeUpload(Map<String, String> params) {
        StringBuilder completed = new StringBuilder();
        for (JsonNode file : parse(params.getOrDefault("files", "[]"))) {
            completed
                    .append(completed.length() == 0 ? "" : ",")
                    .append(JSON.createObjectNode()
                            .put("id", file.path("id").asText())
                            .put("title", file.path("title").asText())
                            .put("mimetype", "image/png")
                            .put("filetype", "png"));
        }
        return "{\"ok\":true,\"files\":[" + completed + "]}";
    }

    private synchronized void record(Call call) {
        calls.add(call);
        notifyAll();
    }

    private synchronized void socketMessage(String message) {
        socketMessages.add(message);
        notifyAll();
    }

    private synchronized void socketOpened(WebSocket opened) {
        socket = opened;
        notifyAll();
    }

    private final class SocketModeServer extends WebSocketListener {
        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            webSocket.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake-slack\","
                    + "\"approximate_connection_time\":18060},\"connection_info\":{\"app_id\":\"A0FIELD\"}}");
            socketOpened(webSocket);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            socketMessage(text);
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
        }
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json; charset=utf-8")
                .body(body)
                .build();
    }

    static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body.isEmpty() || body.startsWith("{")) {
            return params;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            params.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException wrong) {
            throw new UncheckedIOException(wrong);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
