package dev.fieldpoll.cli;

import dev.fieldpoll.app.Config;
import dev.fieldpoll.app.ConfigException;
import dev.fieldpoll.app.Wiring;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Serves results pages alone from a database it only reads: a copy of a bot's database, elsewhere. */
@Command(
        name = "web",
        mixinStandardHelpOptions = true,
        description = "Serve the results pages of a database alone, read-only (for example a copy of the bot's "
                + "database on another machine). The links members got from the bot open here.")
public final class WebCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "Port to listen on (default: web.port, 8080; 0 = any free port).")
    Integer port;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Config config = options.load();
        if (port != null) {
            config = config.withWeb(config.web().withPort(port));
        }
        Wiring wiring = Wiring.pagesOnly(config, Clock.systemUTC());
        URI base;
        try {
            base = wiring.startWeb();
        } catch (IOException | RuntimeException refused) {
            wiring.close();
            throw new ConfigException(
                    "Cannot serve results pages on " + config.web().bind() + ":"
                            + config.web().port() + ": " + refused.getMessage(),
                    refused);
        }
        spec.commandLine()
                .getOut()
                .println("fieldpoll: serving the results pages of "
                        + CommonOptions.shown(config.database())
                        + " read-only on port " + wiring.webPort() + " (links start with " + base
                        + "). Stop with Ctrl-C or SIGTERM.");
        spec.commandLine().getOut().flush();
        StopSignal.await(wiring::close);
        return 0;
    }
}
