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
    void http_and_socket_mode_sessions_never_log_a_secret() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            try (SlackHarness http = SlackHarness.http(folder.resolve("http"))) {
                http.app.toString();
            }
            try (SlackHarness socket = SlackHarness.socketMode(folder.resolve("socket"))) {
                socket.app.toString();
            }

            assertThat(logs.size()).isGreaterThan(5);
            assertThat(logs.text())
                    .doesNotContain(SlackHarness.BOT_TOKEN)
                    .doesNotContain(SlackHarness.APP_TOKEN)
                    .doesNotContain(SlackRequests.SECRET);
        }
    }
}
