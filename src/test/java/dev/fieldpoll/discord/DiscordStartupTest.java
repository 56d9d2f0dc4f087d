package dev.fieldpoll.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldpoll.app.Config;
import dev.fieldpoll.app.Secrets;
import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting against Discord: a refused token is a clear message, and the token is never shown. */
class DiscordStartupTest {

    @TempDir
    Path folder;

    @Test
    void a_token_discord_refuses_stops_startup_with_a_clear_message() {
        try (FakeDiscord discord = new FakeDiscord().start()) {
            Config config = DiscordHarness.config(folder, discord, List.of(), List.of());
            Secrets wrong =
                    new Secrets(Optional.of("not-the-token"), Optional.empty(), Optional.empty(), Optional.empty());
            try (Wiring wiring = new Wiring(config, new MutableClock(Instant.parse("2026-11-27T10:00:00Z")));
                    DiscordBot bot = wiring.discordBot(config, wrong)) {

                assertThatThrownBy(bot::start)
                        .isInstanceOf(DiscordBot.StartFailed.class)
                        .hasMessageContaining("Discord refused the bot token in DISCORD_TOKEN")
                        .hasMessageNotContaining("not-the-token");
            }
            assertThat(discord.requests()).extracting(FakeDiscord.Request::path).containsExactly("/api/v10/users/@me");
        }
    }

    @Test
    void settings_never_show_the_token() {
        DiscordSettings settings = new DiscordSettings(
                "secret-token-value",
                List.of("1"),
                List.of("Mods"),
                java.util.Set.of(),
                Optional.empty(),
                Optional.empty(),
                DiscordSettings.DEFAULT_REFRESH_INTERVAL,
                java.time.ZoneOffset.UTC,
                Optional.empty());

        assertThat(settings.toString()).doesNotContain("secret-token-value").contains("token=(set)");
    }
}
