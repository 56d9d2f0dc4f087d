package dev.fieldpoll.cli;

import dev.fieldpoll.app.Config;
import dev.fieldpoll.app.ConfigLoader;
import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.store.DatabaseTarget;
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

    @Option(
            names = "--db",
            paramLabel = "PATH|URL",
            description = "The database (overrides the configuration): a SQLite file, or a PostgreSQL URL "
                    + "jdbc:postgresql://HOST:PORT/DATABASE?user=USER (password from FIELDPOLL_DATABASE_PASSWORD).")
    String database;

    /** A poll of the opened database by id, for trusted local tools; a missing one is one line for the user. */
    static Poll poll(Wiring wiring, long pollId) {
        return wiring.store()
                .findById(pollId)
                .orElseThrow(() -> new UserInputException("There is no poll #" + pollId + " in "
                        + wiring.config().database().name() + "."));
    }

    /**
     * The configuration for a tool that reads an existing database (export, summary): a path that
     * names no file is one line for the user, and no empty database is left behind.
     */
    Config loadExisting() {
        Config loaded = load();
        if (loaded.database() instanceof DatabaseTarget.SqliteFile sqlite && !Files.isRegularFile(sqlite.file())) {
            throw new UserInputException("There is no database file " + sqlite.file()
                    + ". Check --db (or database.path); nothing was created.");
        }
        return loaded;
    }

    Config load() {
        Config loaded = new ConfigLoader(System.getenv()).load(Optional.ofNullable(config));
        return database == null ? loaded : loaded.withDatabase(target(database));
    }

    /** A file path or a PostgreSQL URL given on the command line; the password comes from the environment. */
    static DatabaseTarget target(String pathOrUrl) {
        try {
            return DatabaseTarget.parse(pathOrUrl, Optional.ofNullable(System.getenv("FIELDPOLL_DATABASE_PASSWORD")));
        } catch (IllegalArgumentException wrong) {
            throw new UserInputException(wrong.getMessage());
        }
    }

    /** The database as a person finds it: a file by its absolute path, PostgreSQL by its address. */
    static String shown(DatabaseTarget database) {
        return database instanceof DatabaseTarget.SqliteFile sqlite
                ? sqlite.file().toAbsolutePath().toString()
                : database.name();
    }
}
