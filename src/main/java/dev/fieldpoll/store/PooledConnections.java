package dev.fieldpoll.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL's connections, pooled by HikariCP: it opens them as needed up to the pool's size,
 * checks them, and replaces those a broken network or a restarted server left dead. Giving a
 * connection back closes what the borrower left open on it (statements, a read transaction).
 * Thread-safe, as HikariCP's pool is.
 */
final class PooledConnections implements Connections {

    private static final Logger log = LoggerFactory.getLogger(PooledConnections.class);

    private final HikariDataSource pool;

    PooledConnections(HikariDataSource pool) {
        this.pool = pool;
    }

    DataSource dataSource() {
        return pool;
    }

    @Override
    public Connection borrow() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void giveBack(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("Could not give a database connection back to its pool: {}", e.getMessage());
        }
    }

    @Override
    public Connection replace(Connection broken) {
        pool.evictConnection(broken);
        try {
            return pool.getConnection();
        } catch (SQLException notYet) {
            log.warn("Could not open a new database connection yet: {}", notYet.getMessage());
            return broken;
        }
    }

    @Override
    public int size() {
        return pool.getMaximumPoolSize();
    }

    @Override
    public void close() {
        pool.close();
    }
}
