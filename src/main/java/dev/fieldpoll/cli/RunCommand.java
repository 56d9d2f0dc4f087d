package dev.fieldpoll.cli;

import dev.fieldpoll.app.Config;
import dev.fieldpoll.app.ConfigException;
import dev.fieldpoll.app.Secrets;
import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.discord.DiscordBot;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs the bot on every platform whose token is set; with none, the local console chat. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the bot: Discord and Slack when their tokens are set, else the local console chat.")
public final class RunCommand implements Callable<Integer> {

    static final List<String> PLATFORM_TOKENS = List.of("DISCORD_TOKEN", "SLACK_BOT_TOKEN");

    @Mixin
    CommonOptions options;

    @Override
    public Integer call() throws Exception {
        Secrets secrets = Secrets.fromEnvironment(System.getenv());
        if (secrets.hasDiscord()) {
            return runDiscord(secrets);
        }
        List<String> present = PLATFORM_TOKENS.stream().filter(name -> System.getenv(name) != null).toList();
        if (!present.isEmpty()) {
            System.err.println("fieldpoll: " + String.join(" and ", present)
                    + " is set, but this build has no platform adapters yet; starting the local console chat.");
        }
        ConsoleCommand console = new ConsoleCommand();
        console.options = options == null ? new CommonOptions() : options;
        return console.call();
    }

    /** Runs until SIGTERM; the shutdown hook stops Discord gracefully, then closes the database. */
    private Integer runDiscord(Secrets secrets) throws InterruptedException {
        Config config = (options == null ? new CommonOptions() : options).load();
        Wiring wiring = new Wiring(config, Clock.systemUTC());
        DiscordBot discord = wiring.discordBot(config, secrets);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                discord.close();
            } finally {
                wiring.close();
                stopped.countDown();
            }
        }, "fieldpoll-shutdown"));
        try {
            discord.start();
        } catch (DiscordBot.StartFailed failed) {
            throw new ConfigException(failed.getMessage(), failed);
        }
        stopped.await();
        return 0;
    }
}
