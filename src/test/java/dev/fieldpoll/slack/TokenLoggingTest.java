package dev.fieldpoll.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.testing.LogCapture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slack tokens and the signing secret must never reach the log, at any level. */
class TokenLoggingTest {

    @TempDir
    Path folder;

    @Test
    void http_socket_mode_and_oauth_sessions_never_log_a_secret() throws Exception {
        String installed;
        try (LogCapture logs = new LogCapture()) {
            try (SlackHarness http = SlackHarness.http(folder.resolve("http"))) {
                http.app.toString();
            }
            try (SlackHarness socket = SlackHarness.socketMode(folder.resolve("socket"))) {
                socket.app.toString();
            }

            try (SlackHarness oauth = SlackHarness.oauth(folder.resolve("oauth"))) {
                installAndCreate(oauth, "T0LOGGED");
                installed = oauth.slack.tokenOf("T0LOGGED");
            }

            assertThat(installed).isNotNull();
            assertThat(logs.text())
                    .doesNotContain(installed)
                    .doesNotContain(FakeSlack.CLIENT_SECRET)
                    .doesNotContain(SlackHarness.SECRET_KEY);
            assertThat(logs.size()).isGreaterThan(5);
            assertThat(logs.text())
                    .doesNotContain(SlackHarness.BOT_TOKEN)
                    .doesNotContain(SlackHarness.APP_TOKEN)
                    .doesNotContain(SlackRequests.SECRET);
        }
    }

    /** Installs the app in {@code team} through the OAuth pages, and creates a poll there. */
    private static void installAndCreate(SlackHarness harness, String team) throws Exception {
        assertThat(SlackOAuthTest.install(harness, team).statusCode()).isEqualTo(200);
        harness.requests.send(SlackRequests.slashCommand(
                team,
                "C0LOGGED",
                "U0LOGGED",
                "create Which fields are logged? closes:3d",
                harness.slack.responseUrl("logged"),
                harness.requests.trigger()));
        harness.slack.await("chat.postMessage");
    }
}
