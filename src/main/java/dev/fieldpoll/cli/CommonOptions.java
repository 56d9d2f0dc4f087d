package dev.fieldpoll.cli;

import dev.fieldpoll.app.Config;
import dev.fieldpoll.app.ConfigLoader;
import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.poll.Poll;
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

    Config load() {
        Config loaded = new ConfigLoader(System.getenv()).load(Optional.ofNullable(config));
        return database == null ? loaded : loaded.withDatabasePath(database);
    }
}
