package dev.fieldpoll.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import dev.fieldpoll.bot.CommandParser;
import dev.fieldpoll.bot.DaemonThreads;
import dev.fieldpoll.bot.PollBot;
import dev.fieldpoll.poll.PollStore;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * fieldpoll as a Slack app: a Bolt app with the /poll command, the poll message buttons and the
 * ballot modal, reached over Socket Mode (a WebSocket the app opens with the app token) or over
 * HTTP on a port (requests signed by Slack, verified by Bolt). It only translates: every rule
 * about polls lives in {@link PollBot}.
 */
public final class SlackApp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SlackApp.class);
    private static final int WORKERS = 4;
    private static final int QUEUE = 500;

    private final SlackSettings settings;
    private final Slack slack;
    private final App app;
    private final ExecutorService work;
    private final ExecutorService http;
    private final ScheduledExecutorService scheduler;
    private final SlackSummaryPublisher summaryPublisher;
    private SocketModeApp socketMode;
    private SlackHttpServer httpServer;
    private boolean started;
    private boolean closed;

    public SlackApp(
            SlackSettings settings, PollBot bot, CommandParser parser, PollStore store, Clock clock, ZoneId zone) {
        this.settings = settings;
        SlackConfig config = new SlackConfig();
        settings.methodsUrlPrefix().ifPresent(config::setMethodsEndpointUrlPrefix);
        config.setPrettyResponseLoggingEnabled(false);
        config.setHttpClientCallTimeoutMillis(10_000);
        this.slack = Slack.getInstance(config);
        this.app = new App(AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret().orElse(null))
                .clientId(null)
                .clientSecret(null)
                .scope(null)
                .userScope(null)
                .redirectUri(null)
                .requestVerificationEnabled(true)
                .build());
        this.work = new ThreadPoolExecutor(
                WORKERS,
                WORKERS,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE),
                DaemonThreads.named("fieldpoll-slack-work"));
        this.http = Executors.newFixedThreadPool(WORKERS, DaemonThreads.named("fieldpoll-slack-http"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("fieldpoll-slack-refresh"));

        SlackWeb web = new SlackWeb(slack, settings.botToken());
        this.summaryPublisher = new SlackSummaryPublisher(web, zone, clock);
        BallotModal modal = new BallotModal();
        PollMessages messages =
                new PollMessages(web, store, clock, new PollMessageBlocks(zone), scheduler, settings.refreshInterval());
        Replies replies = new Replies(web, messages, modal, new ResultsBlocks(zone), new ReplyMessages());
        SlackHandlers handlers = new SlackHandlers(
                bot, parser, new SlackCaller(web, settings.admins(), clock), replies, modal, web, work);
        app.command("/poll", (request, context) -> handlers.onCommand(request.getPayload(), context));
        app.blockAction(Pattern.compile(".*"), (request, context) -> handlers.onAction(request.getPayload(), context));
        app.viewSubmission(
                Pattern.compile(".*"), (request, context) -> handlers.onSubmission(request.getPayload(), context));
    }

    /**
     * Connects to Slack and returns: over Socket Mode, or by listening on the configured port.
     * Fails with a clear message when Slack refuses the tokens.
     */
    public synchronized void start() throws IOException {
        if (started) {
            return;
        }
        started = true;
        try {
            app.start(); // auth.test: a wrong bot token fails here, not on the first command
            if (settings.mode() == SlackSettings.Mode.SOCKET) {
                socketMode = new SocketModeApp(
                        settings.appToken().orElseThrow(), app, SocketModeClient.Backend.JavaWebSocket);
                socketMode.startAsync();
                log.info("Slack: Socket Mode started; connecting to Slack");
            } else {
                // Bolt compares Slack's timestamps with the system clock; the gate uses the same one.
                httpServer = new SlackHttpServer(
                        app,
                        settings.port(),
                        http,
                        new SignedRequests(settings.signingSecret().orElseThrow(), Clock.systemUTC()));
                httpServer.start();
                log.info(
                        "Slack: listening for signed requests on port {} at {}",
                        httpServer.port(),
                        SlackHttpServer.PATH);
            }
        } catch (IOException failure) {
            throw failure;
        } catch (Exception failure) {
            throw new IOException(
                    "Could not start on Slack: " + failure.getMessage() + ". Check SLACK_BOT_TOKEN"
                            + (settings.mode() == SlackSettings.Mode.SOCKET ? " and SLACK_APP_TOKEN" : "")
                            + ", and that the Slack API is reachable.",
                    failure);
        }
    }

    /** The HTTP port actually listened on (HTTP mode), or -1. */
    public int httpPort() {
        return httpServer == null ? -1 : httpServer.port();
    }

    /** Posts weekly summaries and closing reminders in Slack channels; register it with the jobs' router. */
    public SlackSummaryPublisher summaryPublisher() {
        return summaryPublisher;
    }

    public SlackSettings settings() {
        return settings;
    }

    /** Stops taking requests, lets running work finish briefly, then disconnects. The database stays open. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (httpServer != null) {
            httpServer.stop();
        }
        if (socketMode != null) {
            try {
                socketMode.close();
            } catch (Exception failure) {
                log.warn("Slack: Socket Mode did not close cleanly: {}", failure.toString());
            }
        }
        work.shutdown();
        scheduler.shutdownNow();
        try {
            if (!work.awaitTermination(5, TimeUnit.SECONDS)) {
                work.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            work.shutdownNow();
            Thread.currentThread().interrupt();
        }
        http.shutdownNow();
        try {
            app.stop();
        } catch (Exception failure) {
            log.warn("Slack: the Bolt app did not stop cleanly: {}", failure.toString());
        }
        try {
            slack.close();
        } catch (Exception failure) {
            log.warn("Slack: the HTTP client did not close cleanly: {}", failure.toString());
        }
        log.info("Slack: stopped");
    }
}
