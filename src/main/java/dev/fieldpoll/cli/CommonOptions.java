package dev.fieldpoll.cli;

import dev.fieldpoll.app.Config;
import dev.fieldpoll.app.ConfigLoader;
import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.poll.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every command that opens the database shares. */
public final class CommonOptions {

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Configuration file (default: config/fieldpoll.yml if present).")
    Path config;

    @Option(names = "--db", paramLabel = "PATH", description = "SQLite database file (overrides the configuration).")
    Path database;

    /** A poll of the opened database by id, for trusted local tools; a missing one is one line for the user. */
    static Poll poll(Wiring wiring, long pollId) {
        return wiring.store()
                .findById(pollId)
                .orElseThrow(() -> new UserInputException(
                        "There is no poll #" + pollId + " in " + wiring.config().databasePath() + "."));
    }

    /**
     * The configuration for a tool that reads an existing database (export, summary): a path that
     * names no file is one line for the user, and no empty database is left behind.
     */
    Config loadExisting() {
        Config loaded = load();
        if (!Files.isRegularFile(loaded.databasePath())) {
            throw new UserInputException("There is no database file " + loaded.databasePath()
                    + ". Check --db (or database.path); nothing was created.");
        }
        return loaded;
    }

    Config load() {
        Config loaded = new ConfigLoader(System.getenv()).load(Optional.ofNullable(config));
        return database == null ? loaded : loaded.withDatabasePath(database);
    }
}
