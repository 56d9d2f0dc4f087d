package dev.fieldpoll.discord;

import dev.fieldpoll.app.Config;
import dev.fieldpoll.app.Secrets;
import dev.fieldpoll.app.Wiring;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The child JVM of {@link DiscordCrashTest}: fieldpoll on Discord as `fieldpoll run` starts it, the
 * real Wiring and the real JDA, connected to the test's fake Discord. It prints READY once it is
 * connected and then runs until the test kills it.
 */
public final class DiscordBotProcess {

    private DiscordBotProcess() {}

    /** @param args the folder of the database file, the fake's API URL and its gateway URL */
    public static void main(String[] args) throws InterruptedException {
        Config config = DiscordHarness.config(
                Path.of(args[0]), args[1], args[2], List.of(Payloads.GUILD), List.of("Poll Admins"));
        Secrets secrets =
                new Secrets(Optional.of(FakeDiscord.TOKEN), Optional.empty(), Optional.empty(), Optional.empty());
        // Never closed: the test kills this JVM.
        Wiring wiring = new Wiring(config, Clock.systemUTC());
        wiring.discordBot(config, secrets).start();
        System.out.println("READY");
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
