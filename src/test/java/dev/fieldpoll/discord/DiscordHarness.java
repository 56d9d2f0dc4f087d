package dev.fieldpoll.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldpoll.app.Config;
import dev.fieldpoll.app.Secrets;
import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.testing.MutableClock;
import dev.fieldpoll.testing.TestConfigs;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.interaction.GenericInteractionCreateEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/**
 * One real fieldpoll on Discord for a test: a fake Discord on loopback, a temporary SQLite file,
 * the real Wiring and the real JDA, connected the way `fieldpoll run` connects them.
 */
final class DiscordHarness implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(15);

    static final Instant START = Instant.parse("2026-11-27T10:00:00Z");

    final MutableClock clock;
    final FakeDiscord discord;
    final Wiring wiring;
    final DiscordBot bot;

    DiscordHarness(Path folder) throws InterruptedException {
        this(folder, false);
    }

    /** With {@code pages}, results pages are served on a free loopback port and replies carry links. */
    DiscordHarness(Path folder, boolean pages) throws InterruptedException {
        this(folder, pages, START);
    }

    /** Started at {@code start} on the hand-moved clock: a restart later on the same database. */
    DiscordHarness(Path folder, boolean pages, Instant start) throws InterruptedException {
        clock = new MutableClock(start);
        discord = new FakeDiscord()
                .withGuild(Payloads.guildCreate(
                        Payloads.GUILD,
                        "Safety Readers",
                        List.of(Payloads.CHANNEL, Payloads.SECOND_CHANNEL, Payloads.NO_FILES_CHANNEL)))
                .withGuild(
                        Payloads.guildCreate(Payloads.OTHER_GUILD, "Elsewhere", List.of(Payloads.OTHER_GUILD_CHANNEL)))
                .start();
        Config config = config(folder, discord, List.of(Payloads.GUILD), List.of("Poll Admins"));
        Secrets secrets =
                new Secrets(Optional.of(FakeDiscord.TOKEN), Optional.empty(), Optional.empty(), Optional.empty());
        if (pages) {
            config = config.withWeb(TestConfigs.withWeb(folder).web());
        }
        wiring = new Wiring(config, clock);
        if (pages) {
            try {
                wiring.startWeb();
            } catch (java.io.IOException noPort) {
                throw new java.io.UncheckedIOException(noPort);
            }
        }
        bot = wiring.discordBot(config, secrets);
        bot.start();
    }

    /** A fieldpoll on its own fake Discord and configuration (shards, PostgreSQL), started at START. */
    DiscordHarness(FakeDiscord discord, Config config) throws InterruptedException {
        this.clock = new MutableClock(START);
        this.discord = discord;
        this.wiring = new Wiring(config, clock);
        if (config.web().isOn()) {
            try {
                wiring.startWeb();
            } catch (java.io.IOException noPort) {
                throw new java.io.UncheckedIOException(noPort);
            }
        }
        this.bot = wiring.discordBot(
                config,
                new Secrets(Optional.of(FakeDiscord.TOKEN), Optional.empty(), Optional.empty(), Optional.empty()));
        bot.start();
    }

    /** The test configuration with a discord section pointing at the fake. */
    static Config config(Path folder, FakeDiscord discord, List<String> guilds, List<String> adminRoles) {
        return config(folder, discord.apiUrl(), discord.gatewayUrl(), guilds, adminRoles);
    }

    /** The same, for a fake Discord reached by its URLs (from a child JVM). */
    static Config config(Path folder, String apiUrl, String gatewayUrl, List<String> guilds, List<String> adminRoles) {
        Config base = TestConfigs.at(folder);
        return TestConfigs.withDiscord(
                base,
                new Config.Discord(
                        guilds,
                        adminRoles,
                        Optional.of(URI.create(apiUrl)),
                        Optional.of(URI.create(gatewayUrl)),
                        Optional.empty()));
    }

    /**
     * From now on, when JDA hands each interaction to fieldpoll's listeners (token → System.nanoTime).
     * JDA is reached by reflection, so the bot keeps no accessor only a test would use; a listener
     * added after the bot's is called right after them, on the same JDA thread.
     */
    Map<String, Long> arrivals() {
        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        try {
            java.lang.reflect.Field field = DiscordBot.class.getDeclaredField("connection");
            field.setAccessible(true);
            for (JDA jda : ((DiscordConnection) field.get(bot)).all()) {
                jda.addEventListener(new ListenerAdapter() {
                    @Override
                    public void onGenericInteractionCreate(GenericInteractionCreateEvent event) {
                        arrivals.putIfAbsent(event.getToken(), System.nanoTime());
                    }
                });
            }
        } catch (ReflectiveOperationException changed) {
            throw new IllegalStateException("DiscordBot no longer keeps its JDA in a field named connection", changed);
        }
        return arrivals;
    }

    /** Sends an interaction and returns its token. */
    String send(ObjectNode interaction) {
        discord.interact(interaction);
        return interaction.get("token").asText();
    }

    FakeDiscord.Request callback(String token) {
        return discord.await(request -> request.is("POST", "/api/v10/interactions/\\d+/" + token + "/callback"), WAIT);
    }

    /**
     * The member's answer to the interaction, as the message Discord was sent: the reply (callback
     * type 4) or the ballot updated in place (type 7), which is the first response when the answer
     * was ready within the bot's budget; after a deferral (type 5 or 6), the edit of @original or the
     * follow-up that answers it.
     */
    JsonNode answer(String token) {
        return answer(discord, token);
    }

    /** {@link #answer(String)} on a fake Discord without a harness (a bot in a child process). */
    static JsonNode answer(FakeDiscord discord, String token) {
        JsonNode callback = discord.await(
                        request -> request.is("POST", "/api/v10/interactions/\\d+/" + token + "/callback"), WAIT)
                .body();
        int type = callback.path("type").asInt();
        if (type == 4 || type == 7) {
            return callback.path("data");
        }
        return discord.await(
                        request -> request.is("PATCH", "/api/v10/webhooks/\\d+/" + token + "/messages/@original")
                                || request.is("POST", "/api/v10/webhooks/\\d+/" + token),
                        WAIT)
                .body();
    }

    /** The text of the member's answer. */
    /** Alice's poll #1 (fields Alpha, Beta on Impact), posted, with Carol's vote on Alpha; its message id. */
    String pollWithAVote() {
        String created = send(Payloads.slash(
                Payloads.ALICE,
                "create",
                Payloads.options("title", "Plans", "fields", "Alpha; Beta", "factors", "Impact")));
        assertThat(answerText(created)).contains("is posted");
        String voted = send(Payloads.slash(
                Payloads.CAROL, "score", Payloads.options("field", "Alpha", "factor", "Impact", "score", "4")));
        assertThat(answerText(voted)).contains("Saved");
        return wiring.store().messageId(1).orElseThrow();
    }

    String answerText(String token) {
        return answer(token).path("content").asText("");
    }

    /** The type of the first response Discord got: 4 reply, 5 deferred reply, 6 deferred edit, 7 edit. */
    int firstResponse(String token) {
        return callback(token).body().path("type").asInt();
    }

    FakeDiscord.Request await(Predicate<FakeDiscord.Request> wanted) {
        return discord.await(wanted, WAIT);
    }

    /** The text of a message the bot sent. */
    static String content(FakeDiscord.Request request) {
        JsonNode body = request.body();
        return body == null ? "" : body.path("content").asText("");
    }

    /** The message the interaction answered with (a new reply, or the ballot it updated), as Discord holds it now. */
    ObjectNode originalMessage(String token) {
        answer(token);
        return discord.message(discord.originalOf(token));
    }

    @Override
    public void close() {
        try {
            bot.close();
        } finally {
            try {
                wiring.close();
            } finally {
                discord.close();
            }
        }
    }
}
