package dev.fieldpoll.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What fieldpoll's SQL says differently on its two databases, and only that: how times and dates
 * are stored, how the writer's transactions begin and end, and which migrations make the schema.
 * Everything else (upserts, RETURNING, claims with ON CONFLICT … WHERE, TRUE and FALSE) is one text
 * for both.
 */
enum SqlDialect {
    /** Times as fixed-width UTC text ({@link UtcText}), dates as ISO text, transactions as SQL. */
    SQLITE,
    /** TIMESTAMPTZ and DATE; connections with auto-commit off, so JDBC begins and ends transactions. */
    POSTGRESQL;

    /** Flyway's locations: the portable migrations, then this database's own. */
    List<String> migrationLocations() {
        return List.of(SchemaHistory.LOCATION, "db/vendor/" + name().toLowerCase(java.util.Locale.ROOT));
    }

    /** Binds a time, to the millisecond (finer is dropped, as both databases keep it); null stays null. */
    void setTime(PreparedStatement statement, int index, Instant time) throws SQLException {
        switch (this) {
            case SQLITE -> statement.setString(index, UtcText.format(time));
            case POSTGRESQL -> {
                if (time == null) {
                    statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    statement.setObject(index, timeValue(time));
                }
            }
        }
    }

    /**
     * A time (not null) as {@link #setTime} binds it, for {@link PreparedStatement#setObject}: for a
     * time bound many times, converted once (a vote binds its time twice per answer).
     */
    Object timeValue(Instant time) {
        return switch (this) {
            case SQLITE -> UtcText.format(time);
            case POSTGRESQL -> OffsetDateTime.ofInstant(time.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
        };
    }

    Instant time(ResultSet row, String column) throws SQLException {
        return switch (this) {
            case SQLITE -> UtcText.parse(row.getString(column));
            case POSTGRESQL -> instant(row.getObject(column, OffsetDateTime.class));
        };
    }

    Instant time(ResultSet row, int column) throws SQLException {
        return switch (this) {
            case SQLITE -> UtcText.parse(row.getString(column));
            case POSTGRESQL -> instant(row.getObject(column, OffsetDateTime.class));
        };
    }

    void setDate(PreparedStatement statement, int index, LocalDate date) throws SQLException {
        switch (this) {
            case SQLITE -> statement.setString(index, date.toString());
            case POSTGRESQL -> statement.setObject(index, date);
        }
    }

    LocalDate date(ResultSet row, int column) throws SQLException {
        return switch (this) {
            case SQLITE -> LocalDate.parse(row.getString(column));
            case POSTGRESQL -> row.getObject(column, LocalDate.class);
        };
    }

    /**
     * Begins a write transaction. SQLite: BEGIN IMMEDIATE, which takes the write lock at once, so a
     * transaction never fails halfway when its first read turns into a write (and not JDBC's
     * setAutoCommit(false): sqlite-jdbc's commit() opens the next transaction at once, which can wait
     * on another process and then fail after this one was committed). PostgreSQL: nothing, as its
     * connections run with auto-commit off and a transaction begins with its first statement.
     */
    void begin(Connection connection, PreparedStatements prepared) throws SQLException {
        if (this == SQLITE) {
            prepared.of(connection, "BEGIN IMMEDIATE").execute();
        }
    }

    void commit(Connection connection, PreparedStatements prepared) throws SQLException {
        switch (this) {
            case SQLITE -> prepared.of(connection, "COMMIT").execute();
            case POSTGRESQL -> connection.commit();
        }
    }

    /**
     * Rolls back whatever transaction a failure left open. SQLite may have rolled back already (after
     * SQLITE_FULL or an I/O error), which is fine; a connection that cannot roll back throws.
     */
    void rollBack(Connection connection) throws SQLException {
        if (this == POSTGRESQL) {
            connection.rollback();
            return;
        }
        try (Statement rollback = connection.createStatement()) {
            rollback.execute("ROLLBACK");
        } catch (SQLException e) {
            if (!SqliteErrors.isNoTransaction(e)) {
                throw e;
            }
        }
    }

    /**
     * Makes the reads that follow on this connection see one moment of the database, until
     * {@link #endSnapshot}: SQLite, a read transaction (WAL keeps writers going beside it);
     * PostgreSQL, a REPEATABLE READ transaction (its connections already run with auto-commit off).
     */
    void beginSnapshot(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(this == SQLITE ? "BEGIN" : "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        }
    }

    void endSnapshot(Connection connection) throws SQLException {
        rollBack(connection);
    }

    /** The highest id the table's key ever gave out, rows deleted since included (0: none yet). */
    long idsGiven(Connection connection, String table) throws SQLException {
        String sql = this == SQLITE
                ? "SELECT seq FROM sqlite_sequence WHERE name = ?"
                : "SELECT pg_sequence_last_value(pg_get_serial_sequence(?, 'id')::regclass)";
        if (this == SQLITE && !hasTable(connection, "sqlite_sequence")) {
            return 0; // no AUTOINCREMENT row was ever written
        }
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, table);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    /** Makes the table's key go on after {@code highest}, so that no id copied in is ever given out again. */
    void continueIdsAfter(Connection connection, String table, long highest) throws SQLException {
        if (highest < 1) {
            return;
        }
        if (this == POSTGRESQL) {
            try (PreparedStatement setval =
                    connection.prepareStatement("SELECT setval(pg_get_serial_sequence(?, 'id'), ?, true)")) {
                setval.setString(1, table);
                setval.setLong(2, highest);
                setval.executeQuery().close();
            }
            return;
        }
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?")) {
            update.setLong(1, highest);
            update.setString(2, table);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)")) {
            insert.setString(1, table);
            insert.setLong(2, highest);
            insert.executeUpdate();
        }
    }

    private static boolean hasTable(Connection connection, String name) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getInt(1) > 0;
            }
        }
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
