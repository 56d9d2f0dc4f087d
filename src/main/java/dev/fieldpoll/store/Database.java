package dev.fieldpoll.store;

import dev.fieldpoll.poll.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * fieldpoll's SQLite file: migrated on open, a few pooled connections, reads concurrent and
 * writes one at a time. SQLite admits one writer anyway; queuing writers on a lock in this
 * process instead of in SQLite's busy handler keeps them in order and free of SQLITE_BUSY.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final Duration BORROW_TIMEOUT = Duration.ofSeconds(60);

    private final Path file;
    private final ConnectionPool pool;
    private final SqliteErrors errors;
    private final ReentrantLock writeLock = new ReentrantLock();

    private Database(Path file, ConnectionPool pool, SqliteErrors errors) {
        this.file = file;
        this.pool = pool;
        this.errors = errors;
    }

    /** Opens (or creates) the file with {@link DatabaseSettings#defaults()}. */
    public static Database open(Path file) {
        return open(file, DatabaseSettings.defaults());
    }

    /**
     * Opens the file, creating it and its folders when missing, and brings its schema up to
     * this build. Fails with a {@link StoreException} that says what to fix.
     */
    public static Database open(Path file, DatabaseSettings settings) {
        SqliteErrors errors = new SqliteErrors(file, settings.busyTimeout());
        new DatabaseFile(file, errors).prepare(settings.readOnly());
        SQLiteDataSource dataSource = dataSource(file, settings);
        ConnectionPool pool = openPool(dataSource, settings, errors);
        try {
            Migrations migrations = new Migrations(file, dataSource, errors);
            String version = settings.readOnly() ? migrations.requireCurrent() : migrations.migrate();
            log.info("Opened database {} (schema version {}, {} connections{})", file, version, pool.size(),
                    settings.readOnly() ? ", read-only" : "");
            return new Database(file, pool, errors);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static ConnectionPool openPool(SQLiteDataSource dataSource, DatabaseSettings settings, SqliteErrors errors) {
        try {
            return ConnectionPool.open(dataSource, settings.poolSize(), BORROW_TIMEOUT);
        } catch (SQLException e) {
            throw errors.translateOpening(e);
        }
    }

    private static SQLiteDataSource dataSource(Path file, DatabaseSettings settings) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout((int) settings.busyTimeout().toMillis());
        config.setSynchronous(SQLiteConfig.SynchronousMode.valueOf(settings.synchronous().name()));
        // For JDBC transactions (Flyway's): take the write lock at BEGIN, like inTransaction does.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
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

    public Path file() {
        return file;
    }

    /** Runs read work on a pooled connection in auto-commit mode, concurrently with other reads. */
    public <T> T withConnection(SqlWork<T> work) {
        return withConnection("read the database " + file, work);
    }

    /** @param action what the work does, for the message of a failure: "count the votes of poll 3" */
    public <T> T withConnection(String action, SqlWork<T> work) {
        Connection connection = pool.borrow();
        try {
            return work.apply(connection);
        } catch (SQLException e) {
            throw errors.translate(e, action);
        } finally {
            pool.giveBack(connection);
        }
    }

    /** Runs write work in one transaction: committed (on disk) when this returns, rolled back when it throws. */
    public <T> T inTransaction(SqlWork<T> work) {
        return inTransaction("write to the database " + file, work);
    }

    /** @param action what the work does, for the message of a failure: "save answers in poll 3" */
    public <T> T inTransaction(String action, SqlWork<T> work) {
        if (writeLock.isHeldByCurrentThread()) {
            // A nested transaction would wait for a second connection and commit separately.
            throw new IllegalStateException("transactions do not nest");
        }
        writeLock.lock();
        try {
            return withConnection(action, connection -> commitOrRollBack(connection, work));
        } finally {
            writeLock.unlock();
        }
    }

    /*
     * Explicit BEGIN IMMEDIATE / COMMIT rather than JDBC's setAutoCommit(false): sqlite-jdbc's commit()
     * opens the next transaction at once, which can wait on another process and then fail after this
     * transaction was already committed. IMMEDIATE takes the write lock at BEGIN, so a transaction
     * never fails halfway when its first read turns into a write.
     */
    private static <T> T commitOrRollBack(Connection connection, SqlWork<T> work) throws SQLException {
        execute(connection, "BEGIN IMMEDIATE");
        try {
            T result = work.apply(connection);
            execute(connection, "COMMIT");
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            rollBack(connection, e);
            throw e;
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void rollBack(Connection connection, Throwable failure) {
        try {
            execute(connection, "ROLLBACK");
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Closes every connection, after the running write; call it when no more work comes.
     * SQLite folds the write-ahead log into the file when the last connection closes.
     */
    @Override
    public void close() {
        writeLock.lock();
        try {
            pool.close();
            log.info("Closed database {}", file);
        } finally {
            writeLock.unlock();
        }
    }
}
