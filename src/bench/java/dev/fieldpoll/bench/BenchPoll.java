package dev.fieldpoll.bench;

import dev.fieldpoll.app.Config;
import dev.fieldpoll.app.ConfigLoader;
import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.bot.BotCommand;
import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.store.DatabaseTarget;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fresh database, wired as the bot runs it, with the default durability, and one open poll of
 * the AI-safety template: a SQLite file in a temporary folder (java.io.tmpdir: put it on the disk
 * to measure), or a new database on the PostgreSQL server of {@code --database}.
 */
final class BenchPoll implements AutoCloseable {

    static final String WORKSPACE = "bench-guild";
    static final String CHANNEL = "bench-channel";

    private final BenchDatabase database;
    private final Wiring wiring;
    private final Poll poll;

    private BenchPoll(BenchDatabase database, Wiring wiring, Poll poll) {
        this.database = database;
        this.wiring = wiring;
        this.poll = poll;
    }

    static BenchPoll create() {
        return create(BenchDatabase.SQLITE, null);
    }

    /** A poll in a new SQLite file in a new folder inside {@code parent} (null: the system's temporary folder). */
    static BenchPoll create(Path parent) {
        return create(BenchDatabase.SQLITE, parent);
    }

    /** A poll in a new database of the kind given: "sqlite" or "postgresql". */
    static BenchPoll create(String kind, Path parent) {
        return create(kind, parent, Map.of());
    }

    /**
     * The same, with settings given as environment variables (the burst lifts the rate limit); the
     * database is the one given, whatever the environment says.
     */
    static BenchPoll create(String kind, Path parent, Map<String, String> environment) {
        BenchDatabase database = BenchDatabase.create(kind, parent);
        // The built-in defaults, whatever configuration lies about: the real env and config file are ignored.
        Config defaults = new ConfigLoader(environment).load(Optional.empty());
        Config config = defaults.withStorage(
                new Config.Storage(database.target(), defaults.storage().poolSize(), BenchDatabase.commits()));
        Wiring wiring = new Wiring(config, Clock.systemUTC());
        return new BenchPoll(database, wiring, createPoll(wiring));
    }

    private static Poll createPoll(Wiring wiring) {
        Caller admin = new Caller(Platform.DISCORD, WORKSPACE, CHANNEL, "admin", true);
        BotReply reply = wiring.bot()
                .handle(
                        admin,
                        new BotCommand.Create(
                                List.of("ai-safety-automation"),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                List.of(),
                                List.of()))
                .toCompletableFuture()
                .join();
        if (reply instanceof BotReply.PollPosted posted) {
            return posted.poll();
        }
        throw new IllegalStateException("could not create the benchmark poll: " + reply);
    }

    Wiring wiring() {
        return wiring;
    }

    Poll poll() {
        return poll;
    }

    Path file() {
        return ((DatabaseTarget.SqliteFile) wiring.config().database()).file();
    }

    /** Closes the database (a second close is harmless) and deletes its folder, or drops it. */
    @Override
    public void close() {
        wiring.close();
        database.close();
    }
}
