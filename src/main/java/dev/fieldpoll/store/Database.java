package dev.fieldpoll.store;

import dev.fieldpoll.poll.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * fieldpoll's database, migrated on open: a SQLite file (the default) or a PostgreSQL database
 * ({@link PostgresDatabase}). A few pooled connections for reads, which run concurrently, and
 * writes that run one transaction at a time on a connection of their own ({@link DatabaseWriter}),
 * or on PostgreSQL side by side if so configured ({@link PooledWriter}). The stores speak one SQL
 * to both; {@link #dialect()} holds what differs.
 * Thread-safe: the pools hand each connection to one thread at a time, and the writers keep each
 * transaction on one connection.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final Duration BORROW_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final SqlDialect dialect;
    private final Connections readers;
    private final Writes writer;
    private final StoreErrors errors;
    private final PreparedStatements statements;

    /** @param name the file or the address, for messages and the log: never a password */
    Database(
            String name,
            SqlDialect dialect,
            Connections readers,
            Writes writer,
            StoreErrors errors,
            PreparedStatements statements) {
        this.name = name;
        this.dialect = dialect;
        this.readers = readers;
        this.writer = writer;
        this.errors = errors;
        this.statements = statements;
    }

    /** Opens (or creates) the file with {@link DatabaseSettings#defaults()}. */
    public static Database open(Path file) {
        return open(file, DatabaseSettings.defaults());
    }

    /** Opens the SQLite file or the PostgreSQL database, and brings its schema up to this build. */
    public static Database open(DatabaseTarget target, DatabaseSettings settings) {
        if (target instanceof DatabaseTarget.Postgres postgres) {
            return PostgresDatabase.open(postgres, settings);
        }
        return open(((DatabaseTarget.SqliteFile) target).file(), settings);
    }

    /**
     * Opens the file, creating it and its folders when missing, and brings its schema up to
     * this build. Fails with a {@link StoreException} that says what to fix.
     */
    public static Database open(Path file, DatabaseSettings settings) {
        SqliteErrors errors = new SqliteErrors(file, settings.busyTimeout());
        new DatabaseFile(file, errors).prepare(settings.readOnly());
        // Before the first connection, which switches the file to WAL: another program's file stays as it was.
        DatabaseIdentity.Found found = new DatabaseIdentity(file, errors).check();
        SQLiteDataSource dataSource = dataSource(file, settings);
        ConnectionPool readers = openPool(dataSource, settings.poolSize(), errors);
        ConnectionPool writeConnection;
        try {
            writeConnection = openPool(dataSource, 1, errors);
        } catch (RuntimeException e) {
            readers.close();
            throw e;
        }
        PreparedStatements statements = PreparedStatements.reused();
        Database database = new Database(
                file.toString(),
                SqlDialect.SQLITE,
                readers,
                new DatabaseWriter(writeConnection, errors, statements, SqlDialect.SQLITE),
                errors,
                statements);
        try {
            if (!settings.readOnly() && found != DatabaseIdentity.Found.FIELDPOLL) {
                database.onWriteConnection("mark " + file + " as a fieldpoll database", DatabaseIdentity::mark);
            }
            String version = schemaVersion(file, dataSource, settings, errors);
            log.info(
                    "Opened database {} (schema version {}, {} connections{})",
                    file,
                    version,
                    readers.size() + 1,
                    settings.readOnly() ? ", read-only" : "");
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Flyway migrates (or, read-only, validates) only when the schema history is not exactly this build's. */
    private static String schemaVersion(
            Path file, SQLiteDataSource dataSource, DatabaseSettings settings, SqliteErrors errors) {
        Optional<String> current = SchemaHistory.upToDate(
                dataSource, Database.class.getClassLoader(), SqlDialect.SQLITE.migrationLocations());
        if (current.isPresent()) {
            return current.get();
        }
        Migrations migrations = new Migrations(file, dataSource, errors);
        return settings.readOnly() ? migrations.requireCurrent() : migrations.migrate();
    }

    private static ConnectionPool openPool(SQLiteDataSource dataSource, int size, SqliteErrors errors) {
        try {
            return ConnectionPool.open(dataSource, size, BORROW_TIMEOUT);
        } catch (SQLException e) {
            throw errors.translateOpening(e);
        }
    }

    /** The connection settings every fieldpoll connection to the file shares. */
    static SQLiteDataSource dataSource(Path file, DatabaseSettings settings) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        // Another program holding the lock: SQLite's busy handler retries with growing sleeps (1 ms up to
        // 100 ms) until the busy timeout; only then does a write fail, with SQLITE_BUSY (SqliteErrors).
        config.setBusyTimeout((int) settings.busyTimeout().toMillis());
        config.setSynchronous(
                SQLiteConfig.SynchronousMode.valueOf(settings.synchronous().name()));
        // For JDBC transactions (Flyway's): take the write lock at BEGIN, like inTransaction does.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // Nothing reads generated keys (ids come back through RETURNING); left on, sqlite-jdbc matches
        // every executed INSERT against a regex and prepares and runs SELECT last_insert_rowid() after it:
        // more work on the committer than the vote's own upsert.
        config.setGetGeneratedKeys(false);
        if (settings.readOnly()) {
            config.setReadOnly(true);
        } else {
            // WAL: readers never wait for the writer, and a commit is one append to the log.
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        }
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return dataSource;
    }

    /** The file or the address, for messages and the log: never a password. */
    public String name() {
        return name;
    }

    /** What the SQL of this database says differently. */
    SqlDialect dialect() {
        return dialect;
    }

    /** The statements prepared on this database's connections, kept per connection and dropped after a failure. */
    PreparedStatements statements() {
        return statements;
    }

    /**
     * Runs read work on a pooled connection, concurrently with other reads: in auto-commit mode on
     * SQLite, in one read-only transaction on PostgreSQL (so that a long read streams its rows).
     */
    public <T> T withConnection(SqlWork<T> work) {
        return withConnection("read the database " + name, work);
    }

    /** @param action what the work does, for the message of a failure: "count the votes of poll 3" */
    public <T> T withConnection(String action, SqlWork<T> work) {
        Connection connection;
        try {
            connection = readers.borrow();
        } catch (SQLException e) {
            throw errors.translate(e, action);
        }
        try {
            return work.apply(connection);
        } catch (SQLException e) {
            // sqlite-jdbc finalizes a statement that failed (an I/O error, a damaged page): prepare anew next time
            statements.forget(connection);
            throw errors.translate(e, action);
        } finally {
            readers.giveBack(connection);
        }
    }

    /** Runs write work in one transaction: committed (on disk) when this returns, rolled back when it throws. */
    public <T> T inTransaction(SqlWork<T> work) {
        return inTransaction("write to the database " + name, work);
    }

    /** @param action what the work does, for the message of a failure: "save answers in poll 3" */
    public <T> T inTransaction(String action, SqlWork<T> work) {
        return writer.alone(action, work);
    }

    /** Runs work on the write connection outside any transaction: settings of the connection (pragmas). */
    <T> T onWriteConnection(String action, SqlWork<T> work) {
        return writer.outsideTransaction(action, work);
    }

    /**
     * Like {@link #inTransaction(String, SqlWork)}, but the transaction may be shared with other
     * writes that arrive meanwhile, to share one sync to disk (group commit). Still committed when
     * this returns, and failing alone: when a shared transaction fails, each of its writes is tried
     * again in a transaction of its own. So the work may run twice (the first run rolled back) and
     * must touch nothing but the connection. For small, frequent writes: votes.
     */
    public <T> T inSharedTransaction(String action, SqlWork<T> work) {
        return writer.together(action, work);
    }

    /**
     * {@link #inSharedTransaction(String, SqlWork)} without waiting: the future completes with the
     * work's result once its commit is on disk, or fails with a {@link StoreException}. It completes
     * on the database's committer thread: continue on an executor of your own, never block there.
     */
    public <T> CompletableFuture<T> inSharedTransactionAsync(String action, SqlWork<T> work) {
        return writer.submit(action, work);
    }

    /** From now on every commit of this database is reported to {@code meter} (metrics). */
    public void meterCommits(CommitMeter meter) {
        writer.meter(meter);
    }

    /** Writes accepted and waiting for their commit, for the metrics' queue depth. */
    public int writesQueued() {
        return writer.queued();
    }

    /** Whether a read goes through now (the health check): one trivial query on a pooled connection. */
    public boolean reachable() {
        try {
            return withConnection("check that the database " + name + " answers", connection -> {
                try (var statement = connection.createStatement();
                        var rows = statement.executeQuery("SELECT 1")) {
                    return rows.next();
                }
            });
        } catch (StoreException | IllegalStateException unreachable) {
            log.warn("The health check could not reach the database {}", name, unreachable);
            return false;
        }
    }

    /**
     * Commits the writes already accepted, then closes every connection; call it when no more work
     * comes. SQLite folds the write-ahead log into the file when the last connection closes.
     */
    @Override
    public void close() {
        writer.close();
        readers.close();
        log.info("Closed database {}", name);
    }
}
