package dev.fieldpoll.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.EditPlan;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.testing.MigrationFiles;
import dev.fieldpoll.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A database made before issue 14 (every migration of this build but V11, so the schema of main's
 * jar up to V16, built in the test) with a poll and votes written by plain SQL, opened by this
 * build: V11 is applied out of order, in place, and the poll and its votes are intact and editable.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class UpgradeBeforeLifecycleTest {

    private static final Instant CREATED = Instant.parse("2026-11-20T10:00:00Z");

    @Parameter
    TestDatabase kind;

    @TempDir
    Path dir;

    @Test
    void a_database_from_before_v11_upgrades_in_place_with_its_polls_and_votes() throws Exception {
        // given a database with main's migrations only, and a poll with two voters
        DatabaseTarget target =
                kind == TestDatabase.SQLITE ? kind.create(dir) : dev.fieldpoll.testing.TestPostgres.newEmptyDatabase();
        Path before = Files.createDirectory(dir.resolve("before-v11"));
        for (MigrationFiles.Migration migration : MigrationFiles.migrations(kind)) {
            if (!migration.name().startsWith("V11__")) {
                Files.copy(migration.file(), before.resolve(migration.name()));
            }
        }
        String url = target instanceof DatabaseTarget.Postgres postgres
                ? postgres.url()
                : "jdbc:sqlite:" + ((DatabaseTarget.SqliteFile) target).file();
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("filesystem:" + before)
                .load()
                .migrate();
        try (Connection connection = DriverManager.getConnection(url)) {
            writeOldPoll(connection);
        }

        // when this build opens it
        Database database = Database.open(target, DatabaseSettings.defaults());
        try {
            SqlPollStore store = new SqlPollStore(database, Clock.systemUTC());

            // then the poll, its fields and every vote are there
            Poll poll = store.findById(1).orElseThrow();
            assertThat(poll.title()).isEqualTo("Old plans");
            assertThat(poll.definition().fields()).extracting(Field::key).containsExactly("a", "b");
            assertThat(store.voterCount(1)).isEqualTo(2);
            assertThat(store.ballot(1, "u1").answers())
                    .isEqualTo(Map.of(
                            new CellKey("a", "impact"), Answer.score(4), new CellKey("b", "impact"), Answer.DONT_KNOW));
            // and it can be edited: B removed keeps u1's "don't know" hidden
            store.edit(
                            1,
                            new EditPlan(
                                    List.of(),
                                    Map.of(),
                                    List.of("b"),
                                    Map.of(),
                                    poll.title(),
                                    poll.closesAt(),
                                    poll.visibility(),
                                    false,
                                    List.of("Field B removed")),
                            "u0",
                            CREATED.plusSeconds(60))
                    .toCompletableFuture()
                    .join();
            assertThat(store.ballot(1, "u1").answers()).containsOnlyKeys(new CellKey("a", "impact"));
            assertThat(store.removedFields(1)).extracting(Field::key).containsExactly("b");
        } finally {
            database.close();
        }
    }

    private void writeOldPoll(Connection connection) throws Exception {
        try (PreparedStatement poll = connection.prepareStatement(
                "INSERT INTO poll (platform, workspace_id, "
                        + "channel_id, title, scale_min, scale_max, results_visibility, created_by, created_at, "
                        + "pseudonym_secret) VALUES ('CONSOLE', 'local', 'local', 'Old plans', 1, 5, 'AFTER_VOTE', 'u0', ?, ?)")) {
            time(poll, 1);
            poll.setBytes(2, new byte[32]);
            poll.executeUpdate();
        }
        try (Statement sql = connection.createStatement()) {
            sql.executeUpdate("INSERT INTO poll_field (poll_id, position, field_key, name, description) VALUES "
                    + "(1, 0, 'a', 'A', ''), (1, 1, 'b', 'B', '')");
            sql.executeUpdate("INSERT INTO poll_factor (poll_id, position, factor_key, name, question, low_label, "
                    + "high_label, weight) VALUES (1, 0, 'impact', 'Impact', 'Impact?', 'low', 'high', 1)");
        }
        for (Object[] vote :
                List.of(new Object[] {"u1", "a", 4}, new Object[] {"u1", "b", null}, new Object[] {"u2", "a", 2})) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO vote (poll_id, voter_id, "
                    + "field_key, factor_key, score, updated_at) VALUES (1, ?, ?, 'impact', ?, ?)")) {
                insert.setString(1, (String) vote[0]);
                insert.setString(2, (String) vote[1]);
                if (vote[2] == null) {
                    insert.setNull(3, java.sql.Types.INTEGER);
                } else {
                    insert.setInt(3, (Integer) vote[2]);
                }
                time(insert, 4);
                insert.executeUpdate();
            }
        }
    }

    private void time(PreparedStatement statement, int index) throws Exception {
        if (kind == TestDatabase.SQLITE) {
            statement.setString(index, "2026-11-20T10:00:00.000Z");
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(CREATED, ZoneOffset.UTC));
        }
    }
}
