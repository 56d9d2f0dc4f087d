package dev.fieldpoll.store;

import static dev.fieldpoll.store.TestPolls.MECH_FEEDBACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.Ballot;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void migratesANewFileInANewFolder() {
        // given
        Path file = dir.resolve("data/fieldpoll.db");

        // when
        try (Database database = Database.open(file)) {
            // then
            assertThat(file).isRegularFile();
            assertThat(appliedMigrations(database))
                    .containsExactlyElementsOf(dev.fieldpoll.testing.MigrationFiles.versions());
            assertThat(tables(database)).contains("poll", "poll_field", "poll_factor", "poll_reference", "vote");
        }
    }

    @Test
    void reopeningAnExistingFileKeepsItsData() {
        // given
        Path file = dir.resolve("fieldpoll.db");
        Poll poll;
        try (Database database = Database.open(file)) {
            SqlPollStore store = new SqlPollStore(database, Clock.systemUTC());
            poll = Commits.create(store, TestPolls.newPoll());
            Commits.save(store, poll.id(), "alice", Map.of(MECH_FEEDBACK, Answer.score(4)), TestPolls.CREATED);
        }

        // when
        try (Database database = Database.open(file)) {
            SqlPollStore store = new SqlPollStore(database, Clock.systemUTC());

            // then
            assertThat(appliedMigrations(database))
                    .containsExactlyElementsOf(dev.fieldpoll.testing.MigrationFiles.versions());
            assertThat(store.findById(poll.id())).contains(poll);
            assertThat(store.ballot(poll.id(), "alice").answers()).isEqualTo(Map.of(MECH_FEEDBACK, Answer.score(4)));
        }
    }

    @Test
    void usesWriteAheadLoggingAndForeignKeysOnEveryConnection() {
        try (Database database = Database.open(dir.resolve("fieldpoll.db"))) {
            for (int i = 0; i < DatabaseSettings.defaults().poolSize() * 2; i++) {
                assertThat(pragma(database, "journal_mode")).isEqualTo("wal");
                assertThat(pragma(database, "foreign_keys")).isEqualTo("1");
                assertThat(pragma(database, "synchronous")).isEqualTo("2"); // FULL
                assertThat(pragma(database, "busy_timeout")).isEqualTo("5000");
            }
        }
    }

    @Test
    void rollsBackEverythingOfATransactionThatThrows() {
        try (Database database = Database.open(dir.resolve("fieldpoll.db"))) {
            // given
            SqlPollStore store = new SqlPollStore(database, Clock.systemUTC());
            Poll poll = Commits.create(store, TestPolls.newPoll());

            // when
            assertThatThrownBy(() -> database.inTransaction(connection -> {
                        try (Statement statement = connection.createStatement()) {
                            statement.executeUpdate("UPDATE poll SET title = 'changed' WHERE id = " + poll.id());
                        }
                        throw new IllegalStateException("boom");
                    }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("boom");

            // then
            assertThat(store.findById(poll.id()).orElseThrow().title()).isEqualTo(poll.title());
            String afterwards = database.inTransaction(connection -> "the connection still writes");
            assertThat(afterwards).isNotNull();
        }
    }

    @Test
    void refusesNestedTransactions() {
        try (Database database = Database.open(dir.resolve("fieldpoll.db"))) {
            assertThatThrownBy(() -> database.inTransaction(outer -> database.inTransaction(inner -> null)))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void refusesAFileThatIsNotSqliteAndLeavesItAlone() throws IOException {
        // given
        Path file = dir.resolve("notes.db");
        byte[] text = randomText(8192).getBytes(StandardCharsets.UTF_8);
        Files.write(file, text);

        // when / then
        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessage("The database file " + file + " is not a SQLite database. "
                        + "Point database.path at a fieldpoll database or a new file.");
        assertThat(Files.readAllBytes(file)).isEqualTo(text);
    }

    @Test
    void refusesAnotherProgramsSqliteFileBeforeChangingAnyByteOfIt() throws Exception {
        // given another program's database, in SQLite's default rollback-journal mode
        Path file = dir.resolve("photos.db");
        try (java.sql.Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = other.createStatement()) {
            statement.execute("CREATE TABLE album (id INTEGER PRIMARY KEY, name TEXT)");
            statement.execute("INSERT INTO album (name) VALUES ('holidays')");
        }
        byte[] before = Files.readAllBytes(file);

        // when / then
        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessage("The database file " + file + " belongs to another program (it holds the tables album), "
                        + "so fieldpoll left it untouched. Point database.path at a fieldpoll database or a new file.")
                .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(StoreException.Kind.NOT_A_DATABASE));
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(dir.resolve("photos.db-wal")).doesNotExist();
        assertThat(dir.resolve("photos.db-shm")).doesNotExist();
    }

    @Test
    void refusesAFileMarkedByAnotherApplicationEvenWithoutTables() throws Exception {
        Path file = dir.resolve("other.db");
        try (java.sql.Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = other.createStatement()) {
            statement.execute("PRAGMA application_id = 1234");
        }
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("belongs to another program (its SQLite application_id is 0x000004d2)");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void marksItsFilesAndAcceptsAnEmptySqliteFileAndAnUnmarkedFieldpollFile() throws Exception {
        // given an empty SQLite file (made by the sqlite3 tool, say) and a fieldpoll file from before the mark
        Path empty = dir.resolve("empty.db");
        try (java.sql.Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + empty);
                Statement statement = other.createStatement()) {
            statement.execute("PRAGMA user_version = 0");
            statement.execute("VACUUM");
        }
        Path early = dir.resolve("early.db");
        try (Database database = Database.open(early)) {
            Commits.create(new SqlPollStore(database, Clock.systemUTC()), TestPolls.newPoll());
            database.inTransaction(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA application_id = 0");
                }
                return null;
            });
        }
        assertThat(applicationId(early)).isZero();

        // when / then
        for (Path file : List.of(empty, early, dir.resolve("new.db"))) {
            try (Database database = Database.open(file)) {
                assertThat(tables(database)).contains("poll");
            }
            assertThat(applicationId(file)).as(file.toString()).isEqualTo(0x66706f6c);
        }
    }

    private static int applicationId(Path file) throws IOException {
        byte[] header = Files.readAllBytes(file);
        return java.nio.ByteBuffer.wrap(header, 68, 4).getInt();
    }

    @Test
    void appliesAMigrationNumberedBelowTheNewestApplied() throws Exception {
        // given a database of a build that had V9 (results pages) but not yet V6 (poll.higher): issues
        // get their migration numbers up front and are merged in any order
        Path file = dir.resolve("fieldpoll.db");
        try (Database database = Database.open(file)) {
            database.inTransaction(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("ALTER TABLE poll DROP COLUMN higher");
                    statement.executeUpdate("DELETE FROM flyway_schema_history WHERE version = '6'");
                }
                return null;
            });
        }
        assertThat(strings(file, "SELECT version FROM flyway_schema_history"))
                .contains("9")
                .doesNotContain("6");

        // when this build opens it
        try (Database database = Database.open(file)) {
            // then the missing migration is applied after the others, and the poll table has its column
            assertThat(appliedMigrations(database))
                    .containsExactlyInAnyOrderElementsOf(dev.fieldpoll.testing.MigrationFiles.versions())
                    .endsWith("6");
            assertThat(strings(database, "SELECT name FROM pragma_table_info('poll')"))
                    .contains("higher");
        }
    }

    /** Reads the file with plain JDBC, without fieldpoll opening (and migrating) it. */
    private static List<String> strings(Path file, String sql) throws java.sql.SQLException {
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (row.next()) {
                values.add(row.getString(1));
            }
            return values;
        }
    }

    @Test
    void refusesADatabaseOfANewerFieldpoll() {
        // given a database that a build with a second migration has used
        Path file = dir.resolve("fieldpoll.db");
        try (Database database = Database.open(file)) {
            database.inTransaction(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate(
                            "INSERT INTO flyway_schema_history (installed_rank, version, description, "
                                    + "type, script, checksum, installed_by, execution_time, success) "
                                    + "VALUES (99, '99', 'add future things', 'SQL', 'V99__add_future_things.sql', 1, 'test', 1, 1)");
                }
                return null;
            });
        }

        // when / then
        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("was written by a newer fieldpoll (schema version 99; this build knows up to "
                        + dev.fieldpoll.testing.MigrationFiles.latest());
    }

    @Test
    void refusesToWriteToAReadOnlyDatabaseAndKeepsItsVotes() throws IOException {
        // given
        Path folder = Files.createDirectory(dir.resolve("data"));
        Path file = folder.resolve("fieldpoll.db");
        long pollId;
        try (Database database = Database.open(file)) {
            SqlPollStore store = new SqlPollStore(database, Clock.systemUTC());
            pollId = Commits.create(store, TestPolls.newPoll()).id();
            Commits.save(store, pollId, "alice", Map.of(MECH_FEEDBACK, Answer.score(2)), TestPolls.CREATED);
        }
        Ballot before = ballotOf(file, pollId);

        Set<PosixFilePermission> fileMode = Files.getPosixFilePermissions(file);
        Set<PosixFilePermission> folderMode = Files.getPosixFilePermissions(folder);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            if (systemRefusesWriting(file)) {
                // when / then: an ordinary user is told when fieldpoll starts
                assertThatThrownBy(() -> Database.open(file))
                        .isInstanceOf(StoreException.class)
                        .hasMessage(
                                "The database file " + file + " is read-only, so fieldpoll cannot save polls or votes. "
                                        + "Make the file and its folder writable for the user running fieldpoll.");
            } else {
                // root writes whatever the mode says; SQLite's own read-only open is then the real check
                assertReadOnlyOpenRefusesVotes(file, pollId, before);
            }
        } finally {
            Files.setPosixFilePermissions(folder, folderMode);
            Files.setPosixFilePermissions(file, fileMode);
        }

        // then
        assertThat(ballotOf(file, pollId)).isEqualTo(before);
    }

    private static void assertReadOnlyOpenRefusesVotes(Path file, long pollId, Ballot before) {
        try (Database database = Database.open(file, DatabaseSettings.defaults().withReadOnly(true))) {
            SqlPollStore store = new SqlPollStore(database, Clock.systemUTC());
            Instant later = TestPolls.CREATED.plusSeconds(60);

            assertThatThrownBy(
                            () -> Commits.save(store, pollId, "alice", Map.of(MECH_FEEDBACK, Answer.score(5)), later))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("Could not save answers in poll " + pollId + ": the database file " + file
                            + " is read-only, so fieldpoll cannot save polls or votes. "
                            + "Make the file and its folder writable for the user running fieldpoll.");
            assertThat(store.ballot(pollId, "alice")).isEqualTo(before);
        }
    }

    @Test
    void readOnlyOpenNeedsAnExistingFile() {
        Path file = dir.resolve("missing.db");

        assertThatThrownBy(() -> Database.open(file, DatabaseSettings.defaults().withReadOnly(true)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("There is no database file " + file);
        assertThat(file).doesNotExist();
    }

    @Test
    void refusesAFolderAsTheDatabasePath() {
        assertThatThrownBy(() -> Database.open(dir))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is a folder");
    }

    /** Whether the operating system stops this user from writing the file (it does not stop root). */
    private static boolean systemRefusesWriting(Path file) throws IOException {
        try (FileChannel ignored = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            return false;
        } catch (AccessDeniedException e) {
            return true;
        }
    }

    private static Ballot ballotOf(Path file, long pollId) {
        try (Database database = Database.open(file, DatabaseSettings.defaults().withReadOnly(true))) {
            return new SqlPollStore(database, Clock.systemUTC()).ballot(pollId, "alice");
        }
    }

    private static List<String> appliedMigrations(Database database) {
        return strings(database, "SELECT version FROM flyway_schema_history WHERE success = 1 ORDER BY installed_rank");
    }

    private static List<String> tables(Database database) {
        return strings(database, "SELECT name FROM sqlite_master WHERE type = 'table'");
    }

    private static String pragma(Database database, String name) {
        return strings(database, "PRAGMA " + name).get(0);
    }

    private static List<String> strings(Database database, String sql) {
        return database.withConnection(connection -> {
            List<String> values = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery(sql)) {
                while (row.next()) {
                    values.add(row.getString(1));
                }
            }
            return values;
        });
    }

    private static String randomText(int length) {
        Random random = new Random(7);
        String letters = "abcdefghijklmnopqrstuvwxyz ,.\n";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(letters.charAt(random.nextInt(letters.length())));
        }
        return text.toString();
    }
}
