package dev.fieldpoll.store;

import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The floor that group commit is measured against in the benchmarks (fieldpoll-bench.jar): answers upserted
 * one row per transaction, on one bare JDBC connection with a statement prepared once, to the
 * same schema and with the same settings (WAL, synchronous FULL) as {@link Database}.
 */
public final class SingleRowUpserts implements AutoCloseable {

    private final Path file;
    private final Connection connection;
    private final PreparedStatement upsert;
    private final SqliteErrors errors;

    private SingleRowUpserts(Path file, Connection connection, PreparedStatement upsert, SqliteErrors errors) {
        this.file = file;
        this.connection = connection;
        this.upsert = upsert;
        this.errors = errors;
    }

    /** Opens a database that {@link Database#open(Path)} has migrated. */
    public static SingleRowUpserts open(Path file) {
        DatabaseSettings settings = DatabaseSettings.defaults();
        SqliteErrors errors = new SqliteErrors(file, settings.busyTimeout());
        try {
            Connection connection = ConnectionPool.openChecked(Database.dataSource(file, settings));
            return new SingleRowUpserts(file, connection, connection.prepareStatement(VoteTable.UPSERT), errors);
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
