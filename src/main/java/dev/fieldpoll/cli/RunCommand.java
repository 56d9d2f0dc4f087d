package dev.fieldpoll.cli;

import dev.fieldpoll.app.ConfigException;
import dev.fieldpoll.app.Secrets;
import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.slack.SlackApp;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
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
        if (secrets.hasSlack()) {
            return runSlack(secrets);
        }
        List<String> present = PLATFORM_TOKENS.stream().filter(name -> System.getenv(name) != null).toList();
        if (!present.isEmpty()) {
            System.err.println("fieldpoll: " + String.join(" and ", present)
                    + " is set, but this build has no adapter for it yet; starting the local console chat.");
        }
        ConsoleCommand console = new ConsoleCommand();
        console.options = options();
        return console.call();
    }

    /** Runs on Slack until SIGTERM or Ctrl-C; then closes Slack first and the database last. */
    private int runSlack(Secrets secrets) throws InterruptedException {
        Wiring wiring = new Wiring(options().load(), Clock.systemUTC());
        SlackApp slack = null;
        boolean started = false;
        try {
            slack = wiring.slackApp(secrets);
            slack.start();
            started = true;
        } catch (IOException refused) {
            throw new ConfigException(refused.getMessage());
        } finally {
            if (!started) {
                if (slack != null) {
                    slack.close();
                }
                wiring.close();
            }
        }
        SlackApp running = slack;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            wiring.close();
            stopped.countDown();
        }, "fieldpoll-shutdown"));
        wiring.startJobs(); // weekly summaries and closing reminders
        System.err.println("fieldpoll: running on Slack (" + wiring.config().slack().mode().name().toLowerCase(Locale.ROOT)
                + " mode). Stop with Ctrl-C or SIGTERM.");
        stopped.await();
        return 0;
    }

    private CommonOptions options() {
        return options == null ? new CommonOptions() : options;
    }
}
