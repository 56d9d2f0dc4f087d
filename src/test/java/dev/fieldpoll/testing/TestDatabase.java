package dev.fieldpoll.testing;

import dev.fieldpoll.store.DatabaseTarget;
import java.nio.file.Path;

/**
 * The two databases every store test runs against: {@code @ParameterizedClass @EnumSource(TestDatabase.class)}
 * runs a test class once for each.
 */
public enum TestDatabase {
    SQLITE,
    POSTGRESQL;

    /**
     * A new, empty database of this kind: a file in the folder (created on first open), or a new
     * database on the test PostgreSQL server (skipping the test when there is none, failing under CI).
     */
    public DatabaseTarget create(Path folder) {
        return this == SQLITE
                ? new DatabaseTarget.SqliteFile(folder.resolve("fieldpoll.db"))
                : TestPostgres.newDatabase();
    }

    /** SQL that reads a time column as fixed-width UTC text, "2026-03-01T13:05:09.123Z", on this database. */
    public String utcText(String column) {
        return this == SQLITE
                ? column
                : "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";
    }
}
