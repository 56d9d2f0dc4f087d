package dev.fieldpoll.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Requests shaped as Slack sends them to an app in HTTP mode: a slash command as a form, button
 * presses and modal submissions as the form field {@code payload=<json>}, each signed with
 * {@code v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body))}.
 */
final class SlackRequests {

    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final AtomicInteger triggers = new AtomicInteger();
    private final BiConsumer<String, String> acks;

    /** {@code acks} hears each ack that carries a message, with the path of the request's response_url. */
    SlackRequests(int port, BiConsumer<String, String> acks) {
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/slack/events");
        this.acks = acks;
    }

    // ---- bodies ----

    static String slashCommand(
            String team, String channel, String user, String text, String responseUrl, String triggerId) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-verification-token");
        form.put("team_id", team);
        form.put("team_domain", "fieldpoll-test");
        form.put("channel_id", channel);
        form.put("channel_name", "general");
        form.put("user_id", user);
        form.put("user_name", user.toLowerCase());
        form.put("command", "/poll");
        form.put("text", text);
        form.put("api_app_id", "A0FIELD");
        form.put("is_enterprise_install", "false");
        form.put("response_url", responseUrl);
        form.put("trigger_id", triggerId);
        return encode(form);
    }

    /** The JSON a slash command carries inside a Socket Mode envelope. */
    static ObjectNode slashCommandJson(
            String team, String channel, String user, String text, String responseUrl, String triggerId) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("token", "legacy-verification-token")
                .put("team_id", team)
                .put("team_domain", "fieldpoll-test")
                .put("channel_id", channel)
                .put("channel_name", "general")
                .put("user_id", user)
                .put("user_name", user.toLowerCase())
                .put("command", "/poll")
                .put("text", text)
                .put("api_app_id", "A0FIELD")
                .put("is_enterprise_install", "false")
                .put("response_url", responseUrl)
                .put("trigger_id", triggerId);
        return payload;
    }

    /** A button press on the poll message, as block_actions. */
    static ObjectNode buttonPress(
            String team,
            String channel,
            String user,
            String actionId,
            String messageTs,
            String responseUrl,
            String triggerId) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("type", "block_actions");
        payload.set("user", user(team, user));
        payload.put("api_app_id", "A0FIELD").put("token", "legacy-verification-token");
        ObjectNode container = payload.putObject("container");
        container
                .put("type", "message")
                .put("message_ts", messageTs)
                .put("channel_id", channel)
                .put("is_ephemeral", false);
        payload.put("trigger_id", triggerId);
        payload.putObject("team").put("id", team).put("domain", "fieldpoll-test");
        payload.putNull("enterprise");
        payload.put("is_enterprise_install", false);
        payload.putObject("channel").put("id", channel).put("name", "general");
        ObjectNode message = payload.putObject("message");
        message.put("type", "message")
                .put("user", FakeSlack.BOT_USER)
                .put("ts", messageTs)
                .put("text", "Poll")
                .put("bot_id", "B0BOT");
        payload.putObject("state").putObject("values");
        payload.put("response_url", responseUrl);
        ArrayNode actions = payload.putArray("actions");
        ObjectNode action = actions.addObject();
        action.put("action_id", actionId).put("block_id", SlackPollMessageRenderer.ACTIONS_BLOCK);
        action.putObject("text").put("type", "plain_text").put("text", "Vote").put("emoji", true);
        action.put("type", "button").put("action_ts", "1764237650.123456");
        return payload;
    }

    /**
     * A modal submitted with the given choices: the view as Slack keeps it (the blocks we opened),
     * and in its state every input — with the chosen option's value, or null where left alone; a text
     * input with the text given, else its initial value.
     */
    static ObjectNode submission(String team, String user, JsonNode openedView, Map<String, String> chosen) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("type", "view_submission");
        payload.putObject("team").put("id", team).put("domain", "fieldpoll-test");
        payload.set("user", user(team, user));
        payload.put("api_app_id", "A0FIELD")
                .put("token", "legacy-verification-token")
                .put("trigger_id", "5091.submit.trigger");
        ObjectNode view = openedView.deepCopy();
        view.put("id", "V0BALLOT")
                .put("team_id", team)
                .put("hash", "1764237660.abcdef")
                .put("root_view_id", "V0BALLOT")
                .put("app_id", "A0FIELD")
                .put("bot_id", "B0BOT")
                .put("app_installed_team_id", team)
                .putNull("previous_view_id");
        ObjectNode values = view.putObject("state").putObject("values");
        for (JsonNode block : openedView.path("blocks")) {
            if (block.path("type").asText().equals("input")) {
                String blockId = block.path("block_id").asText();
                String actionId = block.path("element").path("action_id").asText();
                ObjectNode value = values.putObject(blockId).putObject(actionId);
                value.put("type", block.path("element").path("type").asText());
                String choice = chosen.get(blockId);
                if (value.path("type").asText().equals("plain_text_input")) {
                    // a text input sends what is typed in it, the prefilled value unless changed
                    String typed = choice != null
                            ? choice
                            : block.path("element").path("initial_value").asText(null);
                    value.put("value", typed);
                } else if (choice == null) {
                    value.putNull("selected_option");
                } else {
                    ObjectNode option = value.putObject("selected_option");
                    option.putObject("text")
                            .put("type", "plain_text")
                            .put("text", choice)
                            .put("emoji", true);
                    option.put("value", choice);
                }
            }
        }
        for (Map.Entry<String, String> extra : chosen.entrySet()) {
            if (!values.has(extra.getKey())) { // a block the view never had: a forged state
                ObjectNode option = values.putObject(extra.getKey()).putObject(BallotModalRenderer.SCORE_ACTION);
                option.put("type", "static_select");
                option.putObject("selected_option").put("value", extra.getValue());
            }
        }
        payload.set("view", view);
        payload.putArray("response_urls");
        payload.put("is_enterprise_install", false);
        return payload;
    }

    /**
     * A form submitted: the view as opened, and in its state every input with what was typed (text
     * inputs), chosen (a static select's option value) or picked (a conversations select), or null.
     */
    static ObjectNode formSubmission(String team, String user, JsonNode openedView, Map<String, String> typed) {
        ObjectNode payload = submission(team, user, openedView, Map.of());
        ObjectNode values = (ObjectNode) payload.path("view").path("state").path("values");
        for (JsonNode block : openedView.path("blocks")) {
            if (!block.path("type").asText().equals("input")) {
                continue;
            }
            String blockId = block.path("block_id").asText();
            String actionId = block.path("element").path("action_id").asText();
            String type = block.path("element").path("type").asText();
            ObjectNode value = values.putObject(blockId).putObject(actionId).put("type", type);
            String given = typed.get(blockId);
            switch (type) {
                case "static_select" -> {
                    if (given == null) {
                        value.putNull("selected_option");
                    } else {
                        value.putObject("selected_option")
                                .put("value", given)
                                .putObject("text")
                                .put("type", "plain_text")
                                .put("text", given);
                    }
                }
                case "conversations_select" -> value.put("selected_conversation", given);
                default -> value.put("value", given);
            }
        }
        return payload;
    }

    /** The global shortcut {@code callbackId} pressed by {@code user} (a shortcut names no channel). */
    static ObjectNode globalShortcut(String team, String user, String callbackId, String triggerId) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("type", "shortcut")
                .put("token", "legacy-verification-token")
                .put("action_ts", "1764237650.123456");
        payload.putObject("team").put("id", team).put("domain", "fieldpoll-test");
        payload.set("user", user(team, user));
        payload.put("is_enterprise_install", false);
        payload.putNull("enterprise");
        payload.put("callback_id", callbackId).put("trigger_id", triggerId);
        return payload;
    }

    private static ObjectNode user(String team, String user) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", user)
                .put("username", user.toLowerCase())
                .put("name", user.toLowerCase())
                .put("team_id", team);
        return node;
    }

    /** An Events API callback, as Slack posts it (JSON) for {@code event} in {@code team}. */
    static String event(String team, ObjectNode event) {
        ObjectNode callback = JSON.createObjectNode();
        callback.put("token", "legacy-verification-token")
                .put("team_id", team)
                .put("api_app_id", "A0FIELD")
                .put("type", "event_callback")
                .put("event_id", "Ev0" + team + event.path("type").asText().length())
                .put("event_time", 1764237600);
        callback.set("event", event);
        return callback.toString();
    }

    /** Slack's event when a workspace removes the app. */
    static String appUninstalled(String team) {
        ObjectNode event = JSON.createObjectNode();
        event.put("type", "app_uninstalled").put("event_ts", "1764237600.000100");
        return event(team, event);
    }

    /** Slack's event when tokens of a workspace are revoked: {@code bots} are the bot users whose tokens went. */
    static String tokensRevoked(String team, String... bots) {
        ObjectNode event = JSON.createObjectNode();
        event.put("type", "tokens_revoked").put("event_ts", "1764237600.000200");
        ObjectNode tokens = event.putObject("tokens");
        tokens.putArray("oauth");
        ArrayNode bot = tokens.putArray("bot");
        for (String each : bots) {
            bot.add(each);
        }
        return event(team, event);
    }

    static String interactive(JsonNode payload) {
        return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
    }

    String trigger() {
        return "13345224609." + triggers.incrementAndGet() + ".b14a1b0e6c58bd4";
    }

    // ---- sending ----

    HttpResponse<String> send(String body) throws IOException, InterruptedException {
        long now = System.currentTimeMillis() / 1000;
        return send(body, now, sign(SECRET, now, body));
    }

    HttpResponse<String> send(String body, long timestamp, String signature) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        String responseUrl = responseUrlOf(body);
        if (responseUrl != null
                && response.body().startsWith("{")
                && response.body().contains("\"text\"")) {
            acks.accept(URI.create(responseUrl).getPath(), response.body());
        }
        return response;
    }

    /** The response_url a request names: a form field of a command, or inside the payload of an interaction. */
    private static String responseUrlOf(String body) {
        Map<String, String> form = FakeSlack.form(body);
        if (form.containsKey("response_url")) {
            return form.get("response_url");
        }
        try {
            JsonNode url = FakeSlack.parse(form.getOrDefault("payload", "{}")).path("response_url");
            return url.isTextual() ? url.asText() : null;
        } catch (java.io.UncheckedIOException unreadable) {
            return null; // a payload a test garbled on purpose
        }
    }

    static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String encode(Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }
}
