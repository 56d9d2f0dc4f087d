package dev.fieldpoll.cli;

import dev.fieldpoll.app.Wiring;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "console",
        mixinStandardHelpOptions = true,
        description = "Chat with fieldpoll locally: the same /poll commands, as any member (:as NAME).")
public final class ConsoleCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Override
    public Integer call() throws Exception {
        Quiet.logging();
        try (Wiring wiring = new Wiring(options.load(), Clock.systemUTC())) {
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            out.println("Database: " + wiring.config().databasePath().toAbsolutePath());
            wiring.startJobs();
            wiring.consoleChat(out).run(System.in, out);
        }
        return 0;
    }
}
