package dev.fieldpoll.store;

import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * What vote ingest is measured against in the benchmarks (fieldpoll-bench.jar): answers upserted
 * on one bare JDBC connection with a statement prepared once, to the same schema and with the
 * same settings (WAL, synchronous FULL) as {@link Database}: one row per transaction (the floor),
 * or many rows per transaction (the ceiling: what an ideal group commit could do).
 * Not thread-safe: one thread uses it, as SQLite has one writer.
 */
public final class BareUpserts implements AutoCloseable {

    /** One answer to upsert. */
    public record Row(long pollId, String voterId, CellKey cell, int score) {}

    private final Path file;
    private final Connection connection;
    private final PreparedStatement upsert;
    private final SqliteErrors errors;

    private BareUpserts(Path file, Connection connection, PreparedStatement upsert, SqliteErrors errors) {
        this.file = file;
        this.connection = connection;
        this.upsert = upsert;
        this.errors = errors;
    }

    /** Opens a database that {@link Database#open(Path)} has migrated. */
    public static BareUpserts open(Path file) {
        DatabaseSettings settings = DatabaseSettings.defaults();
        SqliteErrors errors = new SqliteErrors(file, settings.busyTimeout());
        try {
            Connection connection = ConnectionPool.openChecked(Database.dataSource(file, settings));
            return new BareUpserts(file, connection, connection.prepareStatement(VoteTable.UPSERT), errors);
        } catch (SQLException e) {
            throw errors.translateOpening(e);
        }
    }

    /** One row in a transaction of its own: auto-commit, the barest way JDBC has. */
    public void upsert(long pollId, String voterId, CellKey cell, int score, Instant at) {
        try {
            upsert.setLong(1, pollId);
            upsert.setString(2, voterId);
            upsert.setString(3, cell.field());
            upsert.setString(4, cell.factor());
            upsert.setInt(5, score);
            upsert.setString(6, UtcText.format(at));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw errors.translate(e, "upsert a vote into " + file);
        }
    }

    /** All the rows in one transaction: committed (on disk) when this returns, rolled back when it throws. */
    public void upsertAll(List<Row> rows, Instant at) {
        try {
            connection.setAutoCommit(false);
            try {
                String updatedAt = UtcText.format(at);
                for (Row row : rows) {
                    upsert.setLong(1, row.pollId());
                    upsert.setString(2, row.voterId());
                    upsert.setString(3, row.cell().field());
                    upsert.setString(4, row.cell().factor());
                    upsert.setInt(5, row.score());
                    upsert.setString(6, updatedAt);
                    upsert.addBatch();
                }
                upsert.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                upsert.clearBatch();
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw errors.translate(e, "upsert " + rows.size() + " votes into " + file);
        }
    }

    @Override
    public void close() {
        try {
            upsert.close();
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("Could not close " + file + ": " + e.getMessage(), e);
        }
    }
}
