package dev.fieldpoll.bench;

import dev.fieldpoll.app.Config;
import dev.fieldpoll.app.ConfigLoader;
import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.bot.BotCommand;
import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A fresh SQLite file in a temporary folder (java.io.tmpdir: put it on the disk to measure), wired
 * as the bot runs it, with the default durability, and one open poll of the AI-safety template.
 */
final class BenchPoll implements AutoCloseable {

    static final String WORKSPACE = "bench-guild";
    static final String CHANNEL = "bench-channel";

    private final Path folder;
    private final Wiring wiring;
    private final Poll poll;

    private BenchPoll(Path folder, Wiring wiring, Poll poll) {
        this.folder = folder;
        this.wiring = wiring;
        this.poll = poll;
    }

    static BenchPoll create() {
        return create(null);
    }

    /** A poll in a new folder inside {@code parent} (null: the system's temporary folder). */
    static BenchPoll create(Path parent) {
        return create(parent, Map.of());
    }

    /** The same, with settings given as environment variables (the burst lifts the rate limit). */
    static BenchPoll create(Path parent, Map<String, String> environment) {
        try {
            Path folder = parent == null
                    ? Files.createTempDirectory("fieldpoll-bench")
                    : Files.createTempDirectory(parent, "fieldpoll-bench");
            // The built-in defaults, whatever configuration lies about: the real env and config file are ignored.
            Config config =
                    new ConfigLoader(environment).load(Optional.empty()).withDatabasePath(folder.resolve("bench.db"));
            Wiring wiring = new Wiring(config, Clock.systemUTC());
            return new BenchPoll(folder, wiring, createPoll(wiring));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        return wiring.config().databasePath();
    }

    /** Closes the database (a second close is harmless) and deletes the folder. */
    @Override
    public void close() {
        wiring.close();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
