package dev.fieldpoll.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.response.Response;
import dev.fieldpoll.bot.CommandParser;
import dev.fieldpoll.bot.DaemonThreads;
import dev.fieldpoll.bot.Gate;
import dev.fieldpoll.bot.PlatformPublishers;
import dev.fieldpoll.bot.PollBot;
import dev.fieldpoll.poll.InstallationStore;
import dev.fieldpoll.poll.Platform;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * fieldpoll as a Slack app: a Bolt app with the /poll command, the poll message buttons and the
 * ballot modal, reached over Socket Mode (a WebSocket the app opens with the app token) or over
 * HTTP on a port (requests signed by Slack, verified by Bolt). It only translates: every rule
 * about polls lives in {@link PollBot}, the only part of the core it reaches. In one workspace it
 * uses the configured bot token; installed in many (OAuth, HTTP mode) it serves the install pages and
 * makes every Web API call with the token of the workspace it is for. Thread-safe: start and close
 * synchronize on the app; everything else is set once.
 */
public final class SlackApp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SlackApp.class);
    private static final int WORKERS = 4;
    /** Requests under way at once (most waiting for a commit, holding no thread); the next is "busy". */
    private static final int IN_FLIGHT = 500;
    /** Twice the requests admitted: a request's next step always finds room. */
    private static final int QUEUE = 2 * IN_FLIGHT;
    /** An ack not ready by then says "still working": Slack wants one within 3 s. */
    static final Duration ACK_BUDGET = Duration.ofSeconds(2);
    /** The bot scopes an install asks for: as config/slack-manifest.yml lists them. */
    static final String SCOPES = "commands,chat:write,users:read,files:write,im:write,channels:read,groups:read";

    private static final Duration IN_FLIGHT_TIMEOUT = Duration.ofSeconds(15);

    private final SlackSettings settings;
    private final PollBot bot;
    private final Slack slack;
    private final App app;
    private final ThreadPoolExecutor work;
    private final ExecutorService http;
    private final ScheduledThreadPoolExecutor timer;
    private final SlackAcks acks;
    private final SlackWeb web;
    private final SlackPollMessagePublisher pollMessages;
    private final SlackSummaryPublisher summaryPublisher;
    private SocketModeEnvelopes socketMode;
    private SlackHttpServer httpServer;
    private boolean started;
    private boolean closed;
    /** Set once start succeeded, cleared at close: what the health check reports. */
    private volatile boolean running;

    /** One workspace, with the bot token of the settings. */
    public SlackApp(SlackSettings settings, PollBot bot, CommandParser parser, Clock clock, ZoneId zone) {
        this(settings, bot, parser, clock, zone, Optional.empty());
    }

    /**
     * With {@link SlackSettings#oauth()} set, many workspaces: installs through {@code /slack/install},
     * each workspace's token from {@code installations}; else one workspace with the settings' bot token.
     */
    public SlackApp(
            SlackSettings settings,
            PollBot bot,
            CommandParser parser,
            Clock clock,
            ZoneId zone,
            Optional<InstallationStore> installations) {
        this.settings = settings;
        this.bot = bot;
        SlackConfig config = new SlackConfig();
        settings.methodsUrlPrefix().ifPresent(config::setMethodsEndpointUrlPrefix);
        config.setPrettyResponseLoggingEnabled(false);
        config.setHttpClientCallTimeoutMillis(10_000);
        this.slack = Slack.getInstance(config);
        this.app = new App(appConfig(settings, slack));
        SlackTeamClients clients;
        if (settings.oauth().isPresent()) {
            InstallationStore store = installations.orElseThrow(
                    () -> new IllegalArgumentException("Slack for many workspaces needs the installation store"));
            clients = SlackTeamClients.installed(slack, store, clock);
            SlackInstallationService installs = new SlackInstallationService(store, clients, clock);
            app.asOAuthApp(true);
            app.service(installs);
            app.service(new SlackOAuthStateService(store, clock));
            new SlackInstallHandlers(installs, new SlackInstallPageRenderer(), slack, clock).register(app);
        } else {
            clients = SlackTeamClients.singleToken(slack, settings.botToken().orElseThrow());
        }
        this.work = new ThreadPoolExecutor(
                WORKERS,
                WORKERS,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE),
                DaemonThreads.named("fieldpoll-slack-work"));
        this.http = Executors.newFixedThreadPool(WORKERS, DaemonThreads.named("fieldpoll-slack-http"));
        this.timer = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("fieldpoll-slack-budget"));
        timer.setRemoveOnCancelPolicy(true);
        this.acks = new SlackAcks(new Gate(IN_FLIGHT), work, timer, ACK_BUDGET);

        this.web = new SlackWeb(slack, clients);
        this.summaryPublisher = new SlackSummaryPublisher(web, zone, clock);
        this.pollMessages = new SlackPollMessagePublisher(web, new SlackPollMessageRenderer(zone));
        BallotModalRenderer modal = new BallotModalRenderer();
        SlackReplyDelivery replies = new SlackReplyDelivery(
                bot, web, pollMessages, modal, new SlackResultsRenderer(zone), new SlackReplyRenderer());
        SlackCaller callers = new SlackCaller(web, settings.admins(), clock);
        SlackCreateFormHandlers forms = new SlackCreateFormHandlers(
                bot, parser, callers, replies, new SlackCreateFormRenderer(), modal, web, acks);
        SlackHandlers handlers = new SlackHandlers(bot, parser, callers, replies, modal, web, acks, forms);
        app.command(
                "/poll",
                (request, context) -> guarded(
                        "The /poll command",
                        () -> handlers.onCommand(request.getPayload(), context),
                        () -> context.ack(SlackReplyRenderer.SOMETHING_WENT_WRONG)));
        app.blockAction(
                Pattern.compile(".*"),
                (request, context) -> guarded(
                        "A button press", () -> handlers.onAction(request.getPayload(), context), context::ack));
        SlackEditHandlers edits = new SlackEditHandlers(bot, callers, replies, modal, web, acks);
        new SlackHomeHandlers(bot, callers, web, acks, new SlackHomeRenderer(zone)).register(app);
        app.globalShortcut(
                SlackCreateFormHandlers.SHORTCUT,
                (request, context) -> guarded(
                        "The create shortcut", () -> forms.onShortcut(request.getPayload(), context), context::ack));
        app.viewSubmission(
                Pattern.compile(".*"),
                (request, context) -> guarded(
                        "A form submission",
                        () -> {
                            ViewSubmissionPayload payload = request.getPayload();
                            if (SlackEditModalRenderer.CALLBACK_ID.equals(
                                    payload.getView().getCallbackId())) {
                                return edits.onSubmission(payload, context);
                            }
                            return SlackCreateFormHandlers.isCreateForm(payload.getView())
                                    ? forms.onSubmission(payload, context)
                                    : handlers.onSubmission(payload, context);
                        },
                        () -> context.ackWithUpdate(modal.problem(SlackReplyRenderer.SOMETHING_WENT_WRONG))));
    }

    /**
     * Bolt's settings: the one bot token, or (OAuth) the client id and secret, the scopes to ask for,
     * the install and redirect paths and the redirect URL; Bolt then looks up each request's team in the
     * installations (auth.test of a token remembered for ten minutes) and refuses unknown teams.
     */
    private static AppConfig appConfig(SlackSettings settings, Slack slack) {
        AppConfig.AppConfigBuilder config = AppConfig.builder()
                .slack(slack)
                .signingSecret(settings.signingSecret().orElse(null))
                .userScope(null)
                .requestVerificationEnabled(true);
        if (settings.oauth().isEmpty()) {
            return config.singleTeamBotToken(settings.botToken().orElseThrow())
                    .clientId(null)
                    .clientSecret(null)
                    .scope(null)
                    .redirectUri(null)
                    .build();
        }
        SlackSettings.OAuth oauth = settings.oauth().get();
        return config.singleTeamBotToken(null)
                .clientId(oauth.clientId())
                .clientSecret(oauth.clientSecret())
                .scope(SCOPES)
                .redirectUri(oauth.redirectUrl())
                .appPath(null)
                .oauthInstallPath(SlackSettings.OAuth.INSTALL_PATH)
                .oauthRedirectUriPath(SlackSettings.OAuth.REDIRECT_PATH)
                .oAuthInstallPageRenderingEnabled(false) // straight to Slack's authorize page
                .stateValidationEnabled(true)
                .authTestCacheEnabled(true)
                .build();
    }

    /** The edge of every request: a bug is logged and the member gets a friendly ack. */
    private static Response guarded(String what, Supplier<Response> handler, Supplier<Response> sorry) {
        try {
            return handler.get();
        } catch (RuntimeException bug) {
            log.error("{} could not be handled", what, bug);
            return sorry.get();
        }
    }

    /**
     * Connects to Slack and returns: over Socket Mode, or by listening on the configured port. From
     * then on the core shows poll messages, summaries and reminders in Slack through this app.
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
                socketMode = new SocketModeEnvelopes(app);
                socketMode.start(settings.appToken().orElseThrow());
                log.info("Slack: Socket Mode started; connecting to Slack");
            } else {
                // Bolt compares Slack's timestamps with the system clock; the gate uses the same one.
                httpServer = new SlackHttpServer(
                        app,
                        settings.port(),
                        http,
                        new SignedRequests(settings.signingSecret().orElseThrow(), Clock.systemUTC()),
                        settings.oauth().isPresent());
                httpServer.start();
                log.info(
                        "Slack: listening for signed requests on port {} at {}",
                        httpServer.port(),
                        SlackHttpServer.PATH);
                settings.oauth()
                        .ifPresent(oauth -> log.info(
                                "Slack: installs in many workspaces start at {}{} and return to {}",
                                oauth.publicUrl(),
                                SlackSettings.OAuth.INSTALL_PATH,
                                oauth.redirectUrl()));
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
        bot.connect(
                Platform.SLACK,
                new PlatformPublishers(
                        pollMessages,
                        settings.refreshInterval(),
                        summaryPublisher,
                        summaryPublisher,
                        new SlackResultsPublisher(web)));
        running = true;
    }

    /** Whether the app started and is not closed (the health check): listening, or Socket Mode started. */
    public boolean isConnected() {
        return running;
    }

    /** The HTTP port actually listened on (HTTP mode), or -1. */
    public int httpPort() {
        return httpServer == null ? -1 : httpServer.port();
    }

    public SlackSettings settings() {
        return settings;
    }

    /**
     * Stops taking requests (those that still come are answered "restarting"), finishes those in
     * flight (their commits and acks), sends the pending poll-message redraws, then disconnects.
     * The database stays open.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        running = false;
        try {
            if (!acks.closeAndAwait(IN_FLIGHT_TIMEOUT)) {
                log.warn("Slack: some requests were still running after {}", IN_FLIGHT_TIMEOUT);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        if (started) {
            bot.disconnect(Platform.SLACK);
        }
        stopTransports();
        work.shutdownNow();
        timer.shutdownNow();
        http.shutdownNow();
        try {
            app.stop();
        } catch (Exception failure) {
            log.warn("Slack: the Bolt app did not stop cleanly", failure);
        }
        try {
            slack.close();
        } catch (Exception failure) {
            log.warn("Slack: the HTTP client did not close cleanly", failure);
        }
        log.info("Slack: stopped");
    }

    private void stopTransports() {
        if (httpServer != null) {
            httpServer.stop();
        }
        if (socketMode != null) {
            try {
                socketMode.close();
            } catch (Exception failure) {
                log.warn("Slack: Socket Mode did not close cleanly", failure);
            }
        }
    }
}
