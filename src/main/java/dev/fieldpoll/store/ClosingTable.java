package dev.fieldpoll.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL of poll_closing (migration V8): which polls' closings were handled, and the claims on them. */
final class ClosingTable {

    private final SqlDialect dialect;

    ClosingTable(SqlDialect dialect) {
        this.dialect = dialect;
    }

    // A poll ended at its closed_at (closed by a command) or else at its closes_at (closed by time).
    private static final String UNHANDLED = "SELECT " + PollRow.COLUMNS
            + " FROM poll LEFT JOIN poll_closing ON poll_closing.poll_id = poll.id"
            + " WHERE (poll.closed_at IS NOT NULL OR poll.closes_at <= ?)"
            + " AND (poll_closing.poll_id IS NULL"
            + " OR (poll_closing.handled_at IS NULL AND poll_closing.claimed_at <= ?))"
            + " ORDER BY COALESCE(poll.closed_at, poll.closes_at), poll.id";
    // The WHERE of the upsert makes the claim once-only: a handled closing, or a claim still within its
    // lease, leaves the row untouched and the update count at 0.
    private static final String CLAIM = "INSERT INTO poll_closing (poll_id, claimed_at) VALUES (?, ?) "
            + "ON CONFLICT (poll_id) DO UPDATE SET claimed_at = excluded.claimed_at "
            + "WHERE poll_closing.handled_at IS NULL AND poll_closing.claimed_at <= ?";
    private static final String HANDLED = "UPDATE poll_closing SET handled_at = ? WHERE poll_id = ?";
    private static final String NEXT_CLOSE =
            "SELECT MIN(closes_at) FROM poll WHERE closed_at IS NULL AND closes_at > ?";

    List<PollRow> unhandled(Connection connection, Instant now, Duration lease) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(UNHANDLED)) {
            dialect.setTime(select, 1, now);
            dialect.setTime(select, 2, now.minus(lease));
            List<PollRow> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(PollRow.read(result, dialect));
                }
            }
            return rows;
        }
    }

    boolean claim(Connection connection, long pollId, Instant now, Duration lease) throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setLong(1, pollId);
            dialect.setTime(claim, 2, now);
            dialect.setTime(claim, 3, now.minus(lease));
            return claim.executeUpdate() == 1;
        }
    }

    void handled(Connection connection, long pollId, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(HANDLED)) {
            dialect.setTime(update, 1, at);
            update.setLong(2, pollId);
            update.executeUpdate();
        }
    }

    Optional<Instant> nextClose(Connection connection, Instant after) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(NEXT_CLOSE)) {
            dialect.setTime(select, 1, after);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? Optional.ofNullable(dialect.time(result, 1)) : Optional.empty();
            }
        }
    }
}
