package dev.fieldpoll.testing;

import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.CommandParser;
import dev.fieldpoll.bot.ParseResult;
import dev.fieldpoll.poll.Platform;
import java.nio.file.Path;
import java.time.Instant;

/**
 * fieldpoll's real wiring over a temporary database, spoken to as members of the console's
 * #local type: for tests of the conversation. A line the parser refuses reads as a Problem.
 */
public final class BotSession implements AutoCloseable {

    public static final Instant START = Instant.parse("2026-11-27T10:00:00Z");

    private final Wiring wiring;

    public BotSession(Path folder) {
        this.wiring = new Wiring(TestConfigs.at(folder), new MutableClock(START));
    }

    /** The same, on a new database of the kind given. */
    public BotSession(Path folder, TestDatabase kind, MutableClock clock) {
        this.wiring = new Wiring(TestConfigs.at(folder, kind), clock);
    }

    /** As {@code user} in {@code channel} of the console's workspace. */
    public BotReply sayIn(String channel, String user, boolean admin, String line) {
        return say(new Caller(Platform.CONSOLE, "local", channel, user, admin), line);
    }

    /** As any caller: another workspace, say. */
    public BotReply say(Caller caller, String line) {
        ParseResult parsed = new CommandParser().parse(line);
        if (parsed instanceof ParseResult.Invalid invalid) {
            return new BotReply.Problem(invalid.message());
        }
        return wiring.bot()
                .handle(caller, ((ParseResult.Parsed) parsed).command())
                .toCompletableFuture()
                .join();
    }

    public Wiring wiring() {
        return wiring;
    }

    /** As "you", an admin. */
    public BotReply say(String line) {
        return say("you", true, line);
    }

    public BotReply say(String user, boolean admin, String line) {
        return sayIn("local", user, admin, line);
    }

    @Override
    public void close() {
        wiring.close();
    }
}
