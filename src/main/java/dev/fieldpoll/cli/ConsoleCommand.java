package dev.fieldpoll.cli;

import dev.fieldpoll.app.Config;
import dev.fieldpoll.app.Wiring;
import java.io.IOException;
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
        Config config = options.load();
        try (Wiring wiring = new Wiring(config.withWeb(config.web().onUnlessTurnedOff()), Clock.systemUTC())) {
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            out.println("Database: " + CommonOptions.shown(wiring.config().database()));
            startPages(wiring, out);
            wiring.startJobs();
            wiring.consoleChat(out).run(System.in, out);
        }
        return 0;
    }

    /** Results pages are on in the console unless turned off; a taken port turns them off with a note. */
    static void startPages(Wiring wiring, PrintStream out) {
        Config.Web web = wiring.config().web();
        if (!web.isOn()) {
            return;
        }
        try {
            out.println("Results pages: " + wiring.startWeb() + " (/poll results gives you your own link).");
        } catch (IOException | RuntimeException refused) {
            out.println("Results pages are off: " + web.bind() + ":" + web.port() + " cannot be used ("
                    + refused.getMessage() + "). Set FIELDPOLL_WEB_PORT to another port, or web.enabled: false.");
        }
    }
}
