package dev.fieldpoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.store.DatabaseTarget;
import dev.fieldpoll.testing.FieldpollProcess;
import dev.fieldpoll.testing.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console chat, export and the results pages as an operator runs them, each a fieldpoll process
 * of its own configured for PostgreSQL by the environment alone (FIELDPOLL_DATABASE_URL).
 */
class PostgresCommandsTest {

    private static final Duration WAIT = Duration.ofMinutes(1);
    private static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+(/r/[A-Za-z0-9_.-]+)");

    @TempDir
    Path folder;

    @Test
    void theConsoleChatWritesToPostgresqlAndExportAndTheResultsPagesReadItFromThere() throws Exception {
        // given
        DatabaseTarget.Postgres database = TestPostgres.newDatabase();
        Map<String, String> environment = Map.of("FIELDPOLL_DATABASE_URL", database.url(), "FIELDPOLL_WEB_PORT", "0");

        // when members chat in the console, and one asks for the results
        String link;
        try (FieldpollProcess console = FieldpollProcess.start(folder, environment, "console")) {
            console.type(
                    "/poll create \"On PostgreSQL\"",
                    "/poll vote mech feedback=5 economic=4",
                    ":as alice",
                    "/poll vote mech feedback=4 economic=4",
                    ":as bob",
                    "/poll vote mech feedback=3 economic=2",
                    ":as you",
                    "/poll results",
                    ":quit");
            console.await(Pattern.compile(Pattern.quote("Database: " + database.name())), WAIT);
            link = console.await(LINK, WAIT).group(1);
            assertThat(console.awaitExit(WAIT)).as(console.output()).isZero();
        }

        // then the poll and its votes are in PostgreSQL
        assertThat(TestPostgres.query(database, "SELECT title FROM poll")).isEqualTo("On PostgreSQL");
        assertThat(TestPostgres.query(database, "SELECT COUNT(DISTINCT voter_id) FROM vote"))
                .isEqualTo("3");

        // and export reads them from there
        try (FieldpollProcess export = FieldpollProcess.start(folder, environment, "export", "--poll", "1")) {
            assertThat(export.awaitExit(WAIT)).as(export.output()).isZero();
            assertThat(export.output()).startsWith("voter,field,factor,score").contains(",mech-interp,");
        }

        // and `fieldpoll web` serves the link the console gave, read-only from the same database
        try (FieldpollProcess web = FieldpollProcess.start(folder, environment, "web", "--port", "0")) {
            Matcher serving = web.await(
                    Pattern.compile("serving the results pages of " + Pattern.quote(database.name())
                            + " read-only on port (\\d+)"),
                    WAIT);
            HttpResponse<String> page = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serving.group(1) + link))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("On PostgreSQL");
            web.stop(WAIT);
        }
    }
}
