package dev.fieldpoll.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statements every vote runs, prepared once per connection and reused: preparing costs
 * SQLite more than running these short queries does. Their users set every parameter and
 * close their result sets, never the statements, which live as long as their connection
 * (sqlite-jdbc closes them with it). A connection serves one thread at a time, so each
 * connection's own map needs no lock; the map of connections is concurrent.
 *
 * <p>sqlite-jdbc finalizes a statement whose run failed with anything but SQLITE_BUSY or a constraint
 * (a full disk, an I/O error, a read-only file) while {@code isClosed()} still says false; reused,
 * it fails with "statement is not executing" forever. So after any failure on a connection, its
 * users {@link #forget} every statement of that connection and the next use prepares them afresh.
 *
 * <p>PostgreSQL's pooled connections are lent as a new wrapper each time, which closes the statements
 * made through it when given back; its driver keeps the prepared form of each query per connection
 * itself. So there, {@link #fresh()} prepares each statement on the spot and keeps nothing.
 */
final class PreparedStatements {

    private final Map<Connection, Map<String, PreparedStatement>> byConnection = new ConcurrentHashMap<>();
    private final boolean reuse;

    private PreparedStatements(boolean reuse) {
        this.reuse = reuse;
    }

    /** Prepared once per connection and kept while it lives (SQLite). */
    static PreparedStatements reused() {
        return new PreparedStatements(true);
    }

    /** Prepared each time, and closed with the borrowed connection (PostgreSQL's pool). */
    static PreparedStatements fresh() {
        return new PreparedStatements(false);
    }

    PreparedStatement of(Connection connection, String sql) throws SQLException {
        if (!reuse) {
            return connection.prepareStatement(sql);
        }
        Map<String, PreparedStatement> statements = byConnection.computeIfAbsent(connection, unused -> new HashMap<>());
        PreparedStatement statement = statements.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    /** Closes and drops every statement prepared on the connection; the next {@link #of} prepares anew. */
    void forget(Connection connection) {
        Map<String, PreparedStatement> statements = byConnection.remove(connection);
        if (statements == null) {
            return;
        }
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException alreadyBroken) {
                // a statement SQLite finalized already: nothing left to free
            }
        }
    }
}
