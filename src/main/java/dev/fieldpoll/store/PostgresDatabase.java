package dev.fieldpoll.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.fieldpoll.poll.StoreException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens fieldpoll's PostgreSQL database: two HikariCP pools (reads, read-only; writes), a check
 * that the database is empty or fieldpoll's before anything is written to it, and the schema
 * brought up to this build (migrations/postgresql, and the portable migrations/).
 */
final class PostgresDatabase {

    private static final Logger log = LoggerFactory.getLogger(PostgresDatabase.class);
    /** How long a caller waits for a pooled connection, or a new one for the server to answer. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Tables only a fieldpoll database has together (besides Flyway's history). */
    private static final Set<String> FIELDPOLL_TABLES = Set.of("flyway_schema_history", "poll", "vote");

    private PostgresDatabase() {}

    static Database open(DatabaseTarget.Postgres target, DatabaseSettings settings) {
        PostgresErrors errors = new PostgresErrors(target, settings.busyTimeout());
        PooledConnections readers = pool(target, "fieldpoll-read", settings.poolSize(), true, settings, errors);
        PooledConnections writeConnections;
        try {
            boolean grouped = settings.commits() == DatabaseSettings.Commits.GROUPED;
            writeConnections = pool(
                    target,
                    "fieldpoll-write",
                    grouped ? 1 : settings.poolSize(),
                    settings.readOnly(),
                    settings,
                    errors);
        } catch (RuntimeException e) {
            readers.close();
            throw e;
        }
        PreparedStatements statements = PreparedStatements.fresh();
        Database database = new Database(
                target.name(),
                SqlDialect.POSTGRESQL,
                readers,
                writes(writeConnections, errors, statements, settings.commits()),
                errors,
                statements);
        try {
            requireEmptyOrFieldpoll(database, target);
            String version = schemaVersion(target, readers, settings, errors);
            log.info(
                    "Opened database {} (PostgreSQL, schema version {}, {} + {} connections, {} commits{})",
                    target.name(),
                    version,
                    readers.size(),
                    writeConnections.size(),
                    settings.commits().name().toLowerCase(java.util.Locale.ROOT),
                    settings.readOnly() ? ", read-only" : "");
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static Writes writes(
            PooledConnections connections,
            PostgresErrors errors,
            PreparedStatements statements,
            DatabaseSettings.Commits commits) {
        return commits == DatabaseSettings.Commits.GROUPED
                ? new DatabaseWriter(connections, errors, statements, SqlDialect.POSTGRESQL)
                : new PooledWriter(connections, errors, statements, SqlDialect.POSTGRESQL);
    }

    /**
     * A pool whose connections run with auto-commit off (a transaction begins with its first
     * statement), wait {@code busyTimeout} for a row another process holds, and name themselves
     * "fieldpoll" to the server. Connects once now, so a wrong address fails here, not on the first vote.
     */
    private static PooledConnections pool(
            DatabaseTarget.Postgres target,
            String name,
            int size,
            boolean readOnly,
            DatabaseSettings settings,
            PostgresErrors errors) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(target.url());
        target.password().ifPresent(config::setPassword);
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setAutoCommit(false);
        config.setReadOnly(readOnly);
        config.setConnectionTimeout(CONNECT_TIMEOUT.toMillis());
        config.setConnectionInitSql(
                "SET lock_timeout = " + settings.busyTimeout().toMillis());
        config.addDataSourceProperty("ApplicationName", "fieldpoll");
        config.addDataSourceProperty("connectTimeout", Long.toString(CONNECT_TIMEOUT.toSeconds()));
        try {
            return new PooledConnections(new HikariDataSource(config));
        } catch (HikariPool.PoolInitializationException e) {
            if (e.getCause() instanceof SQLException cause) {
                throw errors.unreachable(cause);
            }
            throw new StoreException(
                    "Cannot connect to the PostgreSQL database " + target.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a database that holds another program's tables, before a migration adds fieldpoll's to
     * them: fieldpoll takes an empty database, or its own.
     */
    private static void requireEmptyOrFieldpoll(Database database, DatabaseTarget.Postgres target) {
        List<String> tables = database.withConnection("read the tables of " + target.name(), PostgresDatabase::tables);
        if (tables.isEmpty() || tables.containsAll(FIELDPOLL_TABLES)) {
            return;
        }
        throw new StoreException(
                StoreException.Kind.NOT_A_DATABASE,
                "The PostgreSQL database " + target.name() + " holds another program's tables ("
                        + String.join(", ", tables.stream().limit(5).toList()) + (tables.size() > 5 ? ", …" : "")
                        + "), so fieldpoll left it untouched. Point database.url at an empty database or a "
                        + "fieldpoll one.",
                null);
    }

    /** The tables of the schema fieldpoll works in (the first of the search path: public, unless set otherwise). */
    static List<String> tables(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT table_name FROM information_schema.tables "
                        + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            while (row.next()) {
                names.add(row.getString(1));
            }
        }
        return names;
    }

    /** Flyway migrates (or, read-only, validates) only when the schema history is not exactly this build's. */
    private static String schemaVersion(
            DatabaseTarget.Postgres target,
            PooledConnections readers,
            DatabaseSettings settings,
            PostgresErrors errors) {
        Optional<String> current = SchemaHistory.upToDate(
                readers.dataSource(), Database.class.getClassLoader(), SqlDialect.POSTGRESQL.migrationLocations());
        if (current.isPresent()) {
            return current.get();
        }
        Migrations migrations = migrations(target, errors);
        return settings.readOnly() ? migrations.requireCurrent() : migrations.migrate();
    }

    /**
     * One plain connection (auto-commit on) that changes nothing by itself, for the tools that look at
     * a database as it is ({@code check}); never migrated.
     */
    static Connection connect(DatabaseTarget.Postgres target, PostgresErrors errors) {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", "fieldpoll");
        properties.setProperty("connectTimeout", Long.toString(CONNECT_TIMEOUT.toSeconds()));
        target.password().ifPresent(password -> properties.setProperty("password", password));
        try {
            Connection connection = DriverManager.getConnection(target.url(), properties);
            connection.setReadOnly(true);
            return connection;
        } catch (SQLException e) {
            throw errors.unreachable(e);
        }
    }

    /**
     * Flyway with connections of its own, opened as it needs them: it holds its lock on one while it
     * migrates on another, which a pool of one writer could not give it. Several processes starting
     * at once take turns on that lock; the first migrates, the others find the schema up to date.
     */
    static Migrations migrations(DatabaseTarget.Postgres target, PostgresErrors errors) {
        return new Migrations(
                Migrations.Subject.of(target),
                SqlDialect.POSTGRESQL,
                errors,
                configuration -> configuration.dataSource(
                        target.url(), null, target.password().orElse(null)));
    }
}
