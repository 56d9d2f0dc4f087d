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
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Runs the bot on every platform whose token is set; with none, the local console chat when a person
 * is at a terminal, else one line saying which tokens are missing and a non-zero exit.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run the bot: Discord and Slack when their tokens are set, else (at a terminal) the local "
                + "console chat.")
public final class RunCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    static final String NO_TOKEN_NO_TERMINAL = "No platform token is set (DISCORD_TOKEN, SLACK_BOT_TOKEN and "
            + "SLACK_APP_TOKEN are all empty) and there is no terminal for the console chat. Set the tokens in the "
            + "environment fieldpoll runs in, or run `fieldpoll console` to chat locally.";

    /** Whether a person sits at this process: Java gives a console only when stdin and stdout are a terminal. */
    private final BooleanSupplier terminal = () -> System.console() != null;

    @Override
    public Integer call() throws Exception {
        Secrets secrets = Secrets.fromEnvironment(System.getenv());
        if (secrets.hasDiscord() || secrets.hasSlack()) {
            return runPlatforms(secrets);
        }
        if (!terminal.getAsBoolean()) {
            // A service with a broken environment file must fail loudly, not wait for a chat nobody can type in.
            throw new ConfigException(NO_TOKEN_NO_TERMINAL);
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
        wiring.startJobs();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            closeAll(running, wiring);
                            stopped.countDown();
                        },
                        "fieldpoll-shutdown"));
        System.err.println("fieldpoll: running on " + (secrets.hasDiscord() ? "Discord" : "")
                + (secrets.hasDiscord() && secrets.hasSlack() ? " and " : "") + (secrets.hasSlack() ? "Slack" : "")
                + ". Stop with Ctrl-C or SIGTERM.");
        stopped.await();
        return 0;
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
