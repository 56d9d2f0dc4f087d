package dev.fieldpoll.slack;

import dev.fieldpoll.app.Config;
import dev.fieldpoll.app.Secrets;
import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.testing.TestConfigs;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The child JVM of {@link SlackCrashTest}: fieldpoll on Slack in HTTP mode as `fieldpoll run` starts
 * it, the real Wiring and the real Bolt app, calling the test's fake Slack. It prints
 * {@code READY <port>} once it listens and then runs until the test kills it.
 */
public final class SlackBotProcess {

    private SlackBotProcess() {}

    /** @param args the folder of the database file, the fake's API URL, and the port to listen on */
    public static void main(String[] args) throws IOException, InterruptedException {
        Config config = TestConfigs.withSlack(
                TestConfigs.at(Path.of(args[0])),
                new Config.Slack(
                        Config.SlackMode.HTTP, Integer.parseInt(args[2]), Optional.of(URI.create(args[1])), List.of()));
        Secrets secrets = new Secrets(
                Optional.empty(),
                Optional.of(SlackHarness.BOT_TOKEN),
                Optional.of(SlackHarness.APP_TOKEN),
                Optional.of(SlackRequests.SECRET));
        // Never closed: the test kills this JVM.
        Wiring wiring = new Wiring(config, Clock.systemUTC());
        SlackApp app = wiring.slackApp(secrets);
        app.start();
        System.out.println("READY " + app.httpPort());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
