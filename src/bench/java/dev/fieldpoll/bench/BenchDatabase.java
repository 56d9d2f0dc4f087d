package dev.fieldpoll.bench;

import dev.fieldpoll.store.DatabaseSettings;
import dev.fieldpoll.store.DatabaseTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Where a benchmark keeps its polls: a new SQLite file in a new folder, or a new database on the
 * PostgreSQL server that {@code --database} names (the URL of a database the bench may log in to, as
 * a role that may create databases; its password from FIELDPOLL_DATABASE_PASSWORD), made for the
 * run and dropped after it. The forked benchmark JVMs learn the server and the way of committing
 * from system properties that {@link BenchCli} sets.
 */
final class BenchDatabase implements AutoCloseable {

    static final String SQLITE = "sqlite";
    static final String POSTGRESQL = "postgresql";
    /** The PostgreSQL server's URL, for the forked JVMs. */
    static final String SERVER_PROPERTY = "fieldpoll.bench.postgres";
    /** grouped or plain: how PostgreSQL's writes commit. */
    static final String COMMITS_PROPERTY = "fieldpoll.bench.commits";

    private final DatabaseTarget target;
    private final Path folder;
    private final String serverUrl;
    private final String name;

    private BenchDatabase(DatabaseTarget target, Path folder, String serverUrl, String name) {
        this.target = target;
        this.folder = folder;
        this.serverUrl = serverUrl;
        this.name = name;
    }

    /** A new database of the kind given ("sqlite" in {@code parent}, null: the temporary folder; or "postgresql"). */
    static BenchDatabase create(String kind, Path parent) {
        return switch (kind) {
            case SQLITE -> sqlite(parent);
            case POSTGRESQL -> postgresql();
            default -> throw new IllegalArgumentException("no database kind " + kind + "; sqlite or postgresql");
        };
    }

    private static BenchDatabase sqlite(Path parent) {
        try {
            Path folder = parent == null
                    ? Files.createTempDirectory("fieldpoll-bench")
                    : Files.createTempDirectory(parent, "fieldpoll-bench");
            return new BenchDatabase(new DatabaseTarget.SqliteFile(folder.resolve("bench.db")), folder, null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BenchDatabase postgresql() {
        String server = System.getProperty(SERVER_PROPERTY);
        if (server == null) {
            throw new IllegalStateException("PostgreSQL benchmarks need --database jdbc:postgresql://…");
        }
        String name = "fieldpoll_bench_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(server, "CREATE DATABASE " + name);
        String url = server.replaceFirst("^(jdbc:postgresql://[^/?]*)(/[^?]*)?", "$1/" + name);
        return new BenchDatabase(new DatabaseTarget.Postgres(url, password()), null, server, name);
    }

    /** Fails with one clear sentence, before any benchmark starts, when the server cannot be reached. */
    static void requireReachable(String server) {
        Properties properties = new Properties();
        password().ifPresent(password -> properties.setProperty("password", password));
        try (Connection connection = DriverManager.getConnection(server, properties)) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw new IllegalArgumentException(
                    "Cannot reach the PostgreSQL server of --database " + DatabaseTarget.Postgres.redact(server) + ": "
                            + e.getMessage(),
                    e);
        }
    }

    DatabaseTarget target() {
        return target;
    }

    /** How PostgreSQL commits in this run (--commits); SQLite always shares commits. */
    static DatabaseSettings.Commits commits() {
        return DatabaseSettings.Commits.valueOf(
                System.getProperty(COMMITS_PROPERTY, "grouped").toUpperCase(Locale.ROOT));
    }

    /** Deletes the folder, or drops the database; call it once the poll's wiring is closed. */
    @Override
    public void close() {
        if (name != null) {
            execute(serverUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> password() {
        return Optional.ofNullable(System.getenv("FIELDPOLL_DATABASE_PASSWORD")).filter(text -> !text.isEmpty());
    }

    private static void execute(String url, String sql) {
        Properties properties = new Properties();
        password().ifPresent(password -> properties.setProperty("password", password));
        try (Connection connection = DriverManager.getConnection(url, properties);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("The PostgreSQL server refused " + sql + ": " + e.getMessage(), e);
        }
    }
}
