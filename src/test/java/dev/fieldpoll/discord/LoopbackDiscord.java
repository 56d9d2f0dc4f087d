package dev.fieldpoll.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The tests' fake Discord for tools outside this package (the start-up benchmark in
 * fieldpoll-bench.jar): one guild with one channel on loopback, and the two probes a start-up
 * measurement needs. Its methods may be called from any thread, as FakeDiscord's may.
 */
public final class LoopbackDiscord implements AutoCloseable {

    public static final String TOKEN = FakeDiscord.TOKEN;

    private final FakeDiscord discord;

    public LoopbackDiscord() {
        discord = new FakeDiscord()
                .withGuild(Payloads.guildCreate(Payloads.GUILD, "Loopback", List.of(Payloads.CHANNEL)))
                .start();
    }

    public String apiUrl() {
        return discord.apiUrl();
    }

    public String gatewayUrl() {
        return discord.gatewayUrl();
    }

    /** Waits for the bot to register /poll, the last step of its start; false when it did not in time. */
    public boolean awaitCommandsRegistered(Duration timeout) {
        try {
            discord.await(
                    request -> request.method().equals("PUT") && request.path().endsWith("/commands"), timeout);
            return true;
        } catch (AssertionError notInTime) {
            return false;
        }
    }

    /** A member types /poll help; waits for the bot's answer. False when none came in time. */
    public boolean awaitAnswerToHelp(Duration timeout) {
        ObjectNode help = Payloads.slash(Payloads.ALICE, "help", Map.of());
        String token = help.get("token").asText();
        discord.interact(help);
        try {
            discord.await(request -> request.is("POST", "/api/v10/interactions/\\d+/" + token + "/callback"), timeout);
            return true;
        } catch (AssertionError notInTime) {
            return false;
        }
    }

    @Override
    public void close() {
        discord.close();
    }
}
