package dev.fieldpoll.store;

import dev.fieldpoll.store.CheckReport.Section;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sqlite.SQLiteDataSource;

/**
 * Verifies a database without changing it, also while fieldpoll runs: on SQLite the file's integrity
 * and foreign key checks; on PostgreSQL, which checks both itself, the server; on both the
 * migrations applied and pending, and what the database holds.
 */
public final class DatabaseCheck {

    private final DatabaseTarget database;

    public DatabaseCheck(DatabaseTarget database) {
        this.database = database;
    }

    public DatabaseCheck(Path file) {
        this(new DatabaseTarget.SqliteFile(file));
    }

    /** Throws a StoreException only when the database cannot be opened at all (missing, not SQLite, unreachable). */
    public CheckReport run() {
        if (database instanceof DatabaseTarget.Postgres postgres) {
            return postgres(postgres);
        }
        Path file = ((DatabaseTarget.SqliteFile) database).file();
        ExistingFile existing = new ExistingFile(file);
        SQLiteDataSource dataSource = existing.dataSource();
        try (Connection connection = existing.connect(dataSource)) {
            List<Section> sections = new ArrayList<>();
            sections.add(guarded("integrity", existing.errors(), () -> integrity(connection)));
            sections.add(guarded("foreign keys", existing.errors(), () -> foreignKeys(connection)));
            sections.add(guarded(
                    "schema", existing.errors(), () -> new Migrations(file, dataSource, existing.errors()).status()));
            sections.add(guarded("contents", existing.errors(), () -> contents(connection, hasVotes(connection))));
            return new CheckReport(file.toString(), sections);
        } catch (SQLException e) {
            throw existing.errors().translate(e, "close " + file);
        }
    }

    /**
     * PostgreSQL checks its pages (checksums, when the cluster has them on) and enforces the foreign
     * keys on every write itself; what is left to look at is the server, the schema and the contents.
     */
    private static CheckReport postgres(DatabaseTarget.Postgres database) {
        PostgresErrors errors =
                new PostgresErrors(database, DatabaseSettings.defaults().busyTimeout());
        try (Connection connection = PostgresDatabase.connect(database, errors)) {
            List<Section> sections = new ArrayList<>();
            sections.add(guarded("server", errors, () -> server(connection)));
            sections.add(Section.ok(
                    "integrity",
                    "kept by PostgreSQL itself; for a deep check of its pages run pg_amcheck on the database"));
            sections.add(Section.ok("foreign keys", "enforced by PostgreSQL on every write"));
            sections.add(guarded(
                    "schema",
                    errors,
                    () -> PostgresDatabase.migrations(database, errors).status()));
            sections.add(guarded(
                    "contents",
                    errors,
                    () -> contents(
                            connection, PostgresDatabase.tables(connection).contains("vote"))));
            return new CheckReport(database.name(), sections);
        } catch (SQLException e) {
            throw errors.translate(e, "close the connection to " + database.name());
        }
    }

    private interface Check {
        Section run() throws SQLException;
    }

    /** A check that cannot even run (a damaged page, say) is a problem of its section, not the end of the report. */
    private static Section guarded(String name, StoreErrors errors, Check check) {
        try {
            return check.run();
        } catch (SQLException e) {
            return failed(name, errors.translate(e, "check the " + name).getMessage());
        } catch (RuntimeException e) {
            return failed(name, e.getMessage());
        }
    }

    private static Section server(Connection connection) throws SQLException {
        List<String> row = column(
                connection,
                "SELECT current_setting('server_version') || ', database ' "
                        + "|| current_database() || ', schema ' || current_schema() || ', user ' || current_user");
        return Section.ok("server", "PostgreSQL " + row.get(0));
    }

    private static Section failed(String name, String reason) {
        return new Section(name, "check failed", List.of(reason));
    }

    private static Section integrity(Connection connection) throws SQLException {
        List<String> rows = column(connection, "PRAGMA integrity_check");
        if (rows.equals(List.of("ok"))) {
            return Section.ok("integrity", "ok");
        }
        return new Section("integrity", count(rows.size(), "problem"), rows);
    }

    private static Section foreignKeys(Connection connection) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("PRAGMA foreign_key_check")) {
            while (row.next()) {
                problems.add(row.getString("table") + " row " + row.getLong("rowid") + " refers to a missing "
                        + row.getString("parent"));
            }
        }
        return problems.isEmpty()
                ? Section.ok("foreign keys", "ok")
                : new Section("foreign keys", count(problems.size(), "broken reference"), problems);
    }

    private static boolean hasVotes(Connection connection) throws SQLException {
        return column(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'vote'")
                .contains("vote");
    }

    private static Section contents(Connection connection, boolean hasVotes) throws SQLException {
        if (!hasVotes) {
            return Section.ok("contents", "no fieldpoll tables");
        }
        long polls = number(connection, "SELECT COUNT(*) FROM poll");
        long voters =
                number(connection, "SELECT COUNT(*) FROM (SELECT DISTINCT poll_id, voter_id FROM vote) AS ballots");
        long votes = number(connection, "SELECT COUNT(*) FROM vote");
        return Section.ok(
                "contents", count(polls, "poll") + ", " + count(voters, "ballot") + ", " + count(votes, "answer"));
    }

    private static List<String> column(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            while (row.next()) {
                values.add(row.getString(1));
            }
        }
        return values;
    }

    private static long number(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
