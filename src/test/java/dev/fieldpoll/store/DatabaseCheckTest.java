package dev.fieldpoll.store;

import static dev.fieldpoll.store.TestPolls.CREATED;
import static dev.fieldpoll.store.TestPolls.EVALS_FEEDBACK;
import static dev.fieldpoll.store.TestPolls.MECH_FEEDBACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.StoreException;
import dev.fieldpoll.store.CheckReport.Section;
import dev.fieldpoll.testing.MigrationFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseCheckTest {

    @TempDir
    Path dir;

    @Test
    void aHealthyDatabaseIsReportedSoWhileFieldpollHasItOpen() {
        Path file = dir.resolve("fieldpoll.db");
        try (Database database = Database.open(file)) {
            // given votes still in the write-ahead log of a running fieldpoll
            SqlPollStore store = new SqlPollStore(database, Clock.systemUTC());
            long pollId = Commits.create(store, TestPolls.newPoll()).id();
            Commits.save(
                    store,
                    pollId,
                    "alice",
                    Map.of(MECH_FEEDBACK, Answer.score(4), EVALS_FEEDBACK, Answer.DONT_KNOW),
                    CREATED);
            Commits.save(store, pollId, "bob", Map.of(MECH_FEEDBACK, Answer.score(2)), CREATED);

            // when
            CheckReport report = new DatabaseCheck(file).run();

            // then
            assertThat(report.healthy()).isTrue();
            assertThat(report.sections())
                    .containsExactly(
                            Section.ok("integrity", "ok"),
                            Section.ok("foreign keys", "ok"),
                            Section.ok("schema", "version " + MigrationFiles.latest() + ", up to date"),
                            Section.ok("contents", "1 poll, 2 ballots, 3 answers"));
        }
    }

    @Test
    void aPendingMigrationIsReportedButIsNoProblemAndTheCheckChangesNothing() throws SQLException {
        // given a database of the first build, migrated to V1 only
        Path file = dir.resolve("fieldpoll.db");
        org.flywaydb.core.Flyway.configure()
                .dataSource("jdbc:sqlite:" + file, null, null)
                .locations(SqlDialect.SQLITE.migrationLocations().stream()
                        .map(location -> "classpath:" + location)
                        .toArray(String[]::new))
                .target("1")
                .load()
                .migrate();

        // when
        CheckReport report = new DatabaseCheck(file).run();

        // then
        assertThat(report.healthy()).isTrue();
        assertThat(section(report, "schema").summary())
                .isEqualTo("version 1, " + (MigrationFiles.names().size() - 1) + " migrations pending, applied when "
                        + "fieldpoll next starts: "
                        + String.join(
                                ", ",
                                MigrationFiles.names().stream()
                                        .skip(1)
                                        .map(MigrationFiles::described)
                                        .toList()));
        assertThat(new DatabaseCheck(file).run()).isEqualTo(report);
    }

    @Test
    void aMigrationChangedAfterItWasAppliedIsExplainedWithoutFlywaysAdvice() throws SQLException {
        // given a schema history whose first migration no longer matches this build's
        Path file = dir.resolve("fieldpoll.db");
        Database.open(file).close();
        try (Connection connection = connect(file)) {
            execute(connection, "UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '1'");
        }

        // when
        CheckReport report = new DatabaseCheck(file).run();
        Throwable opening = org.assertj.core.api.Assertions.catchThrowable(() -> Database.open(file));

        // then
        assertThat(section(report, "schema").problems())
                .singleElement()
                .asString()
                .startsWith("V1 ")
                .endsWith(": changed after it was applied");
        assertThat(opening)
                .isInstanceOf(dev.fieldpoll.poll.StoreException.class)
                .hasMessageContaining("has a schema history that does not match this fieldpoll build (V1 ")
                .hasMessageContaining(": changed after it was applied). Restore it from a backup");
        for (String text : List.of(opening.getMessage(), report.toString())) {
            assertThat(text.toLowerCase(java.util.Locale.ROOT))
                    .doesNotContain("repair")
                    .doesNotContain("baseline")
                    .doesNotContain("flyway");
        }
    }

    @Test
    void aDatabaseOfANewerFieldpollIsAProblem() throws SQLException {
        // given
        Path file = dir.resolve("fieldpoll.db");
        Database.open(file).close();
        try (Connection connection = connect(file)) {
            execute(
                    connection,
                    "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                            + "checksum, installed_by, execution_time, success) "
                            + "VALUES (99, '99', 'add future things', 'SQL', 'V99__add_future_things.sql', 1, 'test', 1, 1)");
        }

        // when
        CheckReport report = new DatabaseCheck(file).run();

        // then
        assertThat(report.healthy()).isFalse();
        Section schema = section(report, "schema");
        assertThat(schema.summary())
                .isEqualTo("version 99, written by a newer fieldpoll (this build knows up to " + MigrationFiles.latest()
                        + ")");
        assertThat(schema.problems()).isNotEmpty();
    }

    @Test
    void aVoteForAFieldThatDoesNotExistIsABrokenReference() throws SQLException {
        // given a vote written past the foreign keys, as an old tool or a hand edit could have
        Path file = dir.resolve("fieldpoll.db");
        try (Database database = Database.open(file)) {
            Commits.create(new SqlPollStore(database, Clock.systemUTC()), TestPolls.newPoll());
        }
        try (Connection connection = connect(file)) {
            execute(connection, "PRAGMA foreign_keys = OFF");
            execute(
                    connection,
                    "INSERT INTO vote (poll_id, voter_id, field_key, factor_key, score, updated_at) "
                            + "VALUES (1, 'mallory', 'no-such-field', 'feedback', 3, '2026-03-01T12:00:00.000Z')");
        }

        // when
        CheckReport report = new DatabaseCheck(file).run();

        // then
        assertThat(report.healthy()).isFalse();
        assertThat(section(report, "foreign keys"))
                .isEqualTo(new Section(
                        "foreign keys", "1 broken reference", List.of("vote row 1 refers to a missing poll_field")));
        assertThat(section(report, "integrity").healthy()).isTrue();
    }

    @Test
    void aDamagedPageIsAnIntegrityProblem() throws IOException {
        // given a database whose last pages (votes and their index) were overwritten
        Path file = dir.resolve("fieldpoll.db");
        try (Database database = Database.open(file)) {
            SqlPollStore store = new SqlPollStore(database, Clock.systemUTC());
            long pollId = Commits.create(store, TestPolls.newPoll()).id();
            for (int voter = 0; voter < 500; voter++) {
                Commits.save(
                        store, pollId, "voter-" + voter, Map.of(MECH_FEEDBACK, Answer.score(1 + voter % 5)), CREATED);
            }
        }
        overwriteLastPages(file, 3);

        // when
        CheckReport report = new DatabaseCheck(file).run();

        // then
        assertThat(report.healthy()).isFalse();
        assertThat(section(report, "integrity").problems()).isNotEmpty();
    }

    @Test
    void aMissingFileOrOneThatIsNotSqliteCannotBeChecked() throws IOException {
        Path missing = dir.resolve("missing.db");
        Path notes = Files.writeString(dir.resolve("notes.db"), "not a database ".repeat(500));

        assertThatThrownBy(() -> new DatabaseCheck(missing).run())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("There is no database file " + missing);
        assertThatThrownBy(() -> new DatabaseCheck(notes).run())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is not a SQLite database");
        assertThat(missing).doesNotExist();
    }

    private static Section section(CheckReport report, String name) {
        return report.sections().stream()
                .filter(section -> section.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static void overwriteLastPages(Path file, int pages) throws IOException {
        int pageSize = 4096;
        byte[] garbage = new byte[pageSize * pages];
        Arrays.fill(garbage, (byte) 0x5a);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(garbage), channel.size() - garbage.length);
        }
    }

    private static Connection connect(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
