package dev.fieldpoll.web;

import com.sun.net.httpserver.HttpServer;
import dev.fieldpoll.bot.DaemonThreads;
import dev.fieldpoll.bot.PollBot;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves results pages from the bot's own process with the JDK's HTTP server: {@code GET /r/<link>}
 * and, for admins, the downloads below it; {@code /healthz} and {@code /metrics} for operators
 * ({@link OpsRequestListener}); everything else is 404, so nothing lists polls.
 * Thread-safe: started and closed once; requests share only the thread-safe bot, links and renderers.
 */
public final class ResultsWebServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ResultsWebServer.class);
    private static final int THREADS = 4;
    private static final int BACKLOG = 64;
    private static final Duration GRACE = Duration.ofSeconds(1);

    private final WebSettings settings;
    private final PageLinks links;
    private final PageRequestListener listener;
    private final OpsRequestListener ops;
    private HttpServer server;
    private ExecutorService executor;

    public ResultsWebServer(
            WebSettings settings, PollBot bot, PageLinks links, Operations operations, Clock clock, ZoneId zone) {
        this.settings = settings;
        this.links = links;
        this.listener = new PageRequestListener(bot, links.signer(), clock, zone);
        this.ops = new OpsRequestListener(operations);
    }

    /** Listens, and from then on Results replies carry links; returns the address links start with. */
    public synchronized URI start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("the results pages are already served");
        }
        InetAddress address = InetAddress.getByName(settings.bind());
        HttpServer created = HttpServer.create(new InetSocketAddress(address, settings.port()), BACKLOG);
        executor = Executors.newFixedThreadPool(THREADS, DaemonThreads.named("fieldpoll-web"));
        created.setExecutor(executor);
        created.createContext("/", listener::exchange);
        created.createContext(OpsRequestListener.HEALTH_PATH, ops::exchange);
        created.createContext(OpsRequestListener.METRICS_PATH, ops::exchange);
        created.start();
        server = created;
        URI base = settings.baseUrl()
                .orElseGet(() -> bound(address, created.getAddress().getPort()));
        links.serveAt(base);
        log.info("Serving results pages on {}:{}, links under {}", settings.bind(), port(), base);
        return base;
    }

    public synchronized int port() {
        return server.getAddress().getPort();
    }

    private static URI bound(InetAddress address, int port) {
        String host = address.isAnyLocalAddress()
                ? "127.0.0.1"
                : address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        return URI.create("http://" + host + ":" + port + "/");
    }

    /** Stops handing out links, lets running requests finish for up to a second, then stops listening. */
    @Override
    public synchronized void close() {
        links.serveAt(null);
        if (server == null) {
            return;
        }
        try {
            if (!listener.awaitIdle(GRACE)) {
                log.warn("Stopping the results pages with requests still running after {}", GRACE);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            // the JDK server's own grace period always waits in full, so it gets none
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }
}
