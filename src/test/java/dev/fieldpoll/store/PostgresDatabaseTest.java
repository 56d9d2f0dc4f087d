package dev.fieldpoll.store;

import static dev.fieldpoll.store.TestPolls.CREATED;
import static dev.fieldpoll.store.TestPolls.MECH_FEEDBACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldpoll.app.Config;
import dev.fieldpoll.app.ConfigLoader;
import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.StoreException;
import dev.fieldpoll.testing.LogCapture;
import dev.fieldpoll.testing.MigrationFiles;
import dev.fieldpoll.testing.TestDatabase;
import dev.fieldpoll.testing.TestPostgres;
import java.net.ServerSocket;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What opening a PostgreSQL database does: migrate, refuse, explain, keep the password to itself. */
class PostgresDatabaseTest {

    @Test
    void migratesAnEmptyDatabaseAndThenSkipsFlywayOnAHistoryFlywayItselfValidates() throws Exception {
        // given
        DatabaseTarget.Postgres target = TestPostgres.newEmptyDatabase();

        // when
        Database.open(target, DatabaseSettings.defaults()).close();

        // then: PostgreSQL's own migrations and the portable ones, under the versions SQLite has
        assertThat(TestPostgres.strings(target, "SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
                .containsExactlyElementsOf(MigrationFiles.versions());
        assertThat(TestPostgres.strings(target, "SELECT script FROM flyway_schema_history ORDER BY installed_rank"))
                .containsExactlyElementsOf(MigrationFiles.migrations(TestDatabase.POSTGRESQL).stream()
                        .map(MigrationFiles.Migration::name)
                        .toList());
        assertThat(TestPostgres.strings(
                        target,
                        "SELECT data_type FROM information_schema.columns "
                                + "WHERE table_name = 'poll' AND column_name IN ('id', 'created_at', 'pseudonym_secret') "
                                + "ORDER BY column_name"))
                .containsExactly("timestamp with time zone", "bigint", "bytea");
        try (LogCapture log = new LogCapture()) {
            Database.open(target, DatabaseSettings.defaults()).close();
            assertThat(log.text())
                    .contains("schema version " + MigrationFiles.latest())
                    .doesNotContain("flywaydb");
        }
        assertThat(PostgresDatabase.migrations(target, errors(target)).requireCurrent())
                .isEqualTo(MigrationFiles.latest());
    }

    @Test
    void twoProcessesStartingAtOnceMigrateOnceBetweenThem() throws Exception {
        // given
        DatabaseTarget.Postgres target = TestPostgres.newEmptyDatabase();
        ExecutorService processes = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);

        // when
        List<Future<Long>> opened = new ArrayList<>();
        for (int process = 0; process < 2; process++) {
            opened.add(processes.submit(() -> {
                start.await();
                try (Database database = Database.open(target, DatabaseSettings.defaults())) {
                    return Commits.create(new SqlPollStore(database, Clock.systemUTC()), TestPolls.newPoll())
                            .id();
                }
            }));
        }
        start.countDown();

        // then: Flyway's lock made one migrate and the other find the schema up to date
        assertThat(opened.get(0).get(2, TimeUnit.MINUTES))
                .isNotEqualTo(opened.get(1).get(2, TimeUnit.MINUTES));
        processes.shutdown();
        assertThat(TestPostgres.strings(target, "SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
                .containsExactlyElementsOf(MigrationFiles.versions());
    }

    @Test
    void refusesAnotherProgramsDatabaseAndLeavesItUntouched() throws Exception {
        // given
        DatabaseTarget.Postgres target = TestPostgres.newEmptyDatabase();
        TestPostgres.executeAsAdmin(target, "CREATE TABLE album (id INTEGER PRIMARY KEY, name TEXT)");

        // when / then
        assertThatThrownBy(() -> Database.open(target, DatabaseSettings.defaults()))
                .isInstanceOf(StoreException.class)
                .hasMessage("The PostgreSQL database " + target.name() + " holds another program's tables (album), "
                        + "so fieldpoll left it untouched. Point database.url at an empty database or a fieldpoll one.")
                .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(StoreException.Kind.NOT_A_DATABASE));
        assertThat(TestPostgres.strings(
                        target, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"))
                .containsExactly("album");
    }

    @Test
    void aServerOutOfReachIsOneClearSentenceAndFast() throws Exception {
        // given a port nobody listens on
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DatabaseTarget.Postgres nowhere = new DatabaseTarget.Postgres(
                "jdbc:postgresql://127.0.0.1:" + port + "/fieldpoll?user=fieldpoll", Optional.empty());

        // when / then
        long started = System.nanoTime();
        assertThatThrownBy(() -> Database.open(nowhere, DatabaseSettings.defaults()))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Cannot reach the PostgreSQL database " + nowhere.name() + " (")
                .hasMessageEndingWith(
                        "Check that the server runs and database.url names it; " + "nothing of this change was saved.");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(10);
    }

    @Test
    void aNewerSchemaIsRefusedWithFieldpollsAdvice() {
        DatabaseTarget.Postgres target = TestPostgres.newDatabase();
        TestPostgres.executeAsAdmin(
                target,
                "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                        + "installed_by, execution_time, success) VALUES (99, '99', 'from the future', 'SQL', "
                        + "'V99__from_the_future.sql', 1, 'postgres', 1, TRUE)");

        assertThatThrownBy(() -> Database.open(target, DatabaseSettings.defaults()))
                .isInstanceOf(StoreException.class)
                .hasMessage("The PostgreSQL database " + target.name() + " was written by a newer fieldpoll (schema "
                        + "version 99; this build knows up to " + MigrationFiles.latest() + "). Run that newer "
                        + "fieldpoll, or point database.url at another database.");
    }

    @Test
    void thePasswordComesFromTheEnvironmentAloneAndIsNeverShownNorLogged() throws Exception {
        // given a database whose role must log in with a password
        String password = "s3cret-" + TestPostgres.uniqueName("pw");
        DatabaseTarget.Postgres withPassword = TestPostgres.databaseWithPassword(password);
        Config config = new ConfigLoader(
                        Map.of("FIELDPOLL_DATABASE_URL", withPassword.url(), "FIELDPOLL_DATABASE_PASSWORD", password))
                .load(Optional.empty());
        DatabaseTarget.Postgres wrong = new DatabaseTarget.Postgres(withPassword.url(), Optional.of("not-" + password));

        try (LogCapture log = new LogCapture()) {
            // when
            try (Database database =
                    Database.open(config.database(), config.storage().settings())) {
                Commits.create(new SqlPollStore(database, Clock.systemUTC()), TestPolls.newPoll());
            }
            Throwable refused = org.assertj.core.api.Assertions.catchThrowable(
                    () -> Database.open(wrong, DatabaseSettings.defaults()));

            // then
            assertThat(config.database()).isEqualTo(withPassword);
            assertThat(refused)
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("The PostgreSQL server refused the login to " + withPassword.name())
                    .hasMessageContaining("FIELDPOLL_DATABASE_PASSWORD");
            assertThat(log.size()).isPositive();
            assertThat(log.text() + refused.getMessage() + config + wrong).doesNotContain(password);
        }
    }

    @Test
    void aPasswordWrittenIntoTheUrlIsMaskedWhereverTheUrlIsShown() {
        DatabaseTarget.Postgres target = new DatabaseTarget.Postgres(
                "jdbc:postgresql://db.example.org/fieldpoll?user=fp&password=hunter2&ssl=true", Optional.empty());

        assertThat(target.name()).isEqualTo("jdbc:postgresql://db.example.org/fieldpoll?user=fp&password=***&ssl=true");
        assertThat(target.toString()).doesNotContain("hunter2");
    }

    @Test
    void aReadOnlyOpenReadsButRefusesToWrite() {
        DatabaseTarget.Postgres target = TestPostgres.newDatabase();
        Poll poll;
        try (Database database = Database.open(target, DatabaseSettings.defaults())) {
            poll = Commits.create(new SqlPollStore(database, Clock.systemUTC()), TestPolls.newPoll());
        }

        try (Database database =
                Database.open(target, DatabaseSettings.defaults().withReadOnly(true))) {
            SqlPollStore store = new SqlPollStore(database, Clock.systemUTC());
            assertThat(store.findById(poll.id())).contains(poll);
            assertThatThrownBy(() ->
                            Commits.save(store, poll.id(), "alice", Map.of(MECH_FEEDBACK, Answer.score(3)), CREATED))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("is read-only")
                    .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(StoreException.Kind.READ_ONLY));
        }
    }

    @Test
    void eitherWayOfCommittingRollsBackAFailedTransactionAndRefusesNesting() {
        for (DatabaseSettings.Commits commits : DatabaseSettings.Commits.values()) {
            DatabaseTarget.Postgres target = TestPostgres.newDatabase();
            try (Database database =
                    Database.open(target, DatabaseSettings.defaults().withCommits(commits))) {
                SqlPollStore store = new SqlPollStore(database, Clock.systemUTC());
                Poll poll = Commits.create(store, TestPolls.newPoll());

                assertThatThrownBy(() -> database.inTransaction(connection -> {
                            try (Statement statement = connection.createStatement()) {
                                statement.executeUpdate("UPDATE poll SET title = 'changed' WHERE id = " + poll.id());
                            }
                            throw new IllegalStateException("boom");
                        }))
                        .hasMessage("boom");
                assertThatThrownBy(() -> database.inTransaction(outer -> database.inTransaction(inner -> null)))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessage("transactions do not nest");

                assertThat(store.findById(poll.id()).orElseThrow().title())
                        .as(commits.name())
                        .isEqualTo(poll.title());
                Commits.save(store, poll.id(), "alice", Map.of(MECH_FEEDBACK, Answer.score(4)), CREATED);
                assertThat(store.ballot(poll.id(), "alice").answers()).containsEntry(MECH_FEEDBACK, Answer.score(4));
            }
        }
    }

    private static PostgresErrors errors(DatabaseTarget.Postgres target) {
        return new PostgresErrors(target, DatabaseSettings.defaults().busyTimeout());
    }
}
