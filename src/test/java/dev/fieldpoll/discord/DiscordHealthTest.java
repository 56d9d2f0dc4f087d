package dev.fieldpoll.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /healthz reports real JDA's gateway connection to the fake Discord, and its loss at close. */
class DiscordHealthTest {

    @TempDir
    Path folder;

    @Test
    void health_says_discord_is_connected_while_the_gateway_is_and_unavailable_once_it_closed() throws Exception {
        try (DiscordHarness harness = new DiscordHarness(folder, true)) {
            URI health = URI.create("http://127.0.0.1:" + harness.wiring.webPort() + "/healthz");
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> connected =
                    http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(connected.statusCode()).isEqualTo(200);
            assertThat(connected.body()).contains("\"discord\":\"connected\"");

            harness.bot.close();
            HttpResponse<String> closed =
                    http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(closed.statusCode()).isEqualTo(503);
            assertThat(closed.body()).contains("\"discord\":\"disconnected\"");
        }
    }
}
