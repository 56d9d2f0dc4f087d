package dev.fieldpoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.store.DatabaseTarget;
import dev.fieldpoll.testing.CliRun;
import dev.fieldpoll.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same votes give byte-identical reports on SQLite and on PostgreSQL: the bot's report in every
 * format (simulate prints it from the database, as /poll results does) and the summary files, Markdown
 * and chart.
 */
class SameReportsOnBothDatabasesTest {

    @TempDir
    Path folder;

    @Test
    void reportsAndSummariesOfTheSameVotesAreByteForByteTheSame() throws Exception {
        String sqlite = folder.resolve("fieldpoll.db").toString();
        DatabaseTarget.Postgres postgres = TestPostgres.newDatabase();

        for (String format : List.of("text", "json", "markdown")) {
            CliRun onSqlite = simulate(sqlite, format);
            CliRun onPostgres = simulate(postgres.url(), format);

            assertThat(onSqlite.exitCode()).as(onSqlite.err()).isZero();
            assertThat(onPostgres.exitCode()).as(onPostgres.err()).isZero();
            assertThat(onPostgres.out()).as(format).isEqualTo(onSqlite.out()).contains("Mech Interp");
        }
        assertThat(summaryFiles(sqlite, "sqlite")).isEqualTo(summaryFiles(postgres.url(), "postgresql"));
    }

    /** 150 voters of one seed, so every section of the report (splits, reference, agreement) has numbers. */
    private static CliRun simulate(String database, String format) {
        return CliRun.of("simulate", "--voters", "150", "--seed", "11", "--format", format, "--db", database);
    }

    /** The bytes of the Markdown and the charts that `summary --poll 1` writes, in Base64. */
    private List<String> summaryFiles(String database, String name) throws Exception {
        Path out = folder.resolve(name);
        CliRun summary = CliRun.of("summary", "--poll", "1", "--out", out.toString(), "--db", database);
        assertThat(summary.exitCode()).as(summary.err()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            List<Path> written = files.sorted().toList();
            assertThat(written)
                    .extracting(file -> file.getFileName().toString().replaceAll(".*\\.", ""))
                    .containsOnly("md", "png") // the chart, and the group map when groups were found
                    .contains("md", "png");
            return written.stream().map(SameReportsOnBothDatabasesTest::bytes).toList();
        }
    }

    private static String bytes(Path file) {
        try {
            return java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
