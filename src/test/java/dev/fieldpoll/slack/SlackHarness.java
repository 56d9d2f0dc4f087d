package dev.fieldpoll.slack;

import dev.fieldpoll.app.Config;
import dev.fieldpoll.app.Secrets;
import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.testing.MutableClock;
import dev.fieldpoll.testing.TestConfigs;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The real thing, offline: fieldpoll's own Wiring (temporary SQLite file) and its real Bolt app,
 * talking to {@link FakeSlack} instead of slack.com, in HTTP or Socket Mode.
 */
final class SlackHarness implements AutoCloseable {

    static final String BOT_TOKEN = "xoxb-0000-test-bot-token";
    static final String APP_TOKEN = "xapp-1-A0FIELD-test-app-token";
    /** FIELDPOLL_SECRET_KEY of the OAuth harness: 32 bytes in Base64. */
    static final String SECRET_KEY = "ZmllbGRwb2xsLXRlc3Qta2V5LW9mLTMyLWJ5dGVzISE=";
    /** slack.public-url of the OAuth harness. */
    static final String PUBLIC_URL = "https://polls.example.org";

    final FakeSlack slack;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    final Wiring wiring;
    final SlackApp app;
    final SlackRequests requests;

    private SlackHarness(Path folder, Config.SlackMode mode, List<String> admins) throws IOException {
        this(folder, mode, admins, false, false);
    }

    private SlackHarness(Path folder, Config.SlackMode mode, List<String> admins, boolean pages, boolean oauth)
            throws IOException {
        slack = new FakeSlack();
        Config base = pages ? TestConfigs.withWeb(folder) : TestConfigs.at(folder);
        int port = mode == Config.SlackMode.HTTP ? freePort() : 3000;
        Config config = TestConfigs.withSlack(
                base,
                new Config.Slack(
                        mode,
                        port,
                        Optional.of(URI.create(slack.apiUrl())),
                        admins,
                        oauth ? Optional.of(FakeSlack.CLIENT_ID) : Optional.empty(),
                        oauth ? Optional.of(URI.create(PUBLIC_URL)) : Optional.empty()));
        wiring = new Wiring(config, clock);
        if (pages) {
            wiring.startWeb();
        }
        Secrets secrets = oauth
                ? new Secrets(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(SlackRequests.SECRET),
                        Optional.of(FakeSlack.CLIENT_SECRET),
                        Optional.of(SECRET_KEY))
                : new Secrets(
                        Optional.empty(),
                        Optional.of(BOT_TOKEN),
                        Optional.of(APP_TOKEN),
                        Optional.of(SlackRequests.SECRET));
        app = wiring.slackApp(secrets);
        app.start();
        requests = mode == Config.SlackMode.HTTP ? new SlackRequests(app.httpPort(), slack::recordAck) : null;
    }

    static SlackHarness http(Path folder, String... admins) throws IOException {
        return new SlackHarness(folder, Config.SlackMode.HTTP, List.of(admins));
    }

    /** HTTP mode with results pages served on a free loopback port. */
    static SlackHarness httpWithPages(Path folder, String... admins) throws IOException {
        return new SlackHarness(folder, Config.SlackMode.HTTP, List.of(admins), true, false);
    }

    /** HTTP mode for many workspaces: no bot token, installs through OAuth with the fake's client id and secret. */
    static SlackHarness oauth(Path folder) throws IOException {
        return new SlackHarness(folder, Config.SlackMode.HTTP, List.of(), false, true);
    }

    static SlackHarness socketMode(Path folder) throws IOException {
        return new SlackHarness(folder, Config.SlackMode.SOCKET, List.of());
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        app.close();
        wiring.close();
        slack.close();
    }
}
