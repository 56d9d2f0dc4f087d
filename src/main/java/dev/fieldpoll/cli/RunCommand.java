package dev.fieldpoll.cli;

import dev.fieldpoll.app.ConfigException;
import dev.fieldpoll.app.Secrets;
import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.bot.DaemonThreads;
import dev.fieldpoll.discord.DiscordBot;
import dev.fieldpoll.slack.SlackApp;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
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
        warmUpTls();
        Wiring wiring = new Wiring(options().load(), Clock.systemUTC());
        Deque<AutoCloseable> running = new ArrayDeque<>();
        try {
            List<FutureTask<Void>> starts = new ArrayList<>();
            if (secrets.hasDiscord()) {
                DiscordBot discord = wiring.discordBot(wiring.config(), secrets);
                running.push(discord);
                starts.add(startInBackground("discord", () -> discord.start()));
            }
            if (secrets.hasSlack()) {
                SlackApp slack = wiring.slackApp(secrets);
                running.push(slack);
                starts.add(startInBackground("slack", () -> slack.start()));
            }
            for (FutureTask<Void> start : starts) {
                awaitStarted(start);
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
                + pages + sinceStart() + ". Stop with Ctrl-C or SIGTERM.");
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

    /** Something a platform does to start, which may fail as its start fails. */
    private interface Start {
        void run() throws IOException, InterruptedException;
    }

    /** Discord and Slack connect at once: each start is mostly waiting for the other side. */
    private static FutureTask<Void> startInBackground(String platform, Start start) {
        FutureTask<Void> task = new FutureTask<>(() -> {
            start.run();
            return null;
        });
        DaemonThreads.named("fieldpoll-start-" + platform).newThread(task).start();
        return task;
    }

    private static void awaitStarted(FutureTask<Void> start) throws IOException, InterruptedException {
        try {
            start.get();
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /**
     * Loads the JDK's TLS defaults (trust store, providers) on a spare core while the database
     * opens: both platforms speak HTTPS, and this was a fifth of their connect.
     */
    private static void warmUpTls() {
        DaemonThreads.named("fieldpoll-tls")
                .newThread(() -> {
                    try {
                        SSLContext.getDefault();
                        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm())
                                .init((KeyStore) null);
                    } catch (GeneralSecurityException unavailable) {
                        // the platform's own client reports it when it connects
                    }
                })
                .start();
    }

    /** " (ready 1.2 s after start)", or nothing where the system does not tell when the process started. */
    private static String sinceStart() {
        return ProcessHandle.current()
                .info()
                .startInstant()
                .map(started -> String.format(
                        Locale.ROOT,
                        " (ready %.1f s after start)",
                        Duration.between(started, Instant.now()).toMillis() / 1000.0))
                .orElse("");
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
