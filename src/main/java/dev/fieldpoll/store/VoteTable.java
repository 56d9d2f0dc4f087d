package dev.fieldpoll.store;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.PollStore.AnswerVisitor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** SQL of the vote table: one row per voter × field × factor, score NULL for "don't know". */
final class VoteTable {

    // Standard upsert, the same text on PostgreSQL.
    static final String UPSERT = "INSERT INTO vote (poll_id, voter_id, field_key, factor_key, score, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (poll_id, voter_id, field_key, factor_key) "
            + "DO UPDATE SET score = excluded.score, updated_at = excluded.updated_at";
    /**
     * The poll's removed fields (bound to the poll's id again): their votes stay, unread, until the
     * field is added back. Not correlated, so it is computed once per query, usually empty.
     */
    static final String REMOVED_FIELDS =
            "(SELECT field_key FROM poll_field WHERE poll_id = ? AND removed_at IS NOT NULL)";

    private static final String VISIBLE = " AND field_key NOT IN " + REMOVED_FIELDS;
    private static final String DELETE =
            "DELETE FROM vote WHERE poll_id = ? AND voter_id = ? AND field_key = ? AND factor_key = ?";
    private static final String BALLOT =
            "SELECT field_key, factor_key, score FROM vote WHERE poll_id = ? AND voter_id = ?" + VISIBLE;
    private static final String COUNTS = "SELECT field_key, factor_key, score, COUNT(*) AS answers FROM vote "
            + "WHERE poll_id = ?" + VISIBLE + " GROUP BY field_key, factor_key, score";
    private static final String VOTERS = "SELECT COUNT(DISTINCT voter_id) FROM vote WHERE poll_id = ?" + VISIBLE;
    private static final String ALL = "SELECT voter_id, field_key, factor_key, score FROM vote " + "WHERE poll_id = ?"
            + VISIBLE + " ORDER BY voter_id, field_key, factor_key";
    private static final int STREAM_FETCH_SIZE = 500;

    /** How many answered one cell with one score (null: "don't know"). */
    interface CountVisitor {
        void accept(CellKey cell, Integer score, int answers);
    }

    private final PreparedStatements prepared;
    private final SqlDialect dialect;

    VoteTable(PreparedStatements prepared, SqlDialect dialect) {
        this.prepared = prepared;
        this.dialect = dialect;
    }

    /** Reused statement: every vote runs it. */
    void upsert(Connection connection, long pollId, String voterId, Map<CellKey, Answer> answers, Instant at)
            throws SQLException {
        PreparedStatement upsert = prepared.of(connection, UPSERT);
        upsert.clearBatch(); // what a failed earlier batch may have left
        for (Map.Entry<CellKey, Answer> answer : answers.entrySet()) {
            bindCell(upsert, pollId, voterId, answer.getKey());
            setScore(upsert, 5, answer.getValue());
            dialect.setTime(upsert, 6, at);
            upsert.addBatch();
        }
        upsert.executeBatch();
    }

    int delete(Connection connection, long pollId, String voterId, Collection<CellKey> cells) throws SQLException {
        int removed = 0;
        try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
            for (CellKey cell : cells) {
                bindCell(delete, pollId, voterId, cell);
                removed += delete.executeUpdate();
            }
        }
        return removed;
    }

    /** Reused statement: every vote reads the voter's ballot back. */
    Map<CellKey, Answer> ballot(Connection connection, long pollId, String voterId) throws SQLException {
        Map<CellKey, Answer> answers = new HashMap<>();
        PreparedStatement select = prepared.of(connection, BALLOT);
        select.setLong(1, pollId);
        select.setString(2, voterId);
        select.setLong(3, pollId);
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                // By position, not name: this runs on the committer thread for every vote, and a
                // lookup by name costs sqlite-jdbc a column-name map per result.
                answers.put(new CellKey(row.getString(1), row.getString(2)), answerAt(row, 3));
            }
        }
        return answers;
    }

    void counts(Connection connection, long pollId, CountVisitor visitor) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(COUNTS)) {
            select.setLong(1, pollId);
            select.setLong(2, pollId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    visitor.accept(cell(row), answer(row).valueOrNull(), row.getInt("answers"));
                }
            }
        }
    }

    int voterCount(Connection connection, long pollId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(VOTERS)) {
            select.setLong(1, pollId);
            select.setLong(2, pollId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /**
     * Steps through the rows as the database produces them (PostgreSQL: a fetch at a time, inside the
     * read's transaction), so a poll of any size streams in constant memory.
     */
    void forEach(Connection connection, long pollId, AnswerVisitor visitor) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(ALL)) {
            select.setLong(1, pollId);
            select.setLong(2, pollId);
            select.setFetchSize(STREAM_FETCH_SIZE);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    visitor.accept(row.getString("voter_id"), cell(row), answer(row));
                }
            }
        }
    }

    private static void bindCell(PreparedStatement statement, long pollId, String voterId, CellKey cell)
            throws SQLException {
        statement.setLong(1, pollId);
        statement.setString(2, voterId);
        statement.setString(3, cell.field());
        statement.setString(4, cell.factor());
    }

    private static void setScore(PreparedStatement statement, int index, Answer answer) throws SQLException {
        Integer score = answer.valueOrNull();
        if (score == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, score);
        }
    }

    private static CellKey cell(ResultSet row) throws SQLException {
        return new CellKey(row.getString("field_key"), row.getString("factor_key"));
    }

    private static Answer answer(ResultSet row) throws SQLException {
        return answerAt(row, row.findColumn("score"));
    }

    private static Answer answerAt(ResultSet row, int column) throws SQLException {
        int score = row.getInt(column);
        return row.wasNull() ? Answer.DONT_KNOW : Answer.score(score);
    }
}
