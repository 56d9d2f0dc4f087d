package dev.fieldpoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.store.DatabaseTarget;
import dev.fieldpoll.testing.CliRun;
import dev.fieldpoll.testing.MigrationFiles;
import dev.fieldpoll.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fieldpoll backup and fieldpoll check, run as a person would run them. */
class BackupAndCheckCommandTest {

    @TempDir
    Path folder;

    private static CliRun run(String... arguments) {
        return CliRun.of(arguments);
    }

    private Path simulatedDatabase() {
        Path database = folder.resolve("fieldpoll.db");
        assertThat(run("simulate", "--voters", "25", "--db", database.toString())
                        .exitCode())
                .isZero();
        return database;
    }

    @Test
    void check_reports_a_healthy_database_section_by_section() {
        Path database = simulatedDatabase();

        CliRun check = run("check", "--db", database.toString());

        assertThat(check.exitCode()).isZero();
        assertThat(check.out().lines())
                .hasSize(6)
                .containsSubsequence(
                        "Database " + database,
                        "  integrity       ok",
                        "  foreign keys    ok",
                        "  schema          version " + MigrationFiles.latest() + ", up to date")
                .anySatisfy(line -> assertThat(line).startsWith("  contents        1 poll, 25 ballots, "))
                .endsWith("Healthy.");
    }

    @Test
    void check_exits_with_1_and_names_each_problem() throws Exception {
        Path database = simulatedDatabase();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA foreign_keys = OFF");
            statement.execute("DELETE FROM poll_field WHERE field_key = 'mech-interp'");
        }

        CliRun check = run("check", "--db", database.toString());

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out())
                .containsPattern("  foreign keys    \\d+ broken references")
                .contains(" refers to a missing poll_field")
                .containsPattern("… and \\d+ more")
                .endsWith("Problems found: foreign keys." + System.lineSeparator());
        assertThat(check.out().lines()).hasSizeLessThan(20);
    }

    @Test
    void check_of_a_missing_file_is_one_clear_line() {
        Path missing = folder.resolve("missing.db");

        CliRun check = run("check", "--db", missing.toString());

        assertThat(check.exitCode()).isEqualTo(CliErrors.CONFIGURATION);
        assertThat(check.err())
                .startsWith("fieldpoll: There is no database file " + missing)
                .doesNotContain("\tat ");
        assertThat(missing).doesNotExist();
    }

    @Test
    void backup_writes_a_checked_copy_with_the_same_votes() {
        Path database = simulatedDatabase();
        Path copy = folder.resolve("backups/monday.db");

        CliRun backup = run("backup", "--db", database.toString(), "--to", copy.toString());

        assertThat(backup.exitCode()).isZero();
        assertThat(backup.out())
                .startsWith("Backed up " + database + " to " + copy + " (")
                .contains("Database " + copy)
                .endsWith("Healthy." + System.lineSeparator());
        CliRun original = run("export", "--poll", "1", "--db", database.toString());
        CliRun copied = run("export", "--poll", "1", "--db", copy.toString());
        assertThat(copied.exitCode()).isZero();
        assertThat(copied.out()).isEqualTo(original.out()).contains("voter,field,factor,score");
    }

    @Test
    void on_postgresql_check_looks_at_the_server_schema_and_contents_and_says_what_postgresql_keeps_itself() {
        DatabaseTarget.Postgres database = TestPostgres.newDatabase();
        assertThat(run("simulate", "--voters", "25", "--db", database.url()).exitCode())
                .isZero();

        CliRun check = run("check", "--db", database.url());

        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.out().lines())
                .hasSize(7)
                .containsSubsequence(
                        "Database " + database.name(),
                        "  integrity       kept by PostgreSQL itself; for a deep check of its pages run pg_amcheck "
                                + "on the database",
                        "  foreign keys    enforced by PostgreSQL on every write",
                        "  schema          version " + MigrationFiles.latest() + ", up to date")
                .anySatisfy(line -> assertThat(line).startsWith("  server          PostgreSQL 1"))
                .anySatisfy(line -> assertThat(line).startsWith("  contents        1 poll, 25 ballots, "))
                .endsWith("Healthy.");
    }

    @Test
    void on_postgresql_backup_writes_a_checked_sqlite_copy_and_names_pg_dump_for_the_server() {
        DatabaseTarget.Postgres database = TestPostgres.newDatabase();
        assertThat(run("simulate", "--voters", "25", "--db", database.url()).exitCode())
                .isZero();
        Path copy = folder.resolve("backups/from-postgresql.db");

        CliRun backup = run("backup", "--db", database.url(), "--to", copy.toString());

        assertThat(backup.exitCode()).as(backup.err()).isZero();
        assertThat(backup.out())
                .startsWith("Backed up " + database.name() + " to " + copy + " (")
                .contains("For the server itself use PostgreSQL's own tools: pg_dump -Fc")
                .contains("Database " + copy)
                .endsWith("Healthy." + System.lineSeparator());
        assertThat(run("export", "--poll", "1", "--db", copy.toString()).out())
                .isEqualTo(run("export", "--poll", "1", "--db", database.url()).out())
                .contains("voter,field,factor,score");
        try (var left = Files.list(copy.getParent())) {
            assertThat(left.toList()).containsExactly(copy);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void backup_never_overwrites_a_file() throws Exception {
        Path database = simulatedDatabase();
        Path existing = Files.writeString(folder.resolve("existing.db"), "yesterday's backup");

        CliRun backup = run("backup", "--db", database.toString(), "--to", existing.toString());

        assertThat(backup.exitCode()).isEqualTo(1);
        assertThat(backup.err()).contains("exists already");
        assertThat(Files.readString(existing)).isEqualTo("yesterday's backup");
    }

    @Test
    void tools_given_a_database_path_that_does_not_exist_say_so_and_create_nothing() throws Exception {
        Path typo = folder.resolve("data/fieldpol.db");

        CliRun export = run("export", "--poll", "1", "--db", typo.toString());
        CliRun summary = run(
                "summary",
                "--poll",
                "1",
                "--db",
                typo.toString(),
                "--out",
                folder.resolve("out").toString());
        CliRun check = run("check", "--db", typo.toString());
        CliRun backup = run(
                "backup",
                "--db",
                typo.toString(),
                "--to",
                folder.resolve("backups/copy.db").toString());

        assertThat(export.err().strip())
                .isEqualTo("fieldpoll: There is no database file " + typo
                        + ". Check --db (or database.path); nothing was created.");
        assertThat(summary.err().strip()).isEqualTo(export.err().strip());
        assertThat(check.err()).startsWith("fieldpoll: There is no database file " + typo);
        assertThat(backup.err()).startsWith("fieldpoll: There is no database file " + typo);
        for (CliRun run : java.util.List.of(export, summary, check, backup)) {
            assertThat(run.exitCode()).isNotZero();
        }
        try (var left = Files.list(folder)) {
            assertThat(left.toList())
                    .as("no database, folder or backup was made")
                    .isEmpty();
        }
    }

    @Test
    void a_backup_to_a_full_disk_names_that_disk_and_leaves_no_partial_file() throws Exception {
        // given a database larger than what the backup's disk takes: a file size limit (ulimit -f) in a
        // child process makes every write past 4 MB fail, as a full disk does
        Path database = folder.resolve("big.db");
        assertThat(run("simulate", "--voters", "2", "--db", database.toString()).exitCode())
                .isZero();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE ballast (junk BLOB)");
            statement.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) "
                    + "INSERT INTO ballast SELECT randomblob(8192) FROM n");
        }
        Path target = Files.createDirectory(folder.resolve("small-disk")).resolve("copy.db");

        // when
        Process child = new ProcessBuilder(
                        "sh",
                        "-c",
                        "ulimit -f 8192 && exec \"$0\" -XX:-UsePerfData -Djava.io.tmpdir=\"$1\" -cp \"$2\" "
                                + "dev.fieldpoll.FieldpollCli backup --db \"$3\" --to \"$4\"",
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        Files.createDirectory(folder.resolve("tmp")).toString(),
                        System.getProperty("java.class.path"),
                        database.toString(),
                        target.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(child.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();

        // then
        assertThat(child.exitValue()).as(output).isEqualTo(CliErrors.CONFIGURATION);
        assertThat(output)
                .contains("fieldpoll: Could not write the backup " + target + ": the disk holding " + target.getParent()
                        + " is full or refused the write. Free some space there or back up to another disk; no partial "
                        + "copy was left.")
                .doesNotContain("Exception");
        try (var left = Files.list(target.getParent())) {
            assertThat(left.toList()).as("nothing of the copy is left").isEmpty();
        }
    }
}
