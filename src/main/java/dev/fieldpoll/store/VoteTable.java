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
import java.util.Objects;

/** SQL of the vote table: one row per voter × field × factor, score NULL for "don't know". */
final class VoteTable {

    private static final String CONFLICT = " ON CONFLICT (poll_id, voter_id, field_key, factor_key) "
            + "DO UPDATE SET score = excluded.score, updated_at = excluded.updated_at";
    /** Standard upsert, the same text on PostgreSQL: the benchmarks' bare ceiling and floor write this. */
    static final String UPSERT = "INSERT INTO vote (poll_id, voter_id, field_key, factor_key, score, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?)" + CONFLICT;
    /**
     * The poll is open when the vote is written: not closed by hand, and its close time (if any) after
     * the vote's time. Part of every statement a vote runs, so a vote checked against a cached or stale
     * poll (another process closed it) still changes nothing once the poll has closed.
     */
    private static final String POLL_OPEN =
            "EXISTS (SELECT 1 FROM poll WHERE id = ? AND closed_at IS NULL AND (closes_at IS NULL OR closes_at > ?))";
    // A SELECT with a WHERE clause, not VALUES, so that a closed poll inserts nothing (SQLite needs
    // that WHERE before ON CONFLICT anyway).
    private static final String UPSERT_IF_OPEN =
            "INSERT INTO vote (poll_id, voter_id, field_key, factor_key, score, updated_at) "
                    + "SELECT ?, ?, ?, ?, ?, ? WHERE " + POLL_OPEN + CONFLICT;
    private static final String DELETE_IF_OPEN =
            "DELETE FROM vote WHERE poll_id = ? AND voter_id = ? AND field_key = ? AND factor_key = ? AND " + POLL_OPEN;
    private static final String IS_OPEN = "SELECT " + POLL_OPEN;
    /**
     * The poll's removed fields (bound to the poll's id again): their votes stay, unread, until the
     * field is added back. Not correlated, so it is computed once per query, usually empty.
     */
    static final String REMOVED_FIELDS =
            "(SELECT field_key FROM poll_field WHERE poll_id = ? AND removed_at IS NOT NULL)";

    private static final String VISIBLE = " AND field_key NOT IN " + REMOVED_FIELDS;
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

    /**
     * A vote's time as the statements bind it, converted by the voting thread: the committer, whom
     * every vote waits for, only binds it.
     */
    record VoteTime(Object bound) {
        VoteTime {
            Objects.requireNonNull(bound, "bound");
        }
    }

    VoteTime voteTime(Instant at) {
        return new VoteTime(dialect.timeValue(at));
    }

    /**
     * Reused statement, one batch: every vote runs it. Writes the answers only while the poll is open
     * at {@code at}; false when it was not, and nothing was written.
     */
    boolean upsertIfOpen(Connection connection, long pollId, String voterId, Map<CellKey, Answer> answers, VoteTime at)
            throws SQLException {
        PreparedStatement upsert = prepared.of(connection, UPSERT_IF_OPEN);
        upsert.clearBatch(); // what a failed earlier batch may have left
        Object time = at.bound();
        if (answers.size() == 1) {
            // One answer (a click on the ballot, the common vote): no batch to build and unpack.
            bindUpsert(upsert, pollId, voterId, answers.entrySet().iterator().next(), time);
            return upsert.executeUpdate() != 0;
        }
        for (Map.Entry<CellKey, Answer> answer : answers.entrySet()) {
            bindUpsert(upsert, pollId, voterId, answer, time);
            upsert.addBatch();
        }
        int[] written = upsert.executeBatch();
        // Every row of a batch sees the same poll row (one transaction, one writer): all written or none.
        return written.length > 0 && written[0] != 0;
    }

    private static void bindUpsert(
            PreparedStatement upsert, long pollId, String voterId, Map.Entry<CellKey, Answer> answer, Object time)
            throws SQLException {
        bindCell(upsert, pollId, voterId, answer.getKey());
        setScore(upsert, 5, answer.getValue());
        upsert.setObject(6, time);
        upsert.setLong(7, pollId);
        upsert.setObject(8, time);
    }

    /** Removes the voter's answers to the cells while the poll is open at {@code at}; none when it is not. */
    void deleteIfOpen(Connection connection, long pollId, String voterId, Collection<CellKey> cells, Instant at)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE_IF_OPEN)) {
            for (CellKey cell : cells) {
                bindCell(delete, pollId, voterId, cell);
                bindOpen(delete, 5, pollId, at);
                delete.executeUpdate();
            }
        }
    }

    /** Whether the poll is open at {@code at}, read inside the write's transaction (for a change that only clears). */
    boolean isOpen(Connection connection, long pollId, Instant at) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(IS_OPEN)) {
            bindOpen(select, 1, pollId, at);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private void bindOpen(PreparedStatement statement, int index, long pollId, Instant at) throws SQLException {
        statement.setLong(index, pollId);
        dialect.setTime(statement, index + 1, at);
    }

    /** Reused statement: every vote's reply reads the voter's ballot, after the commit, on a reader connection. */
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
