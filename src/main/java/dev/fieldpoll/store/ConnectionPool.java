package dev.fieldpoll.store;

import dev.fieldpoll.poll.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed set of open connections handed out one caller at a time (a blocking queue of the idle
 * ones; the list of all is copy-on-write, as a broken one may be replaced). SQLite connections are cheap
 * to keep and costly to open (pragmas, schema parsing), and a handful covers a bot's concurrency.
 */
final class ConnectionPool implements Connections {

    private static final Logger log = LoggerFactory.getLogger(ConnectionPool.class);

    private final DataSource dataSource;
    private final List<Connection> all;
    private final BlockingQueue<Connection> idle;
    private final Duration borrowTimeout;
    private volatile boolean closed;

    private ConnectionPool(DataSource dataSource, List<Connection> all, Duration borrowTimeout) {
        this.dataSource = dataSource;
        this.all = new CopyOnWriteArrayList<>(all);
        this.idle = new ArrayBlockingQueue<>(all.size(), false, all);
        this.borrowTimeout = borrowTimeout;
    }

    /** Opens every connection now, so a foreign or unreadable file fails here and not on the first vote. */
    static ConnectionPool open(DataSource dataSource, int size, Duration borrowTimeout) throws SQLException {
        List<Connection> opened = new ArrayList<>(size);
        try {
            for (int i = 0; i < size; i++) {
                opened.add(openChecked(dataSource));
            }
        } catch (SQLException | RuntimeException e) {
            closeAll(opened);
            throw e;
        }
        return new ConnectionPool(dataSource, opened, borrowTimeout);
    }

    /** One connection, already proven to read the file. */
    static Connection openChecked(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        // SQLite reads the file lazily; reading the schema proves it is a database we can read.
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT count(*) FROM sqlite_master").close();
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    @Override
    public Connection borrow() {
        requireOpen();
        try {
            Connection connection = idle.poll(borrowTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (connection == null) {
                throw new StoreException(
                        "All " + all.size() + " database connections stayed in use for " + borrowTimeout.toSeconds()
                                + " s; a slow export or a stuck request holds them.",
                        null);
            }
            return connection;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting for a database connection.", e);
        }
    }

    @Override
    public void giveBack(Connection connection) {
        idle.add(connection);
    }

    /** SQLite's connections open anew from the file; when that fails too, the old one stays and is tried again. */
    @Override
    public Connection replace(Connection broken) {
        try {
            Connection fresh = openChecked(dataSource);
            all.set(all.indexOf(broken), fresh);
            closeAll(List.of(broken));
            log.info("Replaced a database connection that could not recover from a failed transaction");
            return fresh;
        } catch (SQLException | RuntimeException notYet) {
            log.warn("Could not open a new database connection yet", notYet);
            return broken;
        }
    }

    @Override
    public int size() {
        return all.size();
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the database is closed");
        }
    }

    @Override
    public void close() {
        closed = true;
        closeAll(all);
    }

    private static void closeAll(List<Connection> connections) {
        for (Connection connection : connections) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.warn("Could not close a database connection", e);
            }
        }
    }
}
