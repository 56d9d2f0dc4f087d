package dev.fieldpoll.store;

import dev.fieldpoll.poll.StoreException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Copies every row of one fieldpoll database into another, empty one, between SQLite and
 * PostgreSQL in either direction: polls with their definitions and pseudonym secrets, votes,
 * summary schedules, run claims, snapshots and delivered parts, reminders, handled closings,
 * public pages and the results-page secret. The source is read as one snapshot; the copy is one transaction on the target, committed
 * only once every table holds as many rows as its source and a checksum of the answers matches.
 */
public final class DatabaseCopy {

    /** Every table fieldpoll keeps, parents before children; Flyway's history is each database's own. */
    static final List<String> TABLES = List.of(
            "poll",
            "poll_field",
            "poll_factor",
            "poll_reference",
            "vote",
            "poll_round",
            "summary_schedule",
            "summary_run",
            "summary_snapshot",
            "summary_snapshot_rank",
            "summary_snapshot_cell",
            "summary_part",
            "poll_reminder",
            "poll_closing",
            "poll_page",
            "web_link_secret",
            "results_post",
            "results_post_part",
            "slack_installation",
            "slack_oauth_state",
            "poll_change");

    /** Created with its own random value by migration V9, and replaced by the source's so its links keep working. */
    private static final String REPLACED = "web_link_secret";

    private static final int BATCH = 1_000;
    private static final String ANSWERS =
            "SELECT poll_id, voter_id, field_key, factor_key, score, updated_at FROM vote "
                    + "ORDER BY poll_id, voter_id, field_key, factor_key";

    /** What a copy came to. */
    public sealed interface Outcome permits Copied, TargetNotEmpty {}

    /**
     * Committed and verified.
     *
     * @param rows             rows per table, in {@link #TABLES} order, the same in source and target
     * @param answersChecksum  SHA-256 (hex) over every answer, in key order: poll, voter, field, factor,
     *                         score, time
     */
    public record Copied(Map<String, Long> rows, String answersChecksum) implements Outcome {
        public Copied {
            rows = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rows));
        }
    }

    /** Nothing copied: the target holds fieldpoll data already. @param rows its non-empty tables and their rows */
    public record TargetNotEmpty(Map<String, Long> rows) implements Outcome {
        public TargetNotEmpty {
            rows = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rows));
        }
    }

    /** How a column's values travel: times and dates through each side's dialect, the rest as they are. */
    private enum Kind {
        TEXT,
        INTEGER,
        REAL,
        BYTES,
        BOOLEAN,
        TIME,
        DATE
    }

    private record Column(String name, Kind kind) {}

    private final Database source;
    private final Database target;

    public DatabaseCopy(Database source, Database target) {
        this.source = source;
        this.target = target;
    }

    /** Copies everything, or nothing when the target holds data; fails (changing nothing) when the check fails. */
    public Outcome run() {
        return target.inTransaction(
                "copy " + source.name() + " into " + target.name(),
                into -> source.withConnection("read " + source.name() + " for a copy", from -> {
                    source.dialect().beginSnapshot(from);
                    try {
                        return copy(from, into);
                    } finally {
                        source.dialect().endSnapshot(from);
                    }
                }));
    }

    private Outcome copy(Connection from, Connection into) throws SQLException {
        Map<String, Long> present = new LinkedHashMap<>();
        for (Map.Entry<String, Long> table : counts(into).entrySet()) {
            if (table.getValue() > 0 && !table.getKey().equals(REPLACED)) {
                present.put(table.getKey(), table.getValue());
            }
        }
        if (!present.isEmpty()) {
            return new TargetNotEmpty(present);
        }
        Map<String, Long> expected = counts(from);
        clear(into, REPLACED);
        for (String table : TABLES) {
            copyTable(from, into, table);
        }
        long highestId = Math.max(source.dialect().idsGiven(from, "poll"), maxId(into));
        target.dialect().continueIdsAfter(into, "poll", highestId);
        String copiedSum = checksum(into, target.dialect());
        verify(expected, counts(into), checksum(from, source.dialect()), copiedSum);
        return new Copied(expected, copiedSum);
    }

    /** Thrown inside the transaction, so a copy that does not match its source is rolled back, not kept. */
    private void verify(Map<String, Long> expected, Map<String, Long> copied, String sourceSum, String copiedSum) {
        if (!expected.equals(copied) || !sourceSum.equals(copiedSum)) {
            throw new StoreException(
                    "The copy of " + source.name() + " did not match its source (rows " + expected + " against "
                            + copied + ", answers " + sourceSum + " against " + copiedSum + "), so nothing was kept in "
                            + target.name() + ".",
                    null);
        }
    }

    private void copyTable(Connection from, Connection into, String table) throws SQLException {
        List<Column> columns = columns(from, into, table);
        String names = String.join(", ", columns.stream().map(Column::name).toList());
        String marks = String.join(", ", columns.stream().map(column -> "?").toList());
        try (PreparedStatement select = from.prepareStatement("SELECT " + names + " FROM " + table);
                PreparedStatement insert =
                        into.prepareStatement("INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")")) {
            select.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    for (int i = 0; i < columns.size(); i++) {
                        transfer(columns.get(i).kind(), row, i + 1, insert);
                    }
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    private void transfer(Kind kind, ResultSet row, int index, PreparedStatement insert) throws SQLException {
        switch (kind) {
            case TIME ->
                target.dialect().setTime(insert, index, source.dialect().time(row, index));
            case DATE -> {
                String text = row.getString(index);
                if (text == null) {
                    insert.setNull(index, Types.DATE);
                } else {
                    target.dialect().setDate(insert, index, source.dialect().date(row, index));
                }
            }
            case INTEGER -> {
                long value = row.getLong(index);
                if (row.wasNull()) {
                    insert.setNull(index, Types.BIGINT);
                } else {
                    insert.setLong(index, value);
                }
            }
            case REAL -> {
                double value = row.getDouble(index);
                if (row.wasNull()) {
                    insert.setNull(index, Types.DOUBLE);
                } else {
                    insert.setDouble(index, value);
                }
            }
            case BOOLEAN -> {
                boolean value = row.getBoolean(index);
                if (row.wasNull()) {
                    insert.setNull(index, Types.BOOLEAN);
                } else {
                    insert.setBoolean(index, value);
                }
            }
            case BYTES -> insert.setBytes(index, row.getBytes(index));
            case TEXT -> insert.setString(index, row.getString(index));
        }
    }

    /**
     * The target's columns of a table, each with how its values travel: the PostgreSQL side's types
     * say which columns hold times, dates and flags (SQLite keeps them as text and integers). The source
     * must have the same columns: both are at this build's schema.
     */
    private List<Column> columns(Connection from, Connection into, String table) throws SQLException {
        Map<String, String> targetTypes = types(into, table);
        Map<String, String> sourceTypes = types(from, table);
        if (!sourceTypes.keySet().equals(targetTypes.keySet())) {
            throw new StoreException(
                    "The table " + table + " has the columns " + sourceTypes.keySet() + " in " + source.name()
                            + " but " + targetTypes.keySet() + " in " + target.name()
                            + "; a copy needs both at this fieldpoll's schema.",
                    null);
        }
        Map<String, String> typed = target.dialect() == SqlDialect.POSTGRESQL ? targetTypes : sourceTypes;
        List<Column> columns = new ArrayList<>();
        for (Map.Entry<String, String> column : typed.entrySet()) {
            columns.add(new Column(column.getKey(), kind(column.getValue())));
        }
        return columns;
    }

    private static Map<String, String> types(Connection connection, String table) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet none = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData meta = none.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                types.put(meta.getColumnName(i).toLowerCase(Locale.ROOT), meta.getColumnTypeName(i));
            }
        }
        return types;
    }

    /** PostgreSQL's type names, or SQLite's declared types (which hold times and flags as text and integers). */
    private static Kind kind(String typeName) {
        return switch (typeName.toLowerCase(Locale.ROOT)) {
            case "timestamptz", "timestamp" -> Kind.TIME;
            case "date" -> Kind.DATE;
            case "bool", "boolean" -> Kind.BOOLEAN;
            case "bytea", "blob" -> Kind.BYTES;
            case "int2", "int4", "int8", "integer", "bigint", "smallint", "serial", "bigserial" -> Kind.INTEGER;
            case "float4", "float8", "real", "double precision", "double" -> Kind.REAL;
            default -> Kind.TEXT;
        };
    }

    private static Map<String, Long> counts(Connection connection) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    row.next();
                    counts.put(table, row.getLong(1));
                }
            }
        }
        return counts;
    }

    private static void clear(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM " + table);
        }
    }

    private static long maxId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT COALESCE(MAX(id), 0) FROM poll")) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * SHA-256 over every answer in key order (the key columns sort bytewise on both databases), each
     * as poll, voter, field, factor, score (empty for "don't know") and time in epoch milliseconds.
     */
    static String checksum(Connection connection, SqlDialect dialect) throws SQLException {
        MessageDigest digest = sha256();
        try (PreparedStatement select = connection.prepareStatement(ANSWERS)) {
            select.setFetchSize(BATCH);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    int score = row.getInt(5);
                    String scoreText = row.wasNull() ? "" : Integer.toString(score);
                    Instant at = dialect.time(row, 6);
                    String line = row.getLong(1) + "\t" + row.getString(2) + "\t" + row.getString(3) + "\t"
                            + row.getString(4) + "\t" + scoreText + "\t" + at.toEpochMilli() + "\n";
                    digest.update(line.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
