package dev.fieldpoll.store;

import dev.fieldpoll.poll.NewPoll;
import dev.fieldpoll.poll.Scale;
import dev.fieldpoll.poll.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL of the poll table. */
final class PollTable {

    private static final String INSERT = "INSERT INTO poll (platform, workspace_id, channel_id, title, template_key, "
            + "scale_min, scale_max, results_visibility, created_by, created_at, closes_at, pseudonym_secret, eligible_role, "
            + "higher, announce) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
    private static final String BY_ID = "SELECT " + PollRow.COLUMNS + " FROM poll WHERE id = ?";
    // Platform, workspace and channel in the WHERE clause: an id a client sends never reaches another
    // workspace's poll, nor another channel's.
    private static final String IN_CHANNEL_BY_ID = "SELECT " + PollRow.COLUMNS
            + " FROM poll WHERE id = ? AND platform = ? AND workspace_id = ? AND channel_id = ?";
    private static final String IN_CHANNEL = "SELECT " + PollRow.COLUMNS
            + " FROM poll WHERE platform = ? AND workspace_id = ? AND channel_id = ? ORDER BY created_at DESC, id DESC";
    private static final String NOT_CLOSED_IN_WORKSPACE = "SELECT " + PollRow.COLUMNS
            + " FROM poll WHERE platform = ? AND workspace_id = ? AND closed_at IS NULL ORDER BY created_at DESC, id DESC";
    private static final String CLOSE = "UPDATE poll SET closed_at = ? WHERE id = ? AND closed_at IS NULL";
    private static final String SECRET = "SELECT pseudonym_secret FROM poll WHERE id = ?";
    private static final String SET_MESSAGE = "UPDATE poll SET message_id = ? WHERE id = ?";
    private static final String MESSAGE = "SELECT message_id FROM poll WHERE id = ?";

    private final PreparedStatements prepared;
    private final SqlDialect dialect;

    PollTable(PreparedStatements prepared, SqlDialect dialect) {
        this.prepared = prepared;
        this.dialect = dialect;
    }

    long insert(Connection connection, NewPoll poll, byte[] pseudonymSecret) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            Scale scale = poll.definition().scale();
            insert.setString(1, poll.workspace().platform().name());
            insert.setString(2, poll.workspace().id());
            insert.setString(3, poll.channelId());
            insert.setString(4, poll.title());
            insert.setString(5, poll.templateKey());
            insert.setInt(6, scale.min());
            insert.setInt(7, scale.max());
            insert.setString(8, poll.visibility().name());
            insert.setString(9, poll.createdBy());
            dialect.setTime(insert, 10, poll.createdAt());
            dialect.setTime(insert, 11, poll.closesAt());
            insert.setBytes(12, pseudonymSecret);
            insert.setString(13, poll.eligibleRole());
            insert.setString(14, poll.definition().higher());
            insert.setBoolean(15, poll.announce());
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        }
    }

    /** Reused statement: every vote looks its poll up. */
    Optional<PollRow> byId(Connection connection, long pollId) throws SQLException {
        PreparedStatement select = prepared.of(connection, BY_ID);
        select.setLong(1, pollId);
        return first(select);
    }

    /** Reused statement: every vote looks its poll up. */
    Optional<PollRow> inChannel(Connection connection, Workspace workspace, String channelId, long pollId)
            throws SQLException {
        PreparedStatement select = prepared.of(connection, IN_CHANNEL_BY_ID);
        select.setLong(1, pollId);
        select.setString(2, workspace.platform().name());
        select.setString(3, workspace.id());
        select.setString(4, channelId);
        return first(select);
    }

    List<PollRow> inChannel(Connection connection, Workspace workspace, String channelId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(IN_CHANNEL)) {
            select.setString(1, workspace.platform().name());
            select.setString(2, workspace.id());
            select.setString(3, channelId);
            return rows(select);
        }
    }

    List<PollRow> notClosedIn(Connection connection, Workspace workspace) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(NOT_CLOSED_IN_WORKSPACE)) {
            select.setString(1, workspace.platform().name());
            select.setString(2, workspace.id());
            return rows(select);
        }
    }

    private List<PollRow> rows(PreparedStatement select) throws SQLException {
        List<PollRow> rows = new ArrayList<>();
        try (ResultSet result = select.executeQuery()) {
            while (result.next()) {
                rows.add(PollRow.read(result, dialect));
            }
        }
        return rows;
    }

    /** Sets closed_at unless the poll is closed already; true when it changed. */
    boolean close(Connection connection, long pollId, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(CLOSE)) {
            dialect.setTime(update, 1, at);
            update.setLong(2, pollId);
            return update.executeUpdate() == 1;
        }
    }

    boolean setMessage(Connection connection, long pollId, String messageId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(SET_MESSAGE)) {
            update.setString(1, messageId);
            update.setLong(2, pollId);
            return update.executeUpdate() == 1;
        }
    }

    Optional<String> message(Connection connection, long pollId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(MESSAGE)) {
            select.setLong(1, pollId);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? Optional.ofNullable(result.getString(1)) : Optional.empty();
            }
        }
    }

    Optional<byte[]> pseudonymSecret(Connection connection, long pollId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SECRET)) {
            select.setLong(1, pollId);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? Optional.of(result.getBytes(1)) : Optional.empty();
            }
        }
    }

    private Optional<PollRow> first(PreparedStatement select) throws SQLException {
        try (ResultSet result = select.executeQuery()) {
            return result.next() ? Optional.of(PollRow.read(result, dialect)) : Optional.empty();
        }
    }
}
