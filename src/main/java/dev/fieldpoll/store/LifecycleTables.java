package dev.fieldpoll.store;

import dev.fieldpoll.poll.EditPlan;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.PollChange;
import dev.fieldpoll.poll.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SQL of a poll's life after creation (migration V11): edits of its fields and settings with their
 * notes, reopening, deletion of every row, and one member's answers forgotten.
 */
final class LifecycleTables {

    /** Every table holding rows of a poll, children before parents: what a delete empties. */
    static final List<String> POLL_ROWS = List.of(
            "poll_round", // its own link only: a poll with a later round is not deleted (rounds go from the latest
            // back)
            "summary_snapshot_cell",
            "summary_snapshot_rank",
            "summary_snapshot",
            "results_post_part",
            "results_post",
            "poll_closing",
            "poll_reminder",
            "poll_page",
            "poll_change",
            "vote",
            "poll_reference",
            "poll_factor",
            "poll_field");

    private static final String REMOVED =
            "SELECT field_key, name, description FROM poll_field WHERE poll_id = ? AND removed_at IS NOT NULL"
                    + " ORDER BY position";
    private static final String RENAME = "UPDATE poll_field SET name = ? WHERE poll_id = ? AND field_key = ?";
    private static final String HIDE = "UPDATE poll_field SET removed_at = ? WHERE poll_id = ? AND field_key = ?";
    private static final String RESTORE =
            "UPDATE poll_field SET removed_at = NULL, name = ? WHERE poll_id = ? AND field_key = ?";
    private static final String NEXT_POSITION =
            "SELECT COALESCE(MAX(position), -1) + 1 FROM poll_field WHERE poll_id = ?";
    private static final String ADD =
            "INSERT INTO poll_field (poll_id, position, field_key, name, description) " + "VALUES (?, ?, ?, ?, ?)";
    private static final String SETTINGS =
            "UPDATE poll SET title = ?, closes_at = ?, results_visibility = ? WHERE id = ?";
    private static final String NEXT_SEQ = "SELECT COALESCE(MAX(seq), 0) + 1 FROM poll_change WHERE poll_id = ?";
    private static final String NOTE =
            "INSERT INTO poll_change (poll_id, seq, changed_at, changed_by, detail) VALUES (?, ?, ?, ?, ?)";
    private static final String CHANGES =
            "SELECT changed_at, detail FROM poll_change " + "WHERE poll_id = ? AND changed_at > ? ORDER BY seq";
    private static final String REMINDER_AGAIN = "UPDATE poll_reminder SET sent_at = NULL WHERE poll_id = ?";
    private static final String REOPEN = "UPDATE poll SET closed_at = NULL, closes_at = ? WHERE id = ?";
    private static final String MESSAGE = "SELECT message_id FROM poll WHERE id = ?";
    private static final String WORKSPACE_POLLS =
            "SELECT id FROM poll WHERE platform = ? AND workspace_id = ? ORDER BY id";
    private static final String FORGET = "DELETE FROM vote WHERE poll_id = ? AND voter_id = ?";
    private static final String COMPLETE = "SELECT COUNT(*) FROM (SELECT voter_id FROM vote WHERE poll_id = ?"
            + " AND field_key NOT IN " + VoteTable.REMOVED_FIELDS
            + " GROUP BY voter_id HAVING COUNT(*) >= ?) AS complete";

    private final SqlDialect dialect;

    LifecycleTables(SqlDialect dialect) {
        this.dialect = dialect;
    }

    List<Field> removed(Connection connection, long pollId) throws SQLException {
        List<Field> fields = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(REMOVED)) {
            select.setLong(1, pollId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    fields.add(new Field(row.getString(1), row.getString(2), row.getString(3)));
                }
            }
        }
        return fields;
    }

    /** Renames, then removals, then restores and additions (at the end of the ballot), then title, close and rule. */
    void edit(Connection connection, long pollId, EditPlan plan, Instant at) throws SQLException {
        for (Map.Entry<String, String> rename : plan.renamed().entrySet()) {
            update(connection, RENAME, rename.getValue(), pollId, rename.getKey());
        }
        for (String key : plan.removed()) {
            try (PreparedStatement hide = connection.prepareStatement(HIDE)) {
                dialect.setTime(hide, 1, at);
                hide.setLong(2, pollId);
                hide.setString(3, key);
                hide.executeUpdate();
            }
        }
        for (Map.Entry<String, String> restore : plan.restored().entrySet()) {
            update(connection, RESTORE, restore.getValue(), pollId, restore.getKey());
        }
        addFields(connection, pollId, plan.added());
        try (PreparedStatement update = connection.prepareStatement(SETTINGS)) {
            update.setString(1, plan.title());
            dialect.setTime(update, 2, plan.closesAt());
            update.setString(3, plan.visibility().name());
            update.setLong(4, pollId);
            update.executeUpdate();
        }
        if (plan.closesChanged()) {
            remindAgain(connection, pollId);
        }
    }

    private void addFields(Connection connection, long pollId, List<Field> fields) throws SQLException {
        if (fields.isEmpty()) {
            return;
        }
        int position = number(connection, NEXT_POSITION, pollId);
        try (PreparedStatement insert = connection.prepareStatement(ADD)) {
            for (Field field : fields) {
                insert.setLong(1, pollId);
                insert.setInt(2, position++);
                insert.setString(3, field.key());
                insert.setString(4, field.name());
                insert.setString(5, field.description());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Records what changed, one row per note, after the poll's earlier changes. */
    void note(Connection connection, long pollId, List<String> notes, String by, Instant at) throws SQLException {
        int seq = number(connection, NEXT_SEQ, pollId);
        try (PreparedStatement insert = connection.prepareStatement(NOTE)) {
            for (String detail : notes) {
                insert.setLong(1, pollId);
                insert.setInt(2, seq++);
                dialect.setTime(insert, 3, at);
                insert.setString(4, by);
                insert.setString(5, detail);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    List<PollChange> changesSince(Connection connection, long pollId, Instant after) throws SQLException {
        List<PollChange> changes = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(CHANGES)) {
            select.setLong(1, pollId);
            dialect.setTime(select, 2, after);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    changes.add(new PollChange(pollId, dialect.time(row, 1), row.getString(2)));
                }
            }
        }
        return changes;
    }

    /**
     * Open again: the closing, its claim and results post are forgotten, so the next close is
     * claimed and posted afresh, and the closing-soon reminder may come again.
     */
    void reopen(Connection connection, long pollId, Instant closesAt) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(REOPEN)) {
            dialect.setTime(update, 1, closesAt);
            update.setLong(2, pollId);
            update.executeUpdate();
        }
        for (String table : List.of("results_post_part", "results_post", "poll_closing")) {
            deleteRows(connection, table, "poll_id", pollId);
        }
        remindAgain(connection, pollId);
    }

    private static void remindAgain(Connection connection, long pollId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(REMINDER_AGAIN)) {
            update.setLong(1, pollId);
            update.executeUpdate();
        }
    }

    /** Every row of the poll, the poll last; its message id, read first. */
    String delete(Connection connection, long pollId) throws SQLException {
        String message;
        try (PreparedStatement select = connection.prepareStatement(MESSAGE)) {
            select.setLong(1, pollId);
            try (ResultSet row = select.executeQuery()) {
                message = row.next() ? row.getString(1) : null;
            }
        }
        for (String table : POLL_ROWS) {
            deleteRows(connection, table, "poll_id", pollId);
        }
        deleteRows(connection, "poll", "id", pollId);
        return message;
    }

    private static void deleteRows(Connection connection, String table, String column, long pollId)
            throws SQLException {
        // table and column come from the constants above, never from a member
        try (PreparedStatement delete =
                connection.prepareStatement("DELETE FROM " + table + " WHERE " + column + " = ?")) {
            delete.setLong(1, pollId);
            delete.executeUpdate();
        }
    }

    List<Long> pollsOf(Connection connection, Workspace workspace) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(WORKSPACE_POLLS)) {
            select.setString(1, workspace.platform().name());
            select.setString(2, workspace.id());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Deletes the voter's answers (removed fields' too) in each poll; the polls where there were some. */
    List<Long> forget(Connection connection, String voterId, List<Long> pollIds) throws SQLException {
        List<Long> changed = new ArrayList<>();
        try (PreparedStatement delete = connection.prepareStatement(FORGET)) {
            for (long pollId : pollIds) {
                delete.setLong(1, pollId);
                delete.setString(2, voterId);
                if (delete.executeUpdate() > 0) {
                    changed.add(pollId);
                }
            }
        }
        return changed;
    }

    int completeBallots(Connection connection, long pollId, int cells) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(COMPLETE)) {
            select.setLong(1, pollId);
            select.setLong(2, pollId);
            select.setInt(3, cells);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static void update(Connection connection, String sql, String name, long pollId, String key)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, name);
            update.setLong(2, pollId);
            update.setString(3, key);
            update.executeUpdate();
        }
    }

    private static int number(Connection connection, String sql, long pollId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, pollId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
