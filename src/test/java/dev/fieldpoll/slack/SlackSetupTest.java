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
        assertThat(manifest.path("settings")
                        .path("interactivity")
                        .path("is_enabled")
                        .asBoolean())
                .isTrue();
        assertThat(manifest.path("settings").path("socket_mode_enabled").asBoolean())
                .isTrue();
        List<String> scopes = new ArrayList<>();
        manifest.path("oauth_config").path("scopes").path("bot").forEach(scope -> scopes.add(scope.asText()));
        assertThat(scopes).containsExactlyInAnyOrder("commands", "chat:write", "users:read", "files:write", "im:write");
        assertThat(manifest.path("oauth_config").path("scopes").has("user")).isFalse();
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
