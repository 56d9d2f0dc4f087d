package dev.fieldpoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollStore;
import dev.fieldpoll.poll.Workspace;
import dev.fieldpoll.report.JsonReportRenderer;
import dev.fieldpoll.store.DatabaseTarget;
import dev.fieldpoll.store.SqlReminderStore;
import dev.fieldpoll.store.SqlResultsPageStore;
import dev.fieldpoll.store.SqlResultsPostStore;
import dev.fieldpoll.summary.Schedule;
import dev.fieldpoll.summary.Snapshot;
import dev.fieldpoll.summary.SummaryKey;
import dev.fieldpoll.summary.SummaryStore;
import dev.fieldpoll.testing.CliRun;
import dev.fieldpoll.testing.TestConfigs;
import dev.fieldpoll.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fieldpoll migrate}: a SQLite file written before PostgreSQL (with a row in every table) copied
 * into PostgreSQL and back, everything the bot keeps arriving, verified, and a second copy refused.
 */
class MigrateCommandTest {

    private static final Instant AT = Instant.parse("2026-11-27T17:00:00.250Z");
    private static final Workspace CONSOLE = new Workspace(Platform.CONSOLE, "local");

    @TempDir
    Path folder;

    private Path source;

    /** The fixture of an old build, plus the rows it lacks: a posted summary with its snapshot, a page made public,
     * a delivered summary part and a claimed closing. */
    @BeforeEach
    void oldDatabaseWithARowInEveryTable() throws Exception {
        source = folder.resolve("fieldpoll.db");
        Files.copy(Path.of("src/test/resources/fixtures/written-before-postgresql.db"), source);
        try (Wiring wiring = new Wiring(TestConfigs.at(folder), Clock.fixed(AT, ZoneOffset.UTC))) {
            SummaryStore summaries = wiring.summaries();
            Schedule schedule = summaries.schedule(CONSOLE, "local").orElseThrow();
            summaries.claimRun(schedule, LocalDate.of(2026, 11, 27), AT, Duration.ofMinutes(10));
            summaries.markPosted(schedule, LocalDate.of(2026, 11, 27), AT.plusSeconds(3));
            summaries.saveSnapshot(new Snapshot(
                    1,
                    AT,
                    12,
                    Map.of("mech-interp", 1, "evals", 2),
                    Map.of(new CellKey("evals", "feedback-quality"), "contested")));
            summaries.saveSchedule(
                    new Schedule(
                            new Workspace(Platform.SLACK, "T1"),
                            "C1",
                            DayOfWeek.MONDAY,
                            LocalTime.of(9, 0),
                            ZoneId.of("Europe/Berlin"),
                            AT),
                    "U1");
            new SqlResultsPageStore(wiring.database()).share(2, true, "you", AT);
            new SqlReminderStore(wiring.database()).claim(3, AT);
            // the delivery records of migration V8: a summary part delivered, a poll's closing claimed
            summaries.partDelivered(
                    new SummaryKey(CONSOLE, "local", LocalDate.of(2026, 11, 27), true), "message 1", AT);
            wiring.store().claimClosing(1, AT, Duration.ofMinutes(5));
            // the results posts of migration V10: one claimed, with a part delivered
            SqlResultsPostStore resultsPosts = new SqlResultsPostStore(wiring.database());
            resultsPosts.claim(1, AT, Duration.ofMinutes(5));
            resultsPosts.partDelivered(1, "message", AT);
            // a change noted by an edit (migration V11)
            dev.fieldpoll.poll.Poll first = wiring.store().findById(1).orElseThrow();
            ((dev.fieldpoll.store.SqlPollStore) wiring.store())
                    .edit(
                            1,
                            new dev.fieldpoll.poll.EditPlan(
                                    List.of(),
                                    Map.of(),
                                    List.of(),
                                    Map.of(),
                                    first.title(),
                                    first.closesAt(),
                                    first.visibility(),
                                    false,
                                    List.of("Title changed")),
                            "you",
                            AT)
                    .toCompletableFuture()
                    .join();
            // the rounds of migration V13: poll 1 rerun as round 2
            new dev.fieldpoll.store.SqlRoundStore(
                            wiring.database(),
                            new dev.fieldpoll.store.SqlPollStore(wiring.database(), java.time.Clock.systemUTC()))
                    .createRound(
                            new dev.fieldpoll.poll.NewPoll(
                                    first.workspace(),
                                    first.channelId(),
                                    first.title() + " (round 2)",
                                    first.templateKey(),
                                    first.definition(),
                                    first.visibility(),
                                    first.createdBy(),
                                    AT,
                                    null,
                                    null,
                                    true,
                                    true),
                            1,
                            1,
                            2)
                    .toCompletableFuture()
                    .join();
        }
    }

    @Test
    void copiesEveryRowIntoPostgresqlVerifiesItAndTheBotSeesTheSamePolls() throws Exception {
        // given
        DatabaseTarget.Postgres target = TestPostgres.newDatabase();

        // when
        CliRun migrate = CliRun.of("migrate", "--from", source.toString(), "--to", target.url());

        // then the command says what it copied and that it checked it
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        Map<String, Long> rows = rows(DriverManager.getConnection("jdbc:sqlite:" + source));
        assertThat(rows)
                .hasSize(21)
                .containsKeys("poll", "vote", "summary_run", "poll_reminder", "web_link_secret", "slack_installation")
                // the fixture comes from a build before Slack installations (V14): those tables are empty
                .allSatisfy((table, count) ->
                        assertThat(count).as(table).isGreaterThanOrEqualTo(table.startsWith("slack_") ? 0 : 1));
        assertThat(rows(DriverManager.getConnection(target.url()))).isEqualTo(rows);
        assertThat(migrate.out())
                .startsWith("Copied " + source + " into " + target.name() + ":")
                .contains("  vote                            239")
                .contains("Verified: every table holds as many rows as in the source, and the answers' SHA-256 "
                        + "matches (")
                .contains("To run on it, set database.url (FIELDPOLL_DATABASE_URL) to " + target.name() + ".");

        // and the bot on PostgreSQL holds what it held on SQLite: polls, reports, pseudonyms, secrets, schedules
        try (Wiring before = new Wiring(TestConfigs.at(folder), Clock.systemUTC());
                Wiring after = new Wiring(TestConfigs.at(folder).withDatabase(target), Clock.systemUTC())) {
            for (long id = 1; id <= 3; id++) {
                Poll poll = before.store().findById(id).orElseThrow();
                assertThat(after.store().findById(id)).contains(poll);
                assertThat(after.store().pseudonymSecret(id))
                        .isEqualTo(before.store().pseudonymSecret(id));
                assertThat(new JsonReportRenderer().render(after.reports().reportFor(poll)))
                        .isEqualTo(
                                new JsonReportRenderer().render(before.reports().reportFor(poll)));
                assertThat(after.polls().pseudonymousVotes(poll))
                        .isEqualTo(before.polls().pseudonymousVotes(poll));
            }
            assertThat(new SqlResultsPageStore(after.database()).linkSecret())
                    .isEqualTo(new SqlResultsPageStore(before.database()).linkSecret());
            assertThat(new SqlResultsPageStore(after.database()).sharing(2))
                    .isEqualTo(new SqlResultsPageStore(before.database()).sharing(2));
            assertThat(after.summaries().schedules())
                    .isEqualTo(before.summaries().schedules());
            assertThat(after.summaries().latestSnapshot(1, AT.plusSeconds(1)))
                    .isEqualTo(before.summaries().latestSnapshot(1, AT.plusSeconds(1)));
            // the claimed run and the sent reminder are not owed again
            Schedule schedule = after.summaries().schedule(CONSOLE, "local").orElseThrow();
            assertThat(after.summaries()
                            .claimRun(
                                    schedule, LocalDate.of(2026, 11, 27), AT.plusSeconds(3600), Duration.ofMinutes(10)))
                    .isFalse();
            assertThat(new SqlReminderStore(after.database()).claim(3, AT)).isFalse();

            // and the next poll continues after the copied ids
            assertThat(after.store()
                            .create(newPollLike(before.store()))
                            .toCompletableFuture()
                            .join()
                            .id())
                    .isEqualTo(5);
            // and round 2 of poll 1 is linked to it there too
            assertThat(new dev.fieldpoll.store.SqlRoundStore(
                                    after.database(),
                                    new dev.fieldpoll.store.SqlPollStore(after.database(), java.time.Clock.systemUTC()))
                            .nextRound(1))
                    .contains(4L);
        }
    }

    @Test
    void aSecondCopyIntoTheSameDatabaseIsRefusedAndChangesNothing() throws Exception {
        DatabaseTarget.Postgres target = TestPostgres.newDatabase();
        assertThat(CliRun.of("migrate", "--from", source.toString(), "--to", target.url())
                        .exitCode())
                .isZero();
        Map<String, Long> copied = rows(DriverManager.getConnection(target.url()));

        CliRun again = CliRun.of("migrate", "--from", source.toString(), "--to", target.url());

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err())
                .startsWith("fieldpoll: " + target.name() + " holds fieldpoll data already (4 in poll, ")
                .endsWith("so nothing was copied. Copy into an empty database." + System.lineSeparator());
        assertThat(rows(DriverManager.getConnection(target.url()))).isEqualTo(copied);
    }

    @Test
    void aPostgresqlDatabaseCopiesBackIntoANewSqliteFileWithTheSameAnswers() throws Exception {
        DatabaseTarget.Postgres postgres = TestPostgres.newDatabase();
        CliRun there = CliRun.of("migrate", "--from", source.toString(), "--to", postgres.url());
        Path back = folder.resolve("back").resolve("fieldpoll.db");

        CliRun andBack = CliRun.of("migrate", "--from", postgres.url(), "--to", back.toString());

        assertThat(andBack.exitCode()).as(andBack.err()).isZero();
        assertThat(checksum(andBack.out())).isEqualTo(checksum(there.out()));
        assertThat(rows(DriverManager.getConnection("jdbc:sqlite:" + back)))
                .isEqualTo(rows(DriverManager.getConnection("jdbc:sqlite:" + source)));
        assertThat(CliRun.of("export", "--poll", "1", "--db", back.toString()).out())
                .isEqualTo(CliRun.of("export", "--poll", "1", "--db", source.toString())
                        .out());
    }

    @Test
    void aMissingSourceOrTheSameDatabaseTwiceIsOneLineAndCreatesNothing() {
        Path missing = folder.resolve("typo.db");
        Path target = folder.resolve("target.db");

        CliRun noSource = CliRun.of("migrate", "--from", missing.toString(), "--to", target.toString());
        CliRun itself = CliRun.of("migrate", "--from", source.toString(), "--to", source.toString());

        assertThat(noSource.exitCode()).isEqualTo(1);
        assertThat(noSource.err())
                .isEqualTo("fieldpoll: There is no database file " + missing + ". Check --from; nothing was created."
                        + System.lineSeparator());
        assertThat(itself.exitCode()).isEqualTo(1);
        assertThat(itself.err()).contains("--from and --to name the same database");
        assertThat(missing).doesNotExist();
        assertThat(target).doesNotExist();
    }

    private static dev.fieldpoll.poll.NewPoll newPollLike(PollStore store) {
        Poll poll = store.findById(2).orElseThrow();
        return new dev.fieldpoll.poll.NewPoll(
                poll.workspace(),
                poll.channelId(),
                "After the move",
                poll.templateKey(),
                poll.definition(),
                poll.visibility(),
                "you",
                AT,
                null,
                null,
                true,
                true);
    }

    private static String checksum(String out) {
        int start = out.indexOf("SHA-256 matches (") + "SHA-256 matches (".length();
        return out.substring(start, out.indexOf(')', start));
    }

    /** Rows per fieldpoll table, read with plain JDBC. */
    /** Rows per table of the database, every table of its schema but Flyway's history (each database's own). */
    private static Map<String, Long> rows(Connection connection) throws Exception {
        try (connection;
                Statement statement = connection.createStatement()) {
            Map<String, Long> rows = new TreeMap<>();
            for (String table : tables(connection)) {
                try (ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    row.next();
                    rows.put(table, row.getLong(1));
                }
            }
            return rows;
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet table =
                connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (table.next()) {
                tables.add(table.getString("TABLE_NAME"));
            }
        }
        tables.remove("flyway_schema_history");
        return tables;
    }
}
