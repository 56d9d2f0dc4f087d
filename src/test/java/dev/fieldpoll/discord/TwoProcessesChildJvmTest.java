package dev.fieldpoll.discord;

import static dev.fieldpoll.discord.Payloads.ALICE;
import static dev.fieldpoll.discord.Payloads.BOB;
import static dev.fieldpoll.discord.Payloads.CHANNEL;
import static dev.fieldpoll.discord.Payloads.GUILD;
import static dev.fieldpoll.discord.Payloads.SHARD_ONE_CHANNEL;
import static dev.fieldpoll.discord.Payloads.SHARD_ONE_GUILD;
import static dev.fieldpoll.discord.Payloads.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldpoll.slack.LoopbackSlack;
import dev.fieldpoll.store.DatabaseTarget;
import dev.fieldpoll.testing.FieldpollProcess;
import dev.fieldpoll.testing.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real `fieldpoll run` JVMs on one PostgreSQL database, configured only by their files and
 * environment as "Running at scale" shows: A runs Discord shard 0 of 2, B shard 1, and both serve
 * the same Slack app over HTTP. Nothing is shared but the database and the platforms: each guild's
 * members are served by the process of its shard, Slack votes sent to either process are stored
 * once, both show the same results, and when A is killed B goes on with every acknowledged vote kept.
 */
class TwoProcessesChildJvmTest {

    private static final Duration WAIT = Duration.ofMinutes(1);
    private static final String SLACK_CHANNEL = "C0GENERAL";

    @TempDir
    Path folder;

    @Test
    void two_processes_split_the_shards_share_slack_and_keep_every_vote_when_one_is_killed() throws Exception {
        DatabaseTarget.Postgres database = TestPostgres.newDatabase();
        try (FakeDiscord discord = new FakeDiscord()
                        .withRecommendedShards(2)
                        .withGuild(Payloads.guildCreate(GUILD, "Safety Readers", List.of(CHANNEL)))
                        .withGuild(
                                Payloads.guildCreate(SHARD_ONE_GUILD, "Shard One Readers", List.of(SHARD_ONE_CHANNEL)))
                        .start();
                LoopbackSlack slack = new LoopbackSlack()) {
            int portA = freePort();
            int portB = freePort();
            try (FieldpollProcess a = start("a", "0", portA, discord, slack, database);
                    FieldpollProcess b = start("b", "1", portB, discord, slack, database)) {
                a.await(Pattern.compile("fieldpoll: running on"), WAIT);
                b.await(Pattern.compile("fieldpoll: running on"), WAIT);
                assertThat(discord.identifyFrames())
                        .map(frame ->
                                FakeDiscord.parse(frame).path("d").path("shard").toString())
                        .containsExactlyInAnyOrder("[0,2]", "[1,2]");

                // when members create polls and vote in a guild of each shard, and on Slack through both processes
                for (String[] where :
                        List.of(new String[] {GUILD, CHANNEL}, new String[] {SHARD_ONE_GUILD, SHARD_ONE_CHANNEL})) {
                    assertThat(answer(discord, Payloads.slash(ALICE, where[0], where[1], "create", options())))
                            .contains("is posted");
                    assertThat(answer(
                                    discord,
                                    Payloads.slash(
                                            BOB,
                                            where[0],
                                            where[1],
                                            "score",
                                            options("field", "mech", "factor", "feedback", "score", "4"))))
                            .startsWith("Saved");
                }
                slack.createPollOverHttp(portA, SLACK_CHANNEL, "U0ALICE", "Which fields first?");
                for (int voter = 0; voter < 4; voter++) {
                    int port = voter % 2 == 0 ? portA : portB;
                    assertThat(slack.commandOverHttp(
                                    port,
                                    SLACK_CHANNEL,
                                    "U0V" + voter,
                                    "vote mech feedback=" + (voter + 1) + " economic=2"))
                            .contains("Saved");
                }

                // then each process served its own shard's guild, and both show the same results
                assertThat(a.output()).doesNotContain("Exception");
                assertThat(b.output()).doesNotContain("Exception");
                assertThat(slack.commandOverHttp(portA, SLACK_CHANNEL, "U0V0", "results"))
                        .contains("Mech Interp")
                        .isEqualTo(slack.commandOverHttp(portB, SLACK_CHANNEL, "U0V0", "results"));

                // when A is killed (SIGKILL) and a member votes through B
                a.close();
                a.awaitExit(WAIT);
                assertThat(slack.commandOverHttp(portB, SLACK_CHANNEL, "U0V9", "vote mech feedback=5 economic=5"))
                        .contains("Saved");

                // then every acknowledged vote is stored, once
                assertThat(
                                TestPostgres.query(
                                        database,
                                        "SELECT COUNT(*) FROM vote JOIN poll ON poll.id = vote.poll_id WHERE poll.platform = 'SLACK'"))
                        .isEqualTo("10");
                assertThat(
                                TestPostgres.query(
                                        database,
                                        "SELECT COUNT(*) FROM vote JOIN poll ON poll.id = vote.poll_id WHERE poll.platform = 'DISCORD'"))
                        .isEqualTo("2");
                b.stop(WAIT);
                assertThat(b.output()).doesNotContain("Exception");
            }
        }
    }

    private FieldpollProcess start(
            String name,
            String shard,
            int slackPort,
            FakeDiscord discord,
            LoopbackSlack slack,
            DatabaseTarget.Postgres database)
            throws IOException {
        Path home = Files.createDirectories(folder.resolve(name));
        Path config = Files.writeString(
                home.resolve("fieldpoll.yml"),
                String.join(
                        "\n",
                        "discord:",
                        "  guilds: [\"" + GUILD + "\", \"" + SHARD_ONE_GUILD + "\"]",
                        "  api-url: " + discord.apiUrl(),
                        "  gateway-url: " + discord.gatewayUrl(),
                        "  shards:",
                        "    total: 2",
                        "    ids: \"" + shard + "\"",
                        "slack:",
                        "  mode: http",
                        "  port: " + slackPort,
                        "  api-url: " + slack.apiUrl(),
                        ""));
        Map<String, String> environment = Map.of(
                "DISCORD_TOKEN", FakeDiscord.TOKEN,
                "SLACK_BOT_TOKEN", LoopbackSlack.BOT_TOKEN,
                "SLACK_SIGNING_SECRET", LoopbackSlack.SIGNING_SECRET,
                "FIELDPOLL_DATABASE_URL", database.url());
        return FieldpollProcess.start(home, environment, "run", "--config", config.toString());
    }

    private static String answer(FakeDiscord discord, ObjectNode interaction) {
        discord.interact(interaction);
        return DiscordHarness.answer(discord, interaction.get("token").asText())
                .path("content")
                .asText("");
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
