package dev.fieldpoll.slack;

import static dev.fieldpoll.slack.SlackRequests.slashCommand;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results replies in Slack carry the results-page link, and admins share the page with "public page". */
class SlackResultsPageTest {

    private static final String TEAM = FakeSlack.TEAM;
    private static final String GENERAL = "C0GENERAL";
    private static final String ADMIN = "U0ADMIN";
    private static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/r/[A-Za-z0-9_.-]+");

    @TempDir
    Path folder;

    private final HttpClient http = HttpClient.newHttpClient();

    private static JsonNode command(SlackHarness harness, String user, String text, String name) throws Exception {
        harness.requests.send(
                slashCommand(TEAM, GENERAL, user, text, harness.slack.responseUrl(name), harness.requests.trigger()));
        return harness.slack.awaitAnswer(name).body();
    }

    private int status(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static String link(String text) {
        Matcher found = LINK.matcher(text);
        assertThat(found.find()).as("a link in %s", text).isTrue();
        return found.group();
    }

    @Test
    void results_carry_the_members_own_link_and_an_admin_shares_the_page() throws Exception {
        try (SlackHarness harness = SlackHarness.httpWithPages(folder, ADMIN)) {
            harness.requests.send(slashCommand(
                    TEAM,
                    GENERAL,
                    "U0ALICE",
                    "create Team priorities fields:\"Alpha; Beta\" factors:\"Impact\"",
                    harness.slack.responseUrl("create"),
                    harness.requests.trigger()));
            harness.slack.await("chat.postMessage");
            for (String voter : List.of("U0ALICE", "U0BOB", "U0CAROL")) {
                command(harness, voter, "vote alpha impact=4", "vote-" + voter);
            }

            // a member's results end with their own link, valid until a date every reader sees in their zone
            JsonNode results = command(harness, "U0BOB", "results", "results");
            JsonNode blocks = results.path("blocks");
            String last =
                    blocks.get(blocks.size() - 1).path("text").path("text").asText();
            assertThat(last)
                    .matches(":link: <http://127\\.0\\.0\\.1:\\d+/r/[A-Za-z0-9_.-]+\\|Open the full results page> — "
                            + "your own link, it works until <!date\\^\\d+\\^\\{date_short_pretty\\} \\{time\\}\\|"
                            + "2026-11-28 10:00 Z>\\.");
            assertThat(status(link(last))).isEqualTo(200);

            // only an admin shares the page; the public link opens until it is taken back
            assertThat(command(harness, "U0BOB", "results public page", "bob-share")
                            .path("text")
                            .asText())
                    .contains("Only admins can make a poll");
            String shared = command(harness, ADMIN, "results public page", "share")
                    .path("text")
                    .asText();
            assertThat(shared).contains("is public now: http://");
            assertThat(status(link(shared))).isEqualTo(200);
            command(harness, ADMIN, "results private page", "unshare");
            assertThat(status(link(shared))).isEqualTo(403);
        }
    }
}
