package dev.fieldpoll.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.testing.LogCapture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bot token must never reach the log, at any level, from fieldpoll or from JDA. */
class TokenLoggingTest {

    @TempDir
    Path folder;

    @Test
    void a_full_session_logs_plenty_but_never_the_token() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            try (DiscordHarness harness = new DiscordHarness(folder)) {
                harness.bot.toString();
            }

            assertThat(logs.size()).isGreaterThan(5);
            assertThat(logs.text()).doesNotContain(FakeDiscord.TOKEN);
        }
    }
}
