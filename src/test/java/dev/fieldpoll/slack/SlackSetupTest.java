package dev.fieldpoll.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.fieldpoll.app.Config;
import dev.fieldpoll.app.ConfigException;
import dev.fieldpoll.app.Secrets;
import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.testing.MutableClock;
import dev.fieldpoll.testing.TestConfigs;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Setting Slack up: the manifest, the tokens each mode needs, a refused token, and no secret in a log line. */
class SlackSetupTest {

    @TempDir
    Path folder;

    @Test
    void the_manifest_creates_the_poll_command_with_interactivity_socket_mode_and_only_the_scopes_used()
            throws IOException {
        JsonNode manifest = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("config/slack-manifest.yml").toFile());

        JsonNode commands = manifest.path("features").path("slash_commands");
        assertThat(commands).hasSize(1);
        assertThat(commands.get(0).path("command").asText()).isEqualTo("/poll");
        assertThat(commands.get(0).path("usage_hint").asText())
                .contains("create")
                .contains("vote")
                .contains("results");
        JsonNode shortcuts = manifest.path("features").path("shortcuts");
        assertThat(shortcuts).hasSize(1);
        assertThat(shortcuts.get(0).path("name").asText()).isEqualTo("Create a poll");
        assertThat(shortcuts.get(0).path("type").asText()).isEqualTo("global");
        assertThat(shortcuts.get(0).path("callback_id").asText()).isEqualTo(SlackCreateFormHandlers.SHORTCUT);
        assertThat(manifest.path("settings")
                        .path("interactivity")
                        .path("is_enabled")
                        .asBoolean())
                .isTrue();
        assertThat(manifest.path("settings").path("socket_mode_enabled").asBoolean())
                .isTrue();
        List<String> scopes = new ArrayList<>();
        manifest.path("oauth_config").path("scopes").path("bot").forEach(scope -> scopes.add(scope.asText()));
        assertThat(scopes)
                .containsExactlyInAnyOrder(
                        "commands",
                        "chat:write",
                        "users:read",
                        "files:write",
                        "im:write",
                        "channels:read",
                        "groups:read");
        // an OAuth install asks for exactly the scopes of the manifest
        assertThat(List.of(SlackApp.SCOPES.split(","))).containsExactlyInAnyOrderElementsOf(scopes);
        assertThat(manifest.path("oauth_config").path("scopes").has("user")).isFalse();
        assertThat(manifest.path("features")
                        .path("app_home")
                        .path("home_tab_enabled")
                        .asBoolean())
                .isTrue();
        assertThat(manifest.path("settings")
                        .path("event_subscriptions")
                        .path("bot_events")
                        .toString())
                .contains("app_home_opened");
    }

    @Test
    void each_mode_names_the_token_it_is_missing() {
        try (Wiring socket = new Wiring(TestConfigs.at(folder), new MutableClock(Instant.EPOCH))) {
            Secrets botOnly = new Secrets(Optional.empty(), Optional.of("xoxb-1"), Optional.empty(), Optional.empty());
            assertThatThrownBy(() -> socket.slackApp(botOnly))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("SLACK_APP_TOKEN");
        }
        Config base = TestConfigs.at(folder);
        Config http =
                TestConfigs.withSlack(base, new Config.Slack(Config.SlackMode.HTTP, 3000, Optional.empty(), List.of()));
        try (Wiring wiring = new Wiring(http, new MutableClock(Instant.EPOCH))) {
            Secrets noSecret =
                    new Secrets(Optional.empty(), Optional.of("xoxb-1"), Optional.of("xapp-1"), Optional.empty());
            assertThatThrownBy(() -> wiring.slackApp(noSecret))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("SLACK_SIGNING_SECRET");
        }
    }

    @Test
    void many_workspaces_need_the_client_secret_the_public_url_http_mode_and_a_32_byte_key() {
        Config base = TestConfigs.at(folder);
        Config.Slack oauth = new Config.Slack(
                Config.SlackMode.HTTP,
                3000,
                Optional.empty(),
                List.of(),
                Optional.of("1234.5678"),
                Optional.of(URI.create("https://polls.example.org")));
        Secrets complete = oauthSecrets(Optional.of("client-very-secret"), Optional.of(SlackHarness.SECRET_KEY));
        try (Wiring wiring = new Wiring(TestConfigs.withSlack(base, oauth), new MutableClock(Instant.EPOCH))) {
            assertThatThrownBy(
                            () -> wiring.slackApp(oauthSecrets(Optional.empty(), Optional.of(SlackHarness.SECRET_KEY))))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("FIELDPOLL_SLACK_CLIENT_SECRET");
            assertThatThrownBy(() -> wiring.slackApp(oauthSecrets(Optional.of("client-very-secret"), Optional.empty())))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("FIELDPOLL_SECRET_KEY")
                    .hasMessageContaining("openssl rand -base64 32");
            assertThatThrownBy(() ->
                            wiring.slackApp(oauthSecrets(Optional.of("client-very-secret"), Optional.of("c2hvcnQ="))))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("32 bytes")
                    .hasMessageNotContaining("c2hvcnQ=");
        }
        Config.Slack noUrl = new Config.Slack(
                Config.SlackMode.HTTP, 3000, Optional.empty(), List.of(), Optional.of("1234.5678"), Optional.empty());
        try (Wiring wiring = new Wiring(TestConfigs.withSlack(base, noUrl), new MutableClock(Instant.EPOCH))) {
            assertThatThrownBy(() -> wiring.slackApp(complete))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("slack.public-url");
        }
        Config.Slack socket = new Config.Slack(
                Config.SlackMode.SOCKET,
                3000,
                Optional.empty(),
                List.of(),
                Optional.of("1234.5678"),
                Optional.of(URI.create("https://polls.example.org")));
        try (Wiring wiring = new Wiring(TestConfigs.withSlack(base, socket), new MutableClock(Instant.EPOCH))) {
            assertThatThrownBy(() -> wiring.slackApp(complete))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("slack.mode: http");
        }
    }

    /** The environment of the app in many workspaces: a signing secret, and the client secret and key given. */
    private static Secrets oauthSecrets(Optional<String> clientSecret, Optional<String> key) {
        return new Secrets(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("signing"), clientSecret, key);
    }

    @Test
    void oauth_settings_never_show_the_client_secret() {
        SlackSettings settings = new SlackSettings(
                SlackSettings.Mode.HTTP,
                3000,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of("signing-very-secret"),
                Set.of(),
                SlackSettings.DEFAULT_REFRESH_INTERVAL,
                Optional.of(new SlackSettings.OAuth(
                        "1234.5678", "client-very-secret", URI.create("https://polls.example.org"))));

        assertThat(settings.toString())
                .doesNotContain("very-secret")
                .contains("botToken=unset")
                .contains("clientSecret=set");
        assertThat(settings.oauth().orElseThrow().redirectUrl())
                .isEqualTo("https://polls.example.org/slack/oauth_redirect");
    }

    @Test
    void settings_never_show_their_secrets() {
        SlackSettings settings = new SlackSettings(
                SlackSettings.Mode.HTTP,
                3000,
                Optional.of(URI.create("http://127.0.0.1:9/api/")),
                "xoxb-very-secret",
                Optional.of("xapp-very-secret"),
                Optional.of("signing-very-secret"),
                Set.of("U1"),
                SlackSettings.DEFAULT_REFRESH_INTERVAL);

        assertThat(settings.toString()).doesNotContain("very-secret").contains("botToken=set");
    }

    @Test
    void a_bot_token_slack_refuses_stops_the_start_with_a_clear_message() throws Exception {
        try (FakeSlack slack = new FakeSlack()) {
            slack.refuseTokens();
            Config base = TestConfigs.at(folder);
            Config config = TestConfigs.withSlack(
                    base,
                    new Config.Slack(
                            Config.SlackMode.SOCKET, 3000, Optional.of(URI.create(slack.apiUrl())), List.of()));
            try (Wiring wiring = new Wiring(config, new MutableClock(Instant.EPOCH));
                    SlackApp app = wiring.slackApp(new Secrets(
                            Optional.empty(), Optional.of("xoxb-revoked"), Optional.of("xapp-1"), Optional.empty()))) {
                assertThatThrownBy(app::start)
                        .isInstanceOf(IOException.class)
                        .hasMessageContaining("invalid_auth")
                        .hasMessageNotContaining("xoxb-revoked");
            }
        }
    }
}
