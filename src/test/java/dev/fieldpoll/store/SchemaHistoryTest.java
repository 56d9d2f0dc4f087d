package dev.fieldpoll.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldpoll.poll.StoreException;
import dev.fieldpoll.testing.MigrationFiles;
import dev.fieldpoll.testing.TestDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cheap check that lets a start skip Flyway: only an exact match with Flyway's own history passes. */
class SchemaHistoryTest {

    private static final ClassLoader BUILD = SchemaHistory.class.getClassLoader();
    private static final List<String> SQLITE = SqlDialect.SQLITE.migrationLocations();

    @TempDir
    Path dir;

    @Test
    void aFileFlywayMigratedIsUpToDateWithFlywaysOwnChecksums() {
        // given a new file, migrated by Flyway
        Path file = dir.resolve("fieldpoll.db");
        Database.open(file).close();
        DataSource dataSource = Database.dataSource(file, DatabaseSettings.defaults());

        // when / then: the check reads the history Flyway wrote exactly as it reads the build's migrations
        assertThat(SchemaHistory.bundled(BUILD, SQLITE))
                .hasSize(MigrationFiles.names().size());
        assertThat(SchemaHistory.applied(dataSource)).isEqualTo(SchemaHistory.bundled(BUILD, SQLITE));
        assertThat(SchemaHistory.upToDate(dataSource, BUILD, SQLITE)).contains(MigrationFiles.latest());
    }

    /**
     * src/test/resources/fixtures/written-before-postgresql.db was written by the build before
     * PostgreSQL (commit 9e0de66: `simulate --voters 12 --seed 5`, then two polls and a schedule in the
     * console chat), when V1, V4, V5 and V9 lay in db/migration. They moved to db/vendor/sqlite
     * unchanged, and Flyway keeps a script's name without its folder and a checksum of its content only.
     * V8 (delivery records, issue 11) came after it: the file lacks only that one, which the next open
     * applies out of order, after which the shortcut and Flyway agree the file is current.
     */
    @Test
    void aFileWrittenBeforeTheMigrationsMovedGetsV8AndIsThenUpToDateForTheShortcutAndForFlyway() throws IOException {
        // given
        Path file = dir.resolve("fieldpoll.db");
        Files.copy(Path.of("src/test/resources/fixtures/written-before-postgresql.db"), file);
        DataSource dataSource = Database.dataSource(file, DatabaseSettings.defaults());

        // when / then: only V8 is missing, so the shortcut does not skip Flyway
        assertThat(SchemaHistory.upToDate(dataSource, BUILD, SQLITE)).isEmpty();
        try (Database database = Database.open(file)) {
            SqlPollStore store = new SqlPollStore(database, Clock.systemUTC());
            assertThat(store.findById(1).orElseThrow().title())
                    .isEqualTo("Which AI safety fields get automated first?");
            assertThat(store.voterCount(1)).isEqualTo(12);
            assertThat(store.voterCount(2)).isEqualTo(3);
        }
        // then the shortcut skips Flyway, and Flyway's own validation agrees
        assertThat(SchemaHistory.upToDate(dataSource, BUILD, SQLITE)).contains(MigrationFiles.latest());
        assertThat(new Migrations(file, dataSource, new SqliteErrors(file, java.time.Duration.ofSeconds(5)))
                        .requireCurrent())
                .isEqualTo(MigrationFiles.latest());
    }

    @Test
    void aNewFileIsLeftToFlyway() {
        DataSource dataSource = Database.dataSource(dir.resolve("new.db"), DatabaseSettings.defaults());

        assertThat(SchemaHistory.upToDate(dataSource, BUILD, SQLITE)).isEmpty();
    }

    @Test
    void aChangedMigrationIsLeftToFlywayWhichRefusesIt() {
        // given a migrated file whose history no longer matches the first migration
        Path file = dir.resolve("fieldpoll.db");
        try (Database database = Database.open(file)) {
            update(database, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
        }

        // when / then
        assertThat(SchemaHistory.upToDate(Database.dataSource(file, DatabaseSettings.defaults()), BUILD, SQLITE))
                .isEmpty();
        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("schema history that does not match");
    }

    @Test
    void aFailedMigrationIsLeftToFlyway() {
        Path file = dir.resolve("fieldpoll.db");
        try (Database database = Database.open(file)) {
            update(
                    database,
                    "UPDATE flyway_schema_history SET success = 0 WHERE version = '" + MigrationFiles.latest() + "'");
        }

        assertThat(SchemaHistory.upToDate(Database.dataSource(file, DatabaseSettings.defaults()), BUILD, SQLITE))
                .isEmpty();
    }

    @Test
    void listsTheMigrationsInsideAJar() throws IOException {
        // given fieldpoll's migrations packed in a jar, as fieldpoll.jar holds them
        Path jar = dir.resolve("fieldpoll.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("db/migration/"));
            out.putNextEntry(new JarEntry("db/vendor/"));
            out.putNextEntry(new JarEntry("db/vendor/sqlite/"));
            for (MigrationFiles.Migration migration : MigrationFiles.migrations(TestDatabase.SQLITE)) {
                out.putNextEntry(new JarEntry(migration.location() + "/" + migration.name()));
                out.write(Files.readAllBytes(migration.file()));
            }
            out.putNextEntry(new JarEntry("db/migration/README.txt"));
            write(out, "not a migration");
        }

        // when
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            // then
            assertThat(SchemaHistory.bundled(loader, SQLITE)).isEqualTo(SchemaHistory.bundled(BUILD, SQLITE));
        }
    }

    private static void update(Database database, String sql) {
        database.inTransaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                return statement.executeUpdate(sql);
            }
        });
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
