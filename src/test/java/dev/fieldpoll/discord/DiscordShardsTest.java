package dev.fieldpoll.discord;

import static dev.fieldpoll.discord.Payloads.ALICE;
import static dev.fieldpoll.discord.Payloads.BOB;
import static dev.fieldpoll.discord.Payloads.CHANNEL;
import static dev.fieldpoll.discord.Payloads.GUILD;
import static dev.fieldpoll.discord.Payloads.SHARD_ONE_CHANNEL;
import static dev.fieldpoll.discord.Payloads.SHARD_ONE_GUILD;
import static dev.fieldpoll.discord.Payloads.options;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.app.Config;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Workspace;
import dev.fieldpoll.testing.TestConfigs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discord with shards, through real JDA's shard manager against the fake gateway: the shard count
 * comes from /gateway/bot, each shard identifies as [id, 2] and hears only its guilds, so
 * commands, votes and poll-message redraws in a guild of either shard are answered, and the health
 * check names each shard.
 */
class DiscordShardsTest {

    @TempDir
    Path folder;

    private static FakeDiscord twoShardDiscord() {
        return new FakeDiscord()
                .withRecommendedShards(2)
                .withGuild(Payloads.guildCreate(GUILD, "Safety Readers", List.of(CHANNEL)))
                .withGuild(Payloads.guildCreate(SHARD_ONE_GUILD, "Shard One Readers", List.of(SHARD_ONE_CHANNEL)))
                .start();
    }

    private Config config(FakeDiscord discord, Optional<DiscordShards> shards) {
        Config base = DiscordHarness.config(folder, discord, List.of(GUILD, SHARD_ONE_GUILD), List.of());
        Config.Discord plain = base.discord();
        return TestConfigs.withDiscord(
                        base,
                        new Config.Discord(
                                plain.guilds(), plain.adminRoles(), plain.apiUrl(), plain.gatewayUrl(), shards))
                .withWeb(TestConfigs.withWeb(folder).web());
    }

    @Test
    void automatic_shards_split_the_guilds_and_each_guild_is_served_through_its_own_shard() throws Exception {
        FakeDiscord discord = twoShardDiscord();
        try (DiscordHarness harness =
                new DiscordHarness(discord, config(discord, Optional.of(DiscordShards.automatic())))) {
            // then Discord was asked how many shards, and each identified as its own with its guilds only
            assertThat(discord.requests()).anyMatch(request -> request.is("GET", "/api/v10/gateway/bot"));
            assertThat(discord.identifyFrames())
                    .map(frame ->
                            FakeDiscord.parse(frame).path("d").path("shard").toString())
                    .containsExactlyInAnyOrder("[0,2]", "[1,2]");
            harness.await(
                    request -> request.is("PUT", "/api/v10/applications/\\d+/guilds/" + SHARD_ONE_GUILD + "/commands"));
            harness.await(request -> request.is("PUT", "/api/v10/applications/\\d+/guilds/" + GUILD + "/commands"));

            // when a poll is created and voted on in a guild of each shard
            for (String[] where :
                    List.of(new String[] {GUILD, CHANNEL}, new String[] {SHARD_ONE_GUILD, SHARD_ONE_CHANNEL})) {
                String created = harness.send(Payloads.slash(ALICE, where[0], where[1], "create", options()));
                assertThat(harness.answerText(created)).contains("is posted");
                long poll = harness.wiring
                        .store()
                        .listInChannel(new Workspace(Platform.DISCORD, where[0]), where[1])
                        .get(0)
                        .id();
                String voted = harness.send(Payloads.slash(
                        BOB,
                        where[0],
                        where[1],
                        "score",
                        options("field", "mech", "factor", "feedback", "score", "4")));

                // then each is answered, and the poll message is redrawn through the shard that sees its channel
                assertThat(harness.answerText(voted)).startsWith("Saved: Mech Interp · Feedback quality = 4.");
                String message = harness.wiring.store().messageId(poll).orElseThrow();
                harness.await(request -> request.is("PATCH", "/api/v10/channels/" + where[1] + "/messages/" + message));
            }

            // and the health check names each shard
            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + harness.wiring.webPort() + "/healthz"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body())
                    .contains("\"discord\":\"connected\"")
                    .contains("\"discord shard 0/2\":\"connected\"")
                    .contains("\"discord shard 1/2\":\"connected\"");
        }
    }

    @Test
    void a_process_running_shard_one_of_two_hears_only_its_guilds_and_ignores_an_event_sent_through_the_wrong_shard()
            throws Exception {
        FakeDiscord discord = twoShardDiscord();
        DiscordShards shardOne = DiscordShards.parse("2", "1").orElseThrow();
        try (DiscordHarness harness = new DiscordHarness(discord, config(discord, Optional.of(shardOne)))) {
            // then it identified only as shard 1, registered /poll only in its guild, and not globally
            assertThat(discord.identifyFrames())
                    .singleElement()
                    .satisfies(frame -> assertThat(FakeDiscord.parse(frame)
                                    .path("d")
                                    .path("shard")
                                    .toString())
                            .isEqualTo("[1,2]"));
            harness.await(
                    request -> request.is("PUT", "/api/v10/applications/\\d+/guilds/" + SHARD_ONE_GUILD + "/commands"));
            assertThat(discord.requests())
                    .noneMatch(request -> request.path().contains("/guilds/" + GUILD + "/commands"));

            // when its guild's member votes, and an event of shard 0's guild arrives through shard 1
            String created =
                    harness.send(Payloads.slash(ALICE, SHARD_ONE_GUILD, SHARD_ONE_CHANNEL, "create", options()));
            assertThat(harness.answerText(created)).contains("is posted");
            com.fasterxml.jackson.databind.node.ObjectNode stray =
                    Payloads.slash(ALICE, GUILD, CHANNEL, "create", options());
            discord.interactOnShard(1, stray);
            String marker = harness.send(Payloads.slash(BOB, SHARD_ONE_GUILD, SHARD_ONE_CHANNEL, "mine", options()));
            harness.answer(marker);

            // then the stray one was left alone: no answer and no poll in shard 0's guild
            assertThat(discord.requests())
                    .noneMatch(request ->
                            request.path().contains(stray.get("token").asText()));
            assertThat(harness.wiring.store().listInChannel(new Workspace(Platform.DISCORD, GUILD), CHANNEL))
                    .isEmpty();
            // and the health check names only its shard
            assertThat(harness.bot.shardsConnected()).containsOnlyKeys("discord shard 1/2");
        }
    }
}
