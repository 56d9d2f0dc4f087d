package dev.fieldpoll.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.app.Wiring;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Types into the real console chat of a wiring, reads the links its replies carry, and fetches them. */
final class ChatSession {

    private static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/r/[A-Za-z0-9_.-]+");

    private final Wiring wiring;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ChatSession(Wiring wiring) {
        this.wiring = wiring;
    }

    /** Lines typed into the console chat, as its first member ("you", an admin) unless a line says :as. */
    String say(String... lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try {
            wiring.consoleChat(out)
                    .run(
                            new ByteArrayInputStream(
                                    (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)),
                            out);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A poll of the AI-safety template scored by you, alice and bob (three voters: results show). */
    String pollWithThreeVoters(String create) {
        return say(
                create,
                "/poll vote mech feedback=5 economic=4",
                "/poll vote evals feedback=2 economic=3",
                ":as alice",
                "/poll vote mech feedback=4 economic=4",
                "/poll vote evals feedback=1 economic=2",
                ":as bob",
                "/poll vote mech feedback=3 economic=5",
                "/poll vote evals feedback=4 economic=3");
    }

    static List<String> links(String output) {
        List<String> links = new ArrayList<>();
        Matcher found = LINK.matcher(output);
        while (found.find()) {
            links.add(found.group());
        }
        return links;
    }

    /** The one link in a reply. */
    static String link(String output) {
        List<String> links = links(output);
        assertThat(links).as("one link in:%n%s", output).hasSize(1);
        return links.get(0);
    }

    HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** The same path on the server this wiring runs now (a link may name another address). */
    String onThisServer(String link) {
        return "http://127.0.0.1:" + wiring.webPort() + URI.create(link).getRawPath();
    }
}
