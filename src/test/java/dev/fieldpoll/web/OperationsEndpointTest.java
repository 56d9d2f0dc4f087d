package dev.fieldpoll.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.testing.MutableClock;
import dev.fieldpoll.testing.TestConfigs;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /healthz and /metrics on the web port of a real wiring, with votes cast through the real console chat. */
class OperationsEndpointTest {

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private Wiring wiring;
    private ChatSession chat;
    private URI base;

    @BeforeEach
    void startPages() throws Exception {
        wiring = new Wiring(TestConfigs.withWeb(folder), clock);
        base = wiring.startWeb();
        chat = new ChatSession(wiring);
    }

    @AfterEach
    void stop() {
        if (wiring != null) {
            wiring.close();
        }
    }

    @Test
    void metrics_count_votes_commits_and_interactions_by_outcome() {
        // given a poll with six votes from three members, and one vote for a field that does not exist
        chat.pollWithThreeVoters("/poll create Which fields first? closes:3d");
        chat.say("/poll vote nosuchfield feedback=3");

        // when Prometheus scrapes the web port
        HttpResponse<String> scraped = chat.get(base.resolve("/metrics").toString());

        // then every vote is counted once, with its commit, and each outcome under its own label
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        String text = scraped.body();
        assertThat(value(text, "fieldpoll_votes_total")).isEqualTo(6.0);
        assertThat(value(text, "fieldpoll_interactions_total\\{command=\"Vote\",outcome=\"VoteSaved\"\\}"))
                .isEqualTo(6.0);
        assertThat(value(text, "fieldpoll_interactions_total\\{command=\"Create\",outcome=\"PollPosted\"\\}"))
                .isEqualTo(1.0);
        assertThat(text)
                .containsPattern(
                        "fieldpoll_interactions_total\\{command=\"Vote\",outcome=\"(InvalidAnswer|Problem)\"\\} 1\\.0");
        // a poll and six votes at least: the console waits for each commit, so none shared one
        assertThat(value(text, "fieldpoll_commits_total")).isGreaterThanOrEqualTo(7.0);
        assertThat(value(text, "fieldpoll_commit_writes_total")).isGreaterThanOrEqualTo(7.0);
        assertThat(value(text, "fieldpoll_commit_latency_seconds_count"))
                .isEqualTo(value(text, "fieldpoll_commits_total"));
        assertThat(text)
                .contains("fieldpoll_commit_latency_seconds_bucket{le=\"0.1\"}")
                .contains("fieldpoll_commands_in_flight 0.0")
                .contains("fieldpoll_writes_queued 0.0");
    }

    @Test
    void health_is_ok_while_the_database_answers_and_503_once_it_is_closed() {
        // given a running wiring with no platform
        HttpResponse<String> healthy = chat.get(base.resolve("/healthz").toString());

        // then it is healthy
        assertThat(healthy.statusCode()).isEqualTo(200);
        assertThat(healthy.body()).isEqualTo("{\"status\":\"ok\",\"database\":\"up\",\"platforms\":{}}");

        // when the database goes away under the server (closed), the next check says so
        wiring.database().close();
        HttpResponse<String> down = chat.get(base.resolve("/healthz").toString());
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).isEqualTo("{\"status\":\"unavailable\",\"database\":\"down\",\"platforms\":{}}");
    }

    @Test
    void a_platform_that_is_not_connected_makes_the_process_unhealthy() {
        wiring.operations().platform("discord", () -> false);
        wiring.operations().platform("slack", () -> true);

        HttpResponse<String> health = chat.get(base.resolve("/healthz").toString());

        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body())
                .isEqualTo("{\"status\":\"unavailable\",\"database\":\"up\","
                        + "\"platforms\":{\"discord\":\"disconnected\",\"slack\":\"connected\"}}");
    }

    @Test
    void only_get_is_answered_and_nothing_else_is_listed_below_the_operations_paths() {
        HttpResponse<String> posted = chat.send(HttpRequest.newBuilder(base.resolve("/metrics"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(posted.statusCode()).isEqualTo(405);
        assertThat(chat.get(base.resolve("/healthz/polls").toString()).statusCode())
                .isEqualTo(404);
    }

    private static double value(String metrics, String name) {
        Matcher line = Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(metrics);
        assertThat(line.find()).as("%s in:%n%s", name, metrics).isTrue();
        return Double.parseDouble(line.group(1));
    }
}
