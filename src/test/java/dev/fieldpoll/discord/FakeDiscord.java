package dev.fieldpoll.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.Buffer;

/**
 * A small Discord on loopback, enough for real JDA: the REST API the bot calls (self user, command
 * registration, interaction callbacks, webhook edits and follow-ups, channel messages) and the
 * gateway WebSocket (HELLO, IDENTIFY, READY, GUILD_CREATE, heartbeats, dispatches), sharded when
 * the bot asks: {@code /gateway/bot} recommends {@link #withRecommendedShards} shards, each shard's
 * IDENTIFY gets the guilds of that shard only, and each interaction goes to the socket of the shard
 * that owns its guild, as Discord does. Payloads are
 * shaped as the Discord API documents them. Every REST request is recorded for assertions (a
 * message with files as its payload_json and file parts), every message the bot posts or edits is
 * kept, so tests can click its components, and a test can make the next matching request fail once.
 */
final class FakeDiscord implements AutoCloseable {

    static final String APPLICATION_ID = "900000000000000001";
    static final String BOT_ID = APPLICATION_ID;
    static final String TOKEN = "fake-bot-token";
    static final String TIMESTAMP = "2026-11-27T10:00:00.000000+00:00";
    static final int EPHEMERAL = 64;

    private static final Pattern CALLBACK = Pattern.compile("/api/v10/interactions/(\\d+)/([^/]+)/callback");
    private static final Pattern ORIGINAL = Pattern.compile("/api/v10/webhooks/\\d+/([^/]+)/messages/@original");
    private static final Pattern FOLLOW_UP = Pattern.compile("/api/v10/webhooks/\\d+/([^/]+)");
    private static final Pattern CHANNEL_MESSAGES = Pattern.compile("/api/v10/channels/(\\d+)/messages");
    private static final Pattern CHANNEL_MESSAGE = Pattern.compile("/api/v10/channels/(\\d+)/messages/(\\d+)");
    private static final Pattern COMMANDS = Pattern.compile("/api/v10/applications/\\d+(/guilds/(\\d+))?/commands");

    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One REST request the bot made. For a multipart request (a message with files) {@code body} is
     * its payload_json part and {@code files} are the file parts.
     */
    record Request(String method, String path, String query, JsonNode body, List<Upload> files, long receivedNanos) {
        Request {
            files = List.copyOf(files);
        }

        Request(String method, String path, String query, JsonNode body, List<Upload> files) {
            this(method, path, query, body, files, System.nanoTime());
        }

        boolean is(String wantedMethod, String pathPattern) {
            return method.equals(wantedMethod) && path.matches(pathPattern);
        }

        String text() {
            return body == null ? "" : body.toString();
        }
    }

    /** A file part of a multipart request: its form field (files[0]…), file name, type and bytes. */
    record Upload(String field, String fileName, String contentType, byte[] data) {}

    /** An answer the fake gives once, instead of the usual one, to the next request that matches. */
    private record Failure(Predicate<Request> which, MockResponse response) {}

    private final MockWebServer server = new MockWebServer();
    private final List<Request> requests = new ArrayList<>();
    private final List<ObjectNode> guilds = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private final Map<String, ObjectNode> messages = new ConcurrentHashMap<>();
    /** Interaction token → the id of the message its @original is (deferred reply, or the message clicked). */
    private final Map<String, String> originals = new ConcurrentHashMap<>();

    private final Map<String, String> channelsOfTokens = new ConcurrentHashMap<>();
    /** Interaction token → its callback and, after a deferral, the edit or follow-up that answered it. */
    private final Map<String, List<Request>> byToken = new ConcurrentHashMap<>();

    private final AtomicLong ids = new AtomicLong(500_000_000_000_000_000L);
    private final AtomicLong sequence = new AtomicLong();
    /** Shard id → the socket that identified as it; unsharded, the one socket is shard 0. */
    private final Map<Integer, WebSocket> gateways = new ConcurrentHashMap<>();
    /** Every IDENTIFY received, in order. */
    private final List<String> identifies = new java.util.concurrent.CopyOnWriteArrayList<>();

    private volatile int shardTotal = 1;
    private volatile int recommendedShards = 1;

    FakeDiscord() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return handle(request);
            }
        });
    }

    FakeDiscord withGuild(ObjectNode guildCreate) {
        guilds.add(guildCreate);
        return this;
    }

    FakeDiscord start() {
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return this;
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getPort() + "/api/v10/";
    }

    /** What {@code /gateway/bot} recommends: Discord's answer to a bot whose shard total is auto. */
    FakeDiscord withRecommendedShards(int shards) {
        recommendedShards = shards;
        return this;
    }

    String gatewayUrl() {
        return "ws://127.0.0.1:" + server.getPort() + "/gateway";
    }

    // ---- REST ----

    private MockResponse handle(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.startsWith("/gateway")) {
            return new MockResponse.Builder().webSocketUpgrade(new Gateway()).build();
        }
        Request recorded = record(request, path);
        try {
            // Interaction callbacks and webhooks are authorized by their token; everything else by the bot token.
            boolean byInteractionToken =
                    path.startsWith("/api/v10/interactions/") || path.startsWith("/api/v10/webhooks/");
            if (!byInteractionToken
                    && !("Bot " + TOKEN).equals(request.getHeaders().get("Authorization"))) {
                return json(401, error(0, "401: Unauthorized"));
            }
            return respond(recorded);
        } finally {
            tokenOf(path)
                    .ifPresent(token -> byToken.computeIfAbsent(
                                    token, unused -> new java.util.concurrent.CopyOnWriteArrayList<>())
                            .add(recorded));
            synchronized (requests) {
                requests.add(recorded);
                requests.notifyAll();
            }
        }
    }

    private static Optional<String> tokenOf(String path) {
        Matcher matcher = CALLBACK.matcher(path);
        if (matcher.matches()) {
            return Optional.of(matcher.group(2));
        }
        matcher = ORIGINAL.matcher(path);
        if (matcher.matches()) {
            return Optional.of(matcher.group(1));
        }
        matcher = FOLLOW_UP.matcher(path);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Reads the request's JSON body, or the payload_json and file parts of a multipart one. */
    private static Request record(RecordedRequest request, String path) {
        String contentType = request.getHeaders().get("Content-Type");
        MediaType type = contentType == null ? null : MediaType.parse(contentType);
        if (type != null && type.type().equals("multipart")) {
            return multipart(request, path, type.parameter("boundary"));
        }
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        return new Request(
                request.getMethod(),
                path,
                request.getUrl().encodedQuery(),
                body.isEmpty() ? null : parse(body),
                List.of());
    }

    private static Request multipart(RecordedRequest request, String path, String boundary) {
        JsonNode payload = null;
        List<Upload> files = new ArrayList<>();
        try (MultipartReader reader = new MultipartReader(new Buffer().write(request.getBody()), boundary)) {
            for (MultipartReader.Part part = reader.nextPart(); part != null; part = reader.nextPart()) {
                String disposition = part.headers().get("Content-Disposition");
                String name = dispositionValue(disposition, "name");
                byte[] data = part.body().readByteArray();
                if ("payload_json".equals(name)) {
                    payload = parse(new String(data, StandardCharsets.UTF_8));
                } else {
                    files.add(new Upload(
                            name,
                            dispositionValue(disposition, "filename"),
                            part.headers().get("Content-Type"),
                            data));
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return new Request(request.getMethod(), path, request.getUrl().encodedQuery(), payload, files);
    }

    private static String dispositionValue(String disposition, String key) {
        Matcher matcher =
                Pattern.compile("(?:^|;)\\s*" + key + "=\"([^\"]*)\"").matcher(disposition == null ? "" : disposition);
        return matcher.find() ? matcher.group(1) : null;
    }

    /**
     * Makes the next request that matches fail with this answer, once, as Discord does in an outage
     * (5xx) or when rate limiting (429 with retry_after).
     */
    FakeDiscord failOnce(Predicate<Request> which, int code, JsonNode body, Map<String, String> headers) {
        MockResponse.Builder response = new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body.toString());
        headers.forEach(response::addHeader);
        synchronized (failures) {
            failures.add(new Failure(which, response.build()));
        }
        return this;
    }

    private Optional<MockResponse> failure(Request request) {
        synchronized (failures) {
            for (Failure failure : failures) {
                if (failure.which().test(request)) {
                    failures.remove(failure);
                    return Optional.of(failure.response());
                }
            }
        }
        return Optional.empty();
    }

    private MockResponse respond(Request request) {
        String path = request.path();
        Optional<MockResponse> failure = failure(request);
        if (failure.isPresent()) {
            return failure.get();
        }
        Matcher matcher;
        if (request.is("GET", "/api/v10/users/@me")) {
            return json(200, botUser());
        }
        if (request.is("GET", "/api/v10/gateway/bot")) {
            return json(200, gatewayBot());
        }
        if (request.method().equals("PUT") && (matcher = COMMANDS.matcher(path)).matches()) {
            ArrayNode registered = JSON.createArrayNode();
            for (JsonNode command : request.body()) {
                ObjectNode copy = command.deepCopy();
                copy.put("id", nextId()).put("application_id", APPLICATION_ID).put("version", nextId());
                if (matcher.group(2) != null) {
                    copy.put("guild_id", matcher.group(2));
                }
                registered.add(copy);
            }
            return json(200, registered);
        }
        if (request.method().equals("POST") && (matcher = CALLBACK.matcher(path)).matches()) {
            return callback(matcher.group(1), matcher.group(2), request.body());
        }
        if (request.method().equals("PATCH") && (matcher = ORIGINAL.matcher(path)).matches()) {
            String id = originals.get(matcher.group(1));
            if (id == null) {
                return json(404, error(10008, "Unknown Message"));
            }
            return json(200, edit(id, request.body()));
        }
        if (request.method().equals("POST") && (matcher = FOLLOW_UP.matcher(path)).matches()) {
            String channel = channelsOfTokens.getOrDefault(matcher.group(1), "0");
            return json(200, create(channel, request.body(), true));
        }
        if (request.method().equals("POST") && (matcher = CHANNEL_MESSAGES.matcher(path)).matches()) {
            ObjectNode message = create(matcher.group(1), request.body(), false);
            attach(message, request.files());
            return json(200, message);
        }
        if (request.method().equals("PATCH") && (matcher = CHANNEL_MESSAGE.matcher(path)).matches()) {
            if (!messages.containsKey(matcher.group(2))) {
                return json(404, error(10008, "Unknown Message"));
            }
            return json(200, edit(matcher.group(2), request.body()));
        }
        return json(404, error(0, "404: Not Found"));
    }

    private MockResponse callback(String interactionId, String token, JsonNode body) {
        int type = body.path("type").asInt();
        ObjectNode resource = JSON.createObjectNode().put("type", type);
        if (type == 7 && originals.containsKey(token)) {
            // An update of the message the component is on (the member's ephemeral ballot).
            resource.set("message", edit(originals.get(token), body.path("data")));
        }
        if (type == 4 || type == 5) {
            // A reply (or the "thinking…" placeholder of a deferred one) becomes the @original message.
            ObjectNode data = body.has("data") ? (ObjectNode) body.get("data") : JSON.createObjectNode();
            ObjectNode message = create(channelsOfTokens.getOrDefault(token, "0"), data, true);
            originals.put(token, message.get("id").asText());
            if (type == 4) {
                resource.set("message", message);
            }
        }
        ObjectNode response = JSON.createObjectNode();
        response.putObject("interaction").put("id", interactionId).put("type", 2);
        response.set("resource", resource);
        return json(200, response);
    }

    private ObjectNode create(String channelId, JsonNode body, boolean fromWebhook) {
        ObjectNode message = JSON.createObjectNode();
        message.put("id", nextId()).put("channel_id", channelId).put("type", fromWebhook ? 20 : 0);
        message.set("author", botUser());
        message.put("content", "")
                .put("timestamp", TIMESTAMP)
                .putNull("edited_timestamp")
                .put("tts", false)
                .put("mention_everyone", false)
                .put("pinned", false)
                .put("flags", 0);
        message.putArray("mentions");
        message.putArray("mention_roles");
        message.putArray("attachments");
        message.putArray("embeds");
        message.putArray("components");
        if (fromWebhook) {
            message.put("webhook_id", APPLICATION_ID).put("application_id", APPLICATION_ID);
        }
        apply(message, body);
        if (body != null && body.has("flags")) {
            message.put("flags", body.get("flags").asInt());
        }
        messages.put(message.get("id").asText(), message);
        return message.deepCopy();
    }

    /** Discord lists a posted message's files as attachments, served from its CDN. */
    private void attach(ObjectNode message, List<Upload> files) {
        ArrayNode attachments = message.putArray("attachments");
        for (Upload file : files) {
            String id = nextId();
            String url = "https://cdn.discordapp.com/attachments/"
                    + message.get("channel_id").asText() + "/" + id + "/" + file.fileName();
            attachments
                    .addObject()
                    .put("id", id)
                    .put("filename", file.fileName())
                    .put("size", file.data().length)
                    .put("url", url)
                    .put("proxy_url", url.replace("cdn.discordapp.com", "media.discordapp.net"))
                    .put("content_type", file.contentType());
        }
        messages.get(message.get("id").asText()).set("attachments", attachments.deepCopy());
    }

    private ObjectNode edit(String id, JsonNode body) {
        ObjectNode message = messages.get(id);
        synchronized (message) {
            apply(message, body);
            message.put("edited_timestamp", TIMESTAMP);
            return message.deepCopy();
        }
    }

    private static void apply(ObjectNode message, JsonNode body) {
        if (body == null) {
            return;
        }
        for (String key : List.of("content", "embeds", "components")) {
            if (body.has(key)) {
                message.set(key, body.get(key).deepCopy());
            }
        }
        // Discord returns every embed the bot sends with its type.
        for (JsonNode embed : message.path("embeds")) {
            if (embed instanceof ObjectNode rich && !rich.has("type")) {
                rich.put("type", "rich");
            }
        }
    }

    /** The recommendation, with every shard allowed to connect at once (no 5 s identify spacing). */
    private ObjectNode gatewayBot() {
        ObjectNode answer = JSON.createObjectNode().put("url", gatewayUrl()).put("shards", recommendedShards);
        answer.putObject("session_start_limit")
                .put("total", 1000)
                .put("remaining", 999)
                .put("reset_after", 14_400_000)
                .put("max_concurrency", recommendedShards);
        return answer;
    }

    // ---- gateway ----

    private final class Gateway extends WebSocketListener {
        @Override
        public void onOpen(WebSocket socket, Response response) {
            socket.send("{\"op\":10,\"d\":{\"heartbeat_interval\":41250}}");
        }

        @Override
        public void onMessage(WebSocket socket, String text) {
            JsonNode frame = parse(text);
            int op = frame.path("op").asInt(-1);
            if (op == 1) {
                socket.send("{\"op\":11}");
            } else if (op == 2) {
                identifies.add(text);
                JsonNode shard = frame.path("d").path("shard");
                int id = shard.isArray() ? shard.get(0).asInt() : 0;
                int total = shard.isArray() ? shard.get(1).asInt() : 1;
                shardTotal = total;
                gateways.put(id, socket);
                List<ObjectNode> owned = guilds.stream()
                        .filter(guild -> shardOf(guild.get("id").asText(), total) == id)
                        .toList();
                socket.send(dispatch("READY", ready(id, total, owned)));
                for (ObjectNode guild : owned) {
                    socket.send(dispatch("GUILD_CREATE", guild));
                }
            }
        }

        @Override
        public void onClosing(WebSocket socket, int code, String reason) {
            socket.close(code, null);
        }
    }

    /** Discord's rule: a guild's events go to shard (guild_id >> 22) % total. */
    static int shardOf(String guildId, int total) {
        return (int) ((Long.parseLong(guildId) >> 22) % total);
    }

    private ObjectNode ready(int shard, int total, List<ObjectNode> owned) {
        ObjectNode ready = JSON.createObjectNode();
        ready.put("v", 10);
        ready.set("user", botUser());
        ArrayNode unavailable = ready.putArray("guilds");
        for (ObjectNode guild : owned) {
            unavailable.addObject().put("id", guild.get("id").asText()).put("unavailable", true);
        }
        ready.put("session_id", "fake-session").put("resume_gateway_url", gatewayUrl());
        ready.putArray("shard").add(shard).add(total);
        ready.putObject("application").put("id", APPLICATION_ID).put("flags", 0);
        ready.putArray("private_channels");
        ready.putArray("presences");
        ready.putArray("relationships");
        ready.putArray("guild_join_requests");
        ready.putObject("user_settings");
        return ready;
    }

    private String dispatch(String type, JsonNode data) {
        ObjectNode frame = JSON.createObjectNode();
        frame.put("op", 0).put("t", type).put("s", sequence.incrementAndGet());
        frame.set("d", data);
        return frame.toString();
    }

    /** Sends an INTERACTION_CREATE; the token is remembered so replies land in the right channel. */
    void interact(ObjectNode interaction) {
        int shard = interaction.hasNonNull("guild_id")
                ? shardOf(interaction.get("guild_id").asText(), shardTotal)
                : 0;
        interactOnShard(shard, interaction);
    }

    /** Sends an INTERACTION_CREATE through one shard's socket, whichever guild it is from. */
    void interactOnShard(int shard, ObjectNode interaction) {
        String token = interaction.get("token").asText();
        channelsOfTokens.put(token, interaction.get("channel_id").asText());
        if (interaction.has("message")) {
            originals.put(token, interaction.get("message").get("id").asText());
        }
        WebSocket socket = gateways.get(shard);
        if (socket == null || !socket.send(dispatch("INTERACTION_CREATE", interaction))) {
            throw new IllegalStateException("the bot is not connected to the fake gateway as shard " + shard);
        }
    }

    String nextId() {
        return Long.toString(ids.incrementAndGet());
    }

    /** The last IDENTIFY received. */
    Optional<String> identifyFrame() {
        return identifies.isEmpty() ? Optional.empty() : Optional.of(identifies.get(identifies.size() - 1));
    }

    /** Every IDENTIFY received, in order: one per shard connected. */
    List<String> identifyFrames() {
        return List.copyOf(identifies);
    }

    // ---- what tests look at ----

    /** The first recorded request matching, waiting up to the timeout for it to arrive. */
    Request await(Predicate<Request> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (requests) {
            while (true) {
                for (Request request : requests) {
                    if (wanted.test(request)) {
                        return request;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("Discord received no such request within " + timeout + ". It received:\n"
                            + String.join(
                                    "\n",
                                    requests.stream()
                                            .map(r ->
                                                    r.method() + " " + r.path() + " " + DiscordText.cut(r.text(), 300))
                                            .toList()));
                }
                try {
                    requests.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", interrupted);
                }
            }
        }
    }

    /**
     * The first response and the final answer of each interaction, waiting until every one has
     * both: the callback (type 4 or 7 is the answer itself) and, after a deferral (5 or 6), the
     * edit of @original or the follow-up that answered it. Fails after the timeout.
     */
    Map<String, Answered> awaitAnswered(Collection<String> tokens, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (requests) {
            while (true) {
                Map<String, Answered> answered = new java.util.HashMap<>();
                for (String token : tokens) {
                    answered(token).ifPresent(answer -> answered.put(token, answer));
                }
                if (answered.size() == tokens.size()) {
                    return answered;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError((tokens.size() - answered.size()) + " of " + tokens.size()
                            + " interactions unanswered after " + timeout);
                }
                try {
                    requests.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", interrupted);
                }
            }
        }
    }

    /** An interaction's first response (the callback) and the request that carried its final answer. */
    record Answered(Request first, Request last) {

        int firstType() {
            return first.body().path("type").asInt();
        }

        /** The message the member was finally shown. */
        JsonNode message() {
            return last == first ? first.body().path("data") : last.body();
        }
    }

    private Optional<Answered> answered(String token) {
        List<Request> seen = byToken.getOrDefault(token, List.of());
        Optional<Request> callback = seen.stream()
                .filter(request -> request.method().equals("POST")
                        && CALLBACK.matcher(request.path()).matches())
                .findFirst();
        if (callback.isEmpty()) {
            return Optional.empty();
        }
        int type = callback.get().body().path("type").asInt();
        if (type == 4 || type == 7) {
            return Optional.of(new Answered(callback.get(), callback.get()));
        }
        return seen.stream()
                .filter(request -> !CALLBACK.matcher(request.path()).matches())
                .findFirst()
                .map(after -> new Answered(callback.get(), after));
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** A member deleted the message: Discord answers every later edit of it with "Unknown Message". */
    void deleteMessage(String id) {
        messages.remove(id);
    }

    /** The message as Discord holds it now: what the bot posted, with its edits. */
    ObjectNode message(String id) {
        ObjectNode message = messages.get(id);
        if (message == null) {
            throw new AssertionError("no message " + id);
        }
        synchronized (message) {
            return message.deepCopy();
        }
    }

    /** The newest message the bot posted in the channel itself (not an interaction reply). */
    ObjectNode lastMessageIn(String channelId) {
        return messages.values().stream()
                .filter(message -> message.path("channel_id").asText().equals(channelId) && !message.has("webhook_id"))
                .max(Comparator.comparingLong(message -> message.path("id").asLong()))
                .map(FakeDiscord::copyOf)
                .orElseThrow(() -> new AssertionError("no message in channel " + channelId));
    }

    private static ObjectNode copyOf(ObjectNode message) {
        synchronized (message) {
            return message.deepCopy();
        }
    }

    String originalOf(String token) {
        return originals.get(token);
    }

    static ObjectNode botUser() {
        ObjectNode user = JSON.createObjectNode();
        user.put("id", BOT_ID)
                .put("username", "fieldpoll")
                .put("global_name", "fieldpoll")
                .put("discriminator", "0")
                .putNull("avatar")
                .put("bot", true)
                .put("verified", true)
                .put("mfa_enabled", false)
                .put("flags", 0)
                .put("public_flags", 0);
        return user;
    }

    private static ObjectNode error(int code, String message) {
        return JSON.createObjectNode().put("code", code).put("message", message);
    }

    private static MockResponse json(int code, JsonNode body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body.toString())
                .build();
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (RuntimeException ignored) {
            // the server is going away with the test
        }
    }
}
