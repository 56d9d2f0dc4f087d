package dev.fieldpoll.discord;

import static dev.fieldpoll.discord.Payloads.ALICE;
import static dev.fieldpoll.discord.Payloads.BOB;
import static dev.fieldpoll.discord.Payloads.GUILD;
import static dev.fieldpoll.discord.Payloads.options;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.store.DatabaseTarget;
import dev.fieldpoll.testing.FieldpollProcess;
import dev.fieldpoll.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `fieldpoll run` on Discord with its polls in PostgreSQL: a process of its own, configured by the
 * environment (DISCORD_TOKEN, FIELDPOLL_DATABASE_URL) and a configuration file pointing at a fake
 * Discord on loopback; members create a poll and vote, the database holds both, and SIGTERM closes
 * it all.
 */
class DiscordOnPostgresTest {

    private static final Duration WAIT = Duration.ofMinutes(1);

    @TempDir
    Path folder;

    @Test
    void runServesDiscordFromPostgresqlAndStopsCleanly() throws Exception {
        DatabaseTarget.Postgres database = TestPostgres.newDatabase();
        try (FakeDiscord discord = new FakeDiscord()
                .withGuild(Payloads.guildCreate(GUILD, "Safety Readers", List.of(Payloads.CHANNEL)))
                .start()) {
            Path config = Files.writeString(
                    folder.resolve("fieldpoll.yml"),
                    String.join(
                            "\n",
                            "discord:",
                            "  guilds: [\"" + GUILD + "\"]",
                            "  api-url: " + discord.apiUrl(),
                            "  gateway-url: " + discord.gatewayUrl(),
                            ""));
            Map<String, String> environment =
                    Map.of("DISCORD_TOKEN", FakeDiscord.TOKEN, "FIELDPOLL_DATABASE_URL", database.url());

            try (FieldpollProcess bot =
                    FieldpollProcess.start(folder, environment, "run", "--config", config.toString())) {
                // when it runs, a member creates a poll and another votes
                bot.await(Pattern.compile("fieldpoll: running on Discord"), WAIT);
                String created = send(discord, Payloads.slash(ALICE, "create", options()));
                assertThat(answerText(discord, created)).contains("is posted");
                String voted = send(
                        discord,
                        Payloads.slash(BOB, "score", options("field", "mech", "factor", "feedback", "score", "4")));
                assertThat(answerText(discord, voted)).startsWith("Saved: Mech Interp · Feedback quality = 4.");

                // then PostgreSQL holds both, and SIGTERM stops it
                assertThat(TestPostgres.query(
                                database, "SELECT COUNT(*) FROM poll WHERE workspace_id = '" + GUILD + "'"))
                        .isEqualTo("1");
                assertThat(TestPostgres.query(database, "SELECT score FROM vote WHERE voter_id = '" + BOB.id() + "'"))
                        .isEqualTo("4");
                bot.stop(WAIT);
                assertThat(bot.output()).doesNotContain("Exception");
            }
        }
    }

    private static String send(FakeDiscord discord, com.fasterxml.jackson.databind.node.ObjectNode interaction) {
        discord.interact(interaction);
        return interaction.get("token").asText();
    }

    /** The member's answer: the first response itself since issue 11, or the edit after a deferral. */
    private static String answerText(FakeDiscord discord, String token) {
        return DiscordHarness.answer(discord, token).path("content").asText("");
    }
}
