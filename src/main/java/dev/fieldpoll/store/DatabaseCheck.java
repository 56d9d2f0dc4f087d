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
 * Verifies a database file without changing it, also while fieldpoll runs: SQLite's integrity
 * and foreign key checks, the migrations applied and pending, and what the file holds.
 */
public final class DatabaseCheck {

    private final Path file;

    public DatabaseCheck(Path file) {
        this.file = file;
    }

    /** Throws a StoreException only when the file cannot be opened at all (missing, not SQLite). */
    public CheckReport run() {
        ExistingFile existing = new ExistingFile(file);
        SQLiteDataSource dataSource = existing.dataSource();
        try (Connection connection = existing.connect(dataSource)) {
            List<Section> sections = new ArrayList<>();
            sections.add(guarded("integrity", existing, () -> integrity(connection)));
            sections.add(guarded("foreign keys", existing, () -> foreignKeys(connection)));
            sections.add(
                    guarded("schema", existing, () -> new Migrations(file, dataSource, existing.errors()).status()));
            sections.add(guarded("contents", existing, () -> contents(connection)));
            return new CheckReport(file, sections);
        } catch (SQLException e) {
            throw existing.errors().translate(e, "close " + file);
        }
    }

    private interface Check {
        Section run() throws SQLException;
    }

    /** A check that cannot even run (a damaged page, say) is a problem of its section, not the end of the report. */
    private static Section guarded(String name, ExistingFile existing, Check check) {
        try {
            return check.run();
        } catch (SQLException e) {
            return failed(
                    name, existing.errors().translate(e, "check the " + name).getMessage());
        } catch (RuntimeException e) {
            return failed(name, e.getMessage());
        }
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

    private static Section contents(Connection connection) throws SQLException {
        if (!column(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'vote'")
                .contains("vote")) {
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
