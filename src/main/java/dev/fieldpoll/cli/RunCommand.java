package dev.fieldpoll.cli;

import dev.fieldpoll.app.ConfigException;
import dev.fieldpoll.app.Secrets;
import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.discord.DiscordBot;
import dev.fieldpoll.slack.SlackApp;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs the bot on every platform whose token is set; with none, the local console chat. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run the bot: Discord and Slack when their tokens are set, else the local console chat.")
public final class RunCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Override
    public Integer call() throws Exception {
        Secrets secrets = Secrets.fromEnvironment(System.getenv());
        if (secrets.hasDiscord() || secrets.hasSlack()) {
            return runPlatforms(secrets);
        }
        ConsoleCommand console = new ConsoleCommand();
        console.options = options();
        return console.call();
    }

    /**
     * Starts each platform whose token is set over one wiring, then waits for SIGTERM or Ctrl-C.
     * Shutdown stops the platforms first (no new interactions, running ones finish) and closes the
     * database last, so no acknowledged vote is cut off.
     */
    private int runPlatforms(Secrets secrets) throws InterruptedException {
        Wiring wiring = new Wiring(options().load(), Clock.systemUTC());
        Deque<AutoCloseable> running = new ArrayDeque<>();
        try {
            if (secrets.hasDiscord()) {
                DiscordBot discord = wiring.discordBot(wiring.config(), secrets);
                running.push(discord);
                discord.start();
            }
            if (secrets.hasSlack()) {
                SlackApp slack = wiring.slackApp(secrets);
                running.push(slack);
                slack.start();
            }
        } catch (DiscordBot.StartFailed | IOException refused) {
            closeAll(running, wiring);
            throw new ConfigException(refused.getMessage(), refused);
        } catch (RuntimeException | InterruptedException failure) {
            closeAll(running, wiring);
            throw failure;
        }
        String pages = startPages(wiring, running);
        wiring.startJobs();
        System.err.println("fieldpoll: running on " + (secrets.hasDiscord() ? "Discord" : "")
                + (secrets.hasDiscord() && secrets.hasSlack() ? " and " : "") + (secrets.hasSlack() ? "Slack" : "")
                + pages + ". Stop with Ctrl-C or SIGTERM.");
        StopSignal.await(() -> closeAll(running, wiring));
        return 0;
    }

    /** Results pages when web.enabled: a port that cannot be had stops fieldpoll with one line. */
    private static String startPages(Wiring wiring, Deque<AutoCloseable> running) {
        if (!wiring.config().web().isOn()) {
            return "";
        }
        try {
            return ", results pages at " + wiring.startWeb();
        } catch (IOException | RuntimeException refused) {
            closeAll(running, wiring);
            throw new ConfigException(
                    "Cannot serve results pages on " + wiring.config().web().bind() + ":"
                            + wiring.config().web().port() + " (web.port / FIELDPOLL_WEB_PORT): "
                            + refused.getMessage(),
                    refused);
        }
    }

    private static void closeAll(Deque<AutoCloseable> running, Wiring wiring) {
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception failure) {
                System.err.println("fieldpoll: stopping a platform failed: " + failure.getMessage());
            }
        }
        wiring.close();
    }

    private CommonOptions options() {
        return options == null ? new CommonOptions() : options;
    }
}
