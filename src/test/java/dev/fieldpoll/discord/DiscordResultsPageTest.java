package dev.fieldpoll.discord;

import static dev.fieldpoll.discord.Payloads.ALICE;
import static dev.fieldpoll.discord.Payloads.BOB;
import static dev.fieldpoll.discord.Payloads.CAROL;
import static dev.fieldpoll.discord.Payloads.CHANNEL;
import static dev.fieldpoll.discord.Payloads.DANA;
import static dev.fieldpoll.discord.Payloads.POLL_ADMIN;
import static dev.fieldpoll.discord.Payloads.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fieldpoll.discord.Payloads.Person;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results replies on Discord carry the results-page link, and admins share the page with page:public. */
class DiscordResultsPageTest {

    @TempDir
    Path folder;

    private DiscordHarness harness;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startBot() throws InterruptedException {
        harness = new DiscordHarness(folder, true);
    }

    @AfterEach
    void stopBot() {
        harness.close();
    }

    private void pollWithThreeVoters() {
        String created = harness.send(Payloads.slash(ALICE, "create", options()));
        assertThat(harness.answerText(created)).contains("is posted");
        for (Person voter : List.of(BOB, CAROL, DANA)) {
            for (String factor : List.of("feedback", "economic")) {
                String token = harness.send(
                        Payloads.slash(voter, "score", options("field", "mech", "factor", factor, "score", "4")));
                assertThat(harness.answerText(token)).startsWith("Saved:");
            }
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode linkButton(JsonNode message) {
        JsonNode button = message.path("components").path(0).path("components").path(0);
        assertThat(button.path("style").asInt()).as("a link button").isEqualTo(5);
        return button;
    }

    @Test
    void a_members_results_reply_carries_their_own_link_that_opens_the_page() throws Exception {
        pollWithThreeVoters();

        String results = harness.send(Payloads.slash(BOB, "results", options()));

        JsonNode reply = harness.answer(results);
        assertThat(reply.path("content").asText())
                .matches("Your own link to the full results page works until " + "<t:\\d+:f>\\.");
        JsonNode button = linkButton(reply);
        assertThat(button.path("label").asText()).isEqualTo("Full results page");
        HttpResponse<String> page = get(button.path("url").asText());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<table id=\"ranking\">").doesNotContain("Downloads");
    }

    @Test
    void an_admin_shares_the_page_and_public_results_carry_the_public_link() throws Exception {
        pollWithThreeVoters();

        String refused = harness.send(Payloads.slash(CAROL, "results", options("page", "public")));
        assertThat(harness.answerText(refused)).contains("Only admins can make a poll's results page public");

        String shared = harness.send(Payloads.slash(POLL_ADMIN, "results", options("page", "public")));
        String notice = harness.answerText(shared);
        assertThat(notice).contains("is public now: http://127.0.0.1:");
        String link = notice.substring(notice.indexOf("http://"), notice.indexOf(" — "));
        assertThat(get(link).statusCode()).isEqualTo(200);

        String posted = harness.send(Payloads.slash(POLL_ADMIN, "results", options("public", true)));
        assertThat(harness.answerText(posted)).startsWith("Posted the results");
        FakeDiscord.Request channelPost = harness.await(request -> request.is(
                        "POST", "/api/v10/channels/" + CHANNEL + "/messages")
                && request.body().path("embeds").path(0).path("title").asText().startsWith("📈 Results"));
        JsonNode button = linkButton(channelPost.body());
        assertThat(button.path("label").asText()).isEqualTo("Public results page");
        assertThat(button.path("url").asText()).isEqualTo(link);

        String revoked = harness.send(Payloads.slash(POLL_ADMIN, "results", options("page", "private")));
        assertThat(harness.answerText(revoked)).contains("is private again");
        assertThat(get(link).statusCode()).isEqualTo(403);
    }
}
