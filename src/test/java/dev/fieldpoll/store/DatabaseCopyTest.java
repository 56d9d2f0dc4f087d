package dev.fieldpoll.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** What `fieldpoll migrate` and a backup from PostgreSQL copy (MigrateCommandTest copies a whole database). */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class DatabaseCopyTest {

    @Parameter
    TestDatabase kind;

    @TempDir
    Path dir;

    /** A migration that adds a table must add it to the copy too, or a migrated database would lose it. */
    @Test
    void theCopyKnowsEveryTableOfTheSchema() {
        try (Database database = Database.open(kind.create(dir), DatabaseSettings.defaults())) {
            List<String> tables = database.withConnection(connection ->
                    kind == TestDatabase.SQLITE ? sqliteTables(connection) : PostgresDatabase.tables(connection));

            assertThat(tables)
                    .filteredOn(table -> !table.equals("flyway_schema_history"))
                    .containsExactlyInAnyOrderElementsOf(DatabaseCopy.TABLES);
        }
    }

    private static List<String> sqliteTables(java.sql.Connection connection) throws java.sql.SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
            while (row.next()) {
                names.add(row.getString(1));
            }
        }
        return names;
    }
}
