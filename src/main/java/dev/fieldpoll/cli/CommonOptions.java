package dev.fieldpoll.cli;

import dev.fieldpoll.app.Config;
import dev.fieldpoll.app.ConfigLoader;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every command that opens the database shares. */
public final class CommonOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: config/fieldpoll.yml if present).")
    Path config;

    @Option(names = "--db", paramLabel = "PATH", description = "SQLite database file (overrides the configuration).")
    Path database;

    Config load() {
        Config loaded = new ConfigLoader(System.getenv()).load(Optional.ofNullable(config));
        return database == null ? loaded : loaded.withDatabasePath(database);
    }
}
