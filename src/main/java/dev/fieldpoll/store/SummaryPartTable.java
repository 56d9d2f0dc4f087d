package dev.fieldpoll.store;

import dev.fieldpoll.summary.SummaryKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** SQL of summary_part (migration V8): the parts of a summary post already delivered. */
final class SummaryPartTable {

    private final SqlDialect dialect;

    SummaryPartTable(SqlDialect dialect) {
        this.dialect = dialect;
    }

    private static final String KEY =
            "platform = ? AND workspace_id = ? AND channel_id = ? AND period = ? AND kind = ?";
    private static final String DELIVERED = "SELECT part FROM summary_part WHERE " + KEY + " AND delivered_at >= ?";
    private static final String RECORD = "INSERT INTO summary_part (platform, workspace_id, channel_id, period, kind, "
            + "part, delivered_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (platform, workspace_id, channel_id, "
            + "period, kind, part) DO UPDATE SET delivered_at = excluded.delivered_at";
    // A summary that never completed leaves rows behind; they are dropped with the next one's.
    private static final String FORGET = "DELETE FROM summary_part WHERE (" + KEY + ") OR delivered_at < ?";

    Set<String> delivered(Connection connection, SummaryKey key, Instant since) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(DELIVERED)) {
            int next = bindKey(select, key);
            dialect.setTime(select, next, since);
            Set<String> parts = new HashSet<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    parts.add(rows.getString(1));
                }
            }
            return parts;
        }
    }

    void record(Connection connection, SummaryKey key, String part, Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(RECORD)) {
            int next = bindKey(insert, key);
            insert.setString(next, part);
            dialect.setTime(insert, next + 1, at);
            insert.executeUpdate();
        }
    }

    void forget(Connection connection, SummaryKey key, Instant staleBefore) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(FORGET)) {
            int next = bindKey(delete, key);
            dialect.setTime(delete, next, staleBefore);
            delete.executeUpdate();
        }
    }

    private int bindKey(PreparedStatement statement, SummaryKey key) throws SQLException {
        statement.setString(1, key.workspace().platform().name());
        statement.setString(2, key.workspace().id());
        statement.setString(3, key.channelId());
        dialect.setDate(statement, 4, key.period());
        statement.setString(5, key.weekly() ? "WEEKLY" : "NOW");
        return 6;
    }
}
