package dev.fieldpoll.slack;

import static dev.fieldpoll.slack.SlackRequests.appUninstalled;
import static dev.fieldpoll.slack.SlackRequests.buttonPress;
import static dev.fieldpoll.slack.SlackRequests.interactive;
import static dev.fieldpoll.slack.SlackRequests.slashCommand;
import static dev.fieldpoll.slack.SlackRequests.submission;
import static dev.fieldpoll.slack.SlackRequests.tokensRevoked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.store.SqlInstallationStore;
import dev.fieldpoll.store.TokenCipher;
import dev.fieldpoll.testing.Eventually;
import dev.fieldpoll.testing.Golden;
import dev.fieldpoll.testing.StoredTokens;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slack for many workspaces, end to end on SQLite: installs through the OAuth pages (the fake Slack
 * plays the authorize page and oauth.v2.access), each workspace's requests answered with its own bot
 * token, tokens encrypted at rest, uninstalls, and install links that do not work twice.
 */
class SlackOAuthTest {

    static final String ONE = "T0ONE";
    static final String TWO = "T0TWO";
    static final String C_ONE = "C0ONE";
    static final String C_TWO = "C0TWO";
    static final String ALICE = "U0ALICE";
    static final String BOB = "U0BOB";
    static final String CAROL = "U0CAROL";
    static final String OTHER_KEY =
            Base64.getEncoder().encodeToString("another key of thirty-two bytes!".getBytes(StandardCharsets.US_ASCII));

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path folder;

    @Test
    void two_workspaces_install_and_each_is_answered_with_its_own_token_until_it_uninstalls() throws Exception {
        try (SlackHarness harness = SlackHarness.oauth(folder)) {
            // when a browser opens /slack/install
            HttpResponse<String> start = get(harness, SlackSettings.OAuth.INSTALL_PATH, null);

            // then it is sent to Slack's authorize page with this app, its scopes, its redirect URL and a state
            assertThat(start.statusCode()).isEqualTo(302);
            URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
            assertThat(authorize.getScheme() + "://" + authorize.getHost() + authorize.getPath())
                    .isEqualTo("https://slack.com/oauth/v2/authorize");
            Map<String, String> asked = FakeSlack.form(authorize.getRawQuery());
            assertThat(asked)
                    .containsEntry("client_id", FakeSlack.CLIENT_ID)
                    .containsEntry("scope", SlackApp.SCOPES)
                    .containsEntry("redirect_uri", SlackHarness.PUBLIC_URL + "/slack/oauth_redirect");
            String state = asked.get("state");
            assertThat(start.headers().firstValue("Set-Cookie").orElseThrow())
                    .startsWith("slack-app-oauth-state=" + state + ";")
                    .contains("HttpOnly");

            // when Slack sends the browser back with a code for workspace one
            HttpResponse<String> done =
                    get(harness, redirect(harness.slack.authorizationCode(ONE), state), cookieOf(start));

            // then the code is exchanged with the app's credentials and the browser is told, kindly
            assertThat(done.statusCode()).isEqualTo(200);
            assertThat(done.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            Golden.assertMatches("slack/install-done.html", done.body());
            FakeSlack.Call exchanged = harness.slack.await("oauth.v2.access");
            assertThat(exchanged.param("redirect_uri")).isEqualTo(SlackHarness.PUBLIC_URL + "/slack/oauth_redirect");
            assertThat(exchanged.authorization()).startsWith("Basic ");

            // and when workspace two installs as well
            assertThat(install(harness, TWO).statusCode()).isEqualTo(200);
            String one = harness.slack.tokenOf(ONE);
            String two = harness.slack.tokenOf(TWO);
            assertThat(one).isNotNull().isNotEqualTo(two);

            // then the tokens are stored, and not readable without the key
            SqlInstallationStore stored = new SqlInstallationStore(
                    harness.wiring.database(), TokenCipher.fromBase64(SlackHarness.SECRET_KEY));
            assertThat(stored.find(ONE).orElseThrow().botToken()).isEqualTo(one);
            assertThat(stored.find(ONE).orElseThrow().botUserId()).isEqualTo(FakeSlack.botUserOf(ONE));
            assertThat(stored.find(ONE).orElseThrow().botId()).contains("B0" + ONE);
            String sealed = new String(StoredTokens.of(harness.wiring.database(), ONE), StandardCharsets.ISO_8859_1);
            assertThat(sealed).doesNotContain(one).doesNotContain("xoxb-");
            SqlInstallationStore otherKey =
                    new SqlInstallationStore(harness.wiring.database(), TokenCipher.fromBase64(OTHER_KEY));
            assertThatThrownBy(() -> otherKey.find(ONE)).isInstanceOf(TokenCipher.WrongKey.class);

            // when each workspace creates a poll and a member of each votes
            harness.requests.send(slashCommand(
                    ONE,
                    C_ONE,
                    ALICE,
                    "create Which fields first? closes:3d",
                    harness.slack.responseUrl("one-create"),
                    harness.requests.trigger()));
            harness.requests.send(slashCommand(
                    TWO,
                    C_TWO,
                    CAROL,
                    "create Which fields next? closes:3d",
                    harness.slack.responseUrl("two-create"),
                    harness.requests.trigger()));
            assertThat(harness.slack
                            .await("chat.postMessage", call -> C_ONE.equals(call.param("channel")))
                            .bearer())
                    .isEqualTo(one);
            assertThat(harness.slack
                            .await("chat.postMessage", call -> C_TWO.equals(call.param("channel")))
                            .bearer())
                    .isEqualTo(two);
            vote(harness, ONE, C_ONE, BOB, 1);
            vote(harness, TWO, C_TWO, BOB, 2);

            // then the votes are on disk and every call for a workspace's channel used that workspace's token
            assertThat(harness.wiring.store().ballot(1, BOB).answers())
                    .containsEntry(new CellKey("mech-interp", "feedback-quality"), Answer.score(5));
            assertThat(harness.wiring.store().ballot(2, BOB).answers())
                    .containsEntry(new CellKey("mech-interp", "feedback-quality"), Answer.score(5));
            harness.slack.await("chat.update", call -> C_ONE.equals(call.param("channel")));
            harness.slack.await("chat.update", call -> C_TWO.equals(call.param("channel")));
            List<FakeSlack.Call> inOne = channelCalls(harness, C_ONE);
            List<FakeSlack.Call> inTwo = channelCalls(harness, C_TWO);
            assertThat(inOne).extracting(FakeSlack.Call::method).contains("chat.postMessage", "chat.update");
            assertThat(inOne).extracting(FakeSlack.Call::bearer).containsOnly(one);
            assertThat(inTwo).extracting(FakeSlack.Call::method).contains("chat.postMessage", "chat.update");
            assertThat(inTwo).extracting(FakeSlack.Call::bearer).containsOnly(two);
            assertThat(harness.slack.calls("views.open"))
                    .extracting(FakeSlack.Call::bearer)
                    .containsExactlyInAnyOrder(one, two);
            assertThat(harness.slack.calls()).extracting(FakeSlack.Call::bearer).doesNotContain(SlackHarness.BOT_TOKEN);

            // when workspace one removes the app
            harness.slack.uninstall(ONE);
            HttpResponse<String> removed = harness.requests.send(appUninstalled(ONE));

            // then its installation and token are gone, and its next request is refused politely
            assertThat(removed.statusCode()).isEqualTo(200);
            assertThat(stored.find(ONE)).isEmpty();
            int callsWithOne = callsWith(harness, one);
            HttpResponse<String> refused = harness.requests.send(slashCommand(
                    ONE, C_ONE, ALICE, "list", harness.slack.responseUrl("one-after"), harness.requests.trigger()));
            assertThat(refused.statusCode()).isEqualTo(200);
            assertThat(harness.slack.awaitResponse("one-after").rawBody())
                    .contains(SlackInstallationService.NOT_INSTALLED);
            assertThat(callsWith(harness, one)).isEqualTo(callsWithOne);

            // and workspace two goes on as before
            harness.requests.send(slashCommand(
                    TWO, C_TWO, CAROL, "list", harness.slack.responseUrl("two-list"), harness.requests.trigger()));
            assertThat(harness.slack.awaitAnswer("two-list").rawBody()).contains("Which fields next?");

            // when workspace two revokes the bot's token, then its installation is gone too
            assertThat(harness.requests
                            .send(tokensRevoked(TWO, FakeSlack.botUserOf(TWO)))
                            .statusCode())
                    .isEqualTo(200);
            assertThat(stored.find(TWO)).isEmpty();
        }
    }

    @Test
    void a_replayed_forged_cookieless_or_expired_state_installs_nothing() throws Exception {
        try (SlackHarness harness = SlackHarness.oauth(folder)) {
            // given workspace one installed through a state
            HttpResponse<String> start = get(harness, SlackSettings.OAuth.INSTALL_PATH, null);
            String state = stateOf(start);
            String back = redirect(harness.slack.authorizationCode(ONE), state);
            assertThat(get(harness, back, cookieOf(start)).statusCode()).isEqualTo(200);

            // when the same redirect comes again (a replay), then it is refused and Slack is not asked
            HttpResponse<String> replayed = get(harness, back, cookieOf(start));
            assertThat(replayed.statusCode()).isEqualTo(400);
            Golden.assertMatches("slack/install-stale-link.html", replayed.body());

            // when a state was never issued (forged, with a cookie to match), then it is refused
            HttpResponse<String> forged = get(
                    harness,
                    redirect(harness.slack.authorizationCode(TWO), "forged-state"),
                    "slack-app-oauth-state=forged-state");
            assertThat(forged.statusCode()).isEqualTo(400);

            // when a real state comes back without the browser's cookie, then it is refused
            HttpResponse<String> other = get(harness, SlackSettings.OAuth.INSTALL_PATH, null);
            assertThat(get(harness, redirect(harness.slack.authorizationCode(TWO), stateOf(other)), null)
                            .statusCode())
                    .isEqualTo(400);

            // when a state comes back after it expired (ten minutes), then it is refused
            HttpResponse<String> late = get(harness, SlackSettings.OAuth.INSTALL_PATH, null);
            harness.clock.advance(Duration.ofMinutes(11));
            assertThat(get(harness, redirect(harness.slack.authorizationCode(TWO), stateOf(late)), cookieOf(late))
                            .statusCode())
                    .isEqualTo(400);

            // then only the first install reached Slack, and only workspace one is installed
            assertThat(harness.slack.calls("oauth.v2.access")).hasSize(1);
            SqlInstallationStore stored = new SqlInstallationStore(
                    harness.wiring.database(), TokenCipher.fromBase64(SlackHarness.SECRET_KEY));
            assertThat(stored.find(ONE)).isPresent();
            assertThat(stored.find(TWO)).isEmpty();
            for (HttpResponse<String> page : List.of(replayed, forged)) {
                assertThat(page.body()).doesNotContain("Exception").doesNotContain("at dev.");
            }
        }
    }

    @Test
    void a_cancelled_install_or_a_code_slack_refuses_gets_a_friendly_page() throws Exception {
        try (SlackHarness harness = SlackHarness.oauth(folder)) {
            // when the member cancels on Slack's page
            HttpResponse<String> start = get(harness, SlackSettings.OAuth.INSTALL_PATH, null);
            HttpResponse<String> cancelled = get(
                    harness,
                    SlackSettings.OAuth.REDIRECT_PATH + "?error=access_denied&state=" + stateOf(start),
                    cookieOf(start));

            // then the page says so, and Slack is not asked for a token
            assertThat(cancelled.statusCode()).isEqualTo(200);
            assertThat(cancelled.body()).contains("The install was cancelled on Slack");

            // when Slack refuses the code (used, or for another app)
            HttpResponse<String> again = get(harness, SlackSettings.OAuth.INSTALL_PATH, null);
            HttpResponse<String> refused =
                    get(harness, redirect("not-a-code-slack-gave", stateOf(again)), cookieOf(again));

            // then nothing is installed and the page says so without Slack's raw answer
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body())
                    .contains("Slack did not complete the install")
                    .doesNotContain("invalid_code");
            assertThat(harness.slack.calls("oauth.v2.access")).hasSize(1);
            assertThat(harness.slack.calls("oauth.v2.access").get(0).param("code"))
                    .isEqualTo("not-a-code-slack-gave");
        }
    }

    /** /slack/install, Slack's authorize page (played by the test), and back at the redirect with a code for {@code team}. */
    static HttpResponse<String> install(SlackHarness harness, String team) throws IOException, InterruptedException {
        HttpResponse<String> start = get(harness, SlackSettings.OAuth.INSTALL_PATH, null);
        return get(harness, redirect(harness.slack.authorizationCode(team), stateOf(start)), cookieOf(start));
    }

    /** Presses Vote on the poll message and submits one answer, as {@code user} of {@code team}. */
    private static void vote(SlackHarness harness, String team, String channel, String user, long pollId)
            throws Exception {
        String ts = Eventually.value(
                () -> harness.wiring.store().messageId(pollId), id -> true, "the message of poll " + pollId);
        String trigger = harness.requests.trigger();
        harness.requests.send(interactive(buttonPress(
                team, channel, user, "fp1:vote:" + pollId, ts, harness.slack.responseUrl(team + "-vote"), trigger)));
        JsonNode view = harness.slack
                .await("views.open", call -> trigger.equals(call.param("trigger_id")))
                .json("view");
        HttpResponse<String> saved = harness.requests.send(interactive(
                submission(team, user, view, Map.of("fp1:answer:" + pollId + ":mech-interp:feedback-quality", "5"))));
        assertThat(saved.statusCode()).isEqualTo(200);
    }

    private static List<FakeSlack.Call> channelCalls(SlackHarness harness, String channel) {
        return harness.slack.calls().stream()
                .filter(call -> call.method().startsWith("chat."))
                .filter(call -> channel.equals(call.param("channel")))
                .toList();
    }

    private static int callsWith(SlackHarness harness, String token) {
        return (int) harness.slack.calls().stream()
                .filter(call -> token.equals(call.bearer()))
                .count();
    }

    private static String redirect(String code, String state) {
        return SlackSettings.OAuth.REDIRECT_PATH + "?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                + "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8);
    }

    private static String stateOf(HttpResponse<String> start) {
        assertThat(start.statusCode()).isEqualTo(302);
        return FakeSlack.form(URI.create(start.headers().firstValue("Location").orElseThrow())
                        .getRawQuery())
                .get("state");
    }

    /** The cookie a browser sends back: name=value of Set-Cookie. */
    private static String cookieOf(HttpResponse<String> start) {
        return start.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    private static HttpResponse<String> get(SlackHarness harness, String pathAndQuery, String cookie)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + harness.app.httpPort() + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .GET();
        Optional.ofNullable(cookie).ifPresent(value -> request.header("Cookie", value));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
