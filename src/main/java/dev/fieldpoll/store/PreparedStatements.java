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
 * connection's own map needs no lock.
 */
final class PreparedStatements {

    private final Map<Connection, Map<String, PreparedStatement>> byConnection = new ConcurrentHashMap<>();

    PreparedStatement of(Connection connection, String sql) throws SQLException {
        Map<String, PreparedStatement> statements = byConnection.computeIfAbsent(connection, unused -> new HashMap<>());
        PreparedStatement statement = statements.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }
}
