package dev.fieldpoll.app;

import dev.fieldpoll.bot.CommandParser;
import dev.fieldpoll.bot.DaemonThreads;
import dev.fieldpoll.bot.PlatformPublishers;
import dev.fieldpoll.bot.PollBot;
import dev.fieldpoll.bot.PollMessageRefresher;
import dev.fieldpoll.bot.RateLimiter;
import dev.fieldpoll.bot.ResultsLinks;
import dev.fieldpoll.bot.ResultsPageService;
import dev.fieldpoll.bot.RoundCommands;
import dev.fieldpoll.bot.SummaryCommands;
import dev.fieldpoll.console.ConsoleChat;
import dev.fieldpoll.console.ConsolePollMessagePublisher;
import dev.fieldpoll.console.ConsoleRenderer;
import dev.fieldpoll.console.ConsoleSummaryPublisher;
import dev.fieldpoll.discord.DiscordBot;
import dev.fieldpoll.discord.DiscordSettings;
import dev.fieldpoll.ops.OperationsStatus;
import dev.fieldpoll.ops.PrometheusMetrics;
import dev.fieldpoll.poll.InstallationStore;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.PollLifecycleService;
import dev.fieldpoll.poll.PollMessageLocks;
import dev.fieldpoll.poll.PollPolicy;
import dev.fieldpoll.poll.PollService;
import dev.fieldpoll.poll.PollStore;
import dev.fieldpoll.poll.RoundService;
import dev.fieldpoll.poll.TemplateCatalog;
import dev.fieldpoll.report.ChartRenderer;
import dev.fieldpoll.report.GroupChartRenderer;
import dev.fieldpoll.report.ReportService;
import dev.fieldpoll.report.RoundReportService;
import dev.fieldpoll.slack.SlackApp;
import dev.fieldpoll.slack.SlackSettings;
import dev.fieldpoll.store.Database;
import dev.fieldpoll.store.DatabaseSettings;
import dev.fieldpoll.store.DatabaseTarget;
import dev.fieldpoll.store.SqlInstallationStore;
import dev.fieldpoll.store.SqlPollMessageLocks;
import dev.fieldpoll.store.SqlPollStore;
import dev.fieldpoll.store.SqlReminderStore;
import dev.fieldpoll.store.SqlResultsPageStore;
import dev.fieldpoll.store.SqlResultsPostStore;
import dev.fieldpoll.store.SqlRoundStore;
import dev.fieldpoll.store.SqlSummaryStore;
import dev.fieldpoll.store.TokenCipher;
import dev.fieldpoll.summary.Backoff;
import dev.fieldpoll.summary.ReminderJob;
import dev.fieldpoll.summary.ResultsPostJob;
import dev.fieldpoll.summary.SummaryBuilder;
import dev.fieldpoll.summary.SummaryJob;
import dev.fieldpoll.summary.SummaryPublishers;
import dev.fieldpoll.summary.SummaryStore;
import dev.fieldpoll.tally.AnalysisSettings;
import dev.fieldpoll.web.PageLinks;
import dev.fieldpoll.web.ResultsWebServer;
import dev.fieldpoll.web.WebSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place fieldpoll's objects are built and connected. Close it to stop the results pages,
 * the commands and the jobs and close the database. Thread-safe: starting and stopping the jobs and
 * the results pages synchronize on the wiring; everything else is set once.
 */
public final class Wiring implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Wiring.class);
    private static final Duration JOBS_STOP = Duration.ofSeconds(30);
    private static final Duration COMMANDS_STOP = Duration.ofSeconds(15);
    /** Commands under way at once (mostly votes waiting for their group commit); the next is "busy". */
    private static final int COMMANDS_IN_FLIGHT = 4_096;

    private static final int AFTER_COMMIT_THREADS = 2;
    /** The console draws no poll message; its redraws only keep closings handled. */
    private static final Duration CONSOLE_REFRESH = Duration.ofSeconds(1);

    private final Config config;
    private final Clock clock;
    private final Database database;
    private final SqlPollStore store;
    private final TemplateCatalog templates;
    private final PollService polls;
    private final ReportService reports;
    private final SummaryStore summaries;
    private final SummaryPublishers publishers = new SummaryPublishers();
    private final SummaryJob summaryJob;
    /** Rounds (Delphi): one round report per poll for results, summaries and results posts alike. */
    private final RoundReportService roundReports;

    private final ReminderJob reminderJob;
    private final ResultsPostJob resultsPostJob;
    private final PollBot bot;
    private final PollMessageRefresher pollMessages;
    /** Keeps processes on one PostgreSQL database from redrawing a poll message at once. */
    private final PollMessageLocks pollMessageLocks;
    /** Signs results-page links; null when pages are off. */
    private final PageLinks pageLinks;
    /** This process's metrics (commits, interactions, queues), scraped on the web port. */
    private final PrometheusMetrics metrics = new PrometheusMetrics();
    /** {@code /healthz} and {@code /metrics}: the database and the platforms built here. */
    private final OperationsStatus operations;
    /** What follows a commit: the store's committer thread hands over to these at once. */
    private final ExecutorService afterCommit =
            Executors.newFixedThreadPool(AFTER_COMMIT_THREADS, DaemonThreads.named("fieldpoll-after-commit"));
    /** The scheduled jobs and their retries; one thread, never put to sleep. */
    private final ScheduledThreadPoolExecutor jobs = jobsExecutor();

    private boolean jobsStarted;
    private ResultsWebServer web;
    private boolean closed;

    public Wiring(Config config, Clock clock) {
        this(config, clock, config.storage().settings());
    }

    /**
     * Only the results pages of a database, which is opened read-only and never changed: for
     * {@code fieldpoll web}, on a copy of a bot's database. Pages are on whatever the configuration says.
     */
    public static Wiring pagesOnly(Config config, Clock clock) {
        return new Wiring(
                config.withWeb(config.web().turnedOn()),
                clock,
                config.storage().settings().withReadOnly(true));
    }

    private Wiring(Config config, Clock clock, DatabaseSettings databaseSettings) {
        this.config = config;
        this.clock = clock;
        // Two cores: the database (SQLite's native library, the schema check) opens while the templates parse.
        FutureTask<Database> opening = new FutureTask<>(() -> Database.open(config.database(), databaseSettings));
        DaemonThreads.named("fieldpoll-open").newThread(opening).start();
        this.templates = catalogClosingOnFailure(config, opening);
        this.database = opened(opening);
        database.meterCommits(metrics);
        this.operations = new OperationsStatus(database::reachable, metrics);
        SqlPollStore sqlPolls = new SqlPollStore(database, clock);
        this.store = sqlPolls;
        this.polls = new PollService(
                store, templates, clock, new PollPolicy(config.onlyAdminsCreate(), config.shareResults()), afterCommit);
        this.reports = new ReportService(store, clock, config.minVoters(), config.labelFrom(), config.groupsFrom());
        this.summaries = new SqlSummaryStore(database);
        RoundService rounds = new RoundService(new SqlRoundStore(database, sqlPolls), polls, afterCommit);
        this.roundReports = new RoundReportService(
                store, rounds, clock, config.minVoters(), config.labelFrom(), AnalysisSettings.DEFAULT_RESAMPLES);
        this.summaryJob = new SummaryJob(
                summaries,
                store,
                new SummaryBuilder(reports, roundReports, summaries, new ChartRenderer(), new GroupChartRenderer()),
                publishers,
                clock,
                Backoff.standard(jobs),
                jobs);
        this.reminderJob = new ReminderJob(
                new SqlReminderStore(database),
                store,
                store,
                publishers,
                clock,
                config.remindBefore(),
                Backoff.standard(jobs));
        SqlResultsPostStore resultsPosts = new SqlResultsPostStore(database);
        this.pollMessageLocks = SqlPollMessageLocks.of(config.database(), databaseSettings);
        this.pollMessages = new PollMessageRefresher(
                store,
                reports,
                resultsPosts,
                clock,
                Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("fieldpoll-poll-messages")),
                pollMessageLocks);
        PollMessageRefresher refresher = this.pollMessages;
        this.resultsPostJob = new ResultsPostJob(
                resultsPosts,
                store,
                new SummaryBuilder(reports, roundReports, summaries, new ChartRenderer(), new GroupChartRenderer()),
                publishers,
                clock,
                config.zone(),
                Backoff.standard(jobs),
                jobs,
                config.postResultsAtClose(),
                posted -> refresher.resultsPosted(posted.id()));
        pollMessages.onPollClosed(resultsPostJob::pollClosed);
        RateLimiter rateLimiter = new RateLimiter(
                clock, config.rateLimit().perMinute(), config.rateLimit().burst());
        SqlResultsPageStore pages = new SqlResultsPageStore(database);
        this.pageLinks = config.web().isOn()
                ? new PageLinks(pages.linkSecret(), clock, config.web().linkLifetime())
                : null;
        this.bot = new PollBot(
                polls,
                reports,
                new SummaryCommands(summaries, summaryJob, clock, config.zone()),
                new ResultsPageService(
                        polls, reports, pages, pageLinks == null ? ResultsLinks.NONE : pageLinks, rateLimiter),
                pollMessages,
                publishers,
                rateLimiter,
                config.zone(),
                COMMANDS_IN_FLIGHT,
                metrics,
                new PollLifecycleService(store, store, clock, afterCommit),
                reminderJob,
                new RoundCommands(rounds, roundReports, polls, config.zone()));
        metrics.gauge("fieldpoll.commands.in.flight", "Commands admitted and not yet answered", bot::commandsInFlight);
        metrics.gauge("fieldpoll.writes.queued", "Writes waiting for their commit", database::writesQueued);
    }

    private static ScheduledThreadPoolExecutor jobsExecutor() {
        ScheduledThreadPoolExecutor executor =
                new ScheduledThreadPoolExecutor(1, DaemonThreads.named("fieldpoll-jobs"));
        // At shutdown a retry still waiting is dropped: the claim's lease lets the next start post it.
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return executor;
    }

    /**
     * Serves the results pages (web.enabled) from this process; from then on Results replies carry
     * links. Returns the address links start with. Fails when the port cannot be had.
     */
    public synchronized URI startWeb() throws IOException {
        if (pageLinks == null) {
            throw new IllegalStateException("results pages are off (web.enabled)");
        }
        if (web != null) {
            throw new IllegalStateException("results pages are already served");
        }
        if (closed) {
            throw new IllegalStateException("the wiring is closed");
        }
        Config.Web settings = config.web();
        ResultsWebServer server = new ResultsWebServer(
                new WebSettings(settings.bind(), settings.port(), settings.baseUrl(), settings.linkLifetime()),
                bot,
                pageLinks,
                operations,
                clock,
                config.zone());
        URI base = server.start();
        web = server;
        return base;
    }

    /** The port results pages are served on, once {@link #startWeb()} ran. */
    public synchronized int webPort() {
        if (web == null) {
            throw new IllegalStateException("results pages are not served");
        }
        return web.port();
    }

    /** The catalog; when it fails, the database opened meanwhile is closed before the failure goes on. */
    private static TemplateCatalog catalogClosingOnFailure(Config config, FutureTask<Database> opening) {
        try {
            return catalog(config);
        } catch (RuntimeException failure) {
            try {
                opened(opening).close();
            } catch (RuntimeException alsoFailed) {
                failure.addSuppressed(alsoFailed);
            }
            throw failure;
        }
    }

    /** The database once open, or the reason it could not be opened, as {@link Database#open} throws it. */
    private static Database opened(FutureTask<Database> opening) {
        try {
            return opening.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening the database", interrupted);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failed.getCause());
        }
    }

    private static TemplateCatalog catalog(Config config) {
        try {
            return new TemplateCatalog(
                    new TemplateLoader().loadAll(config.templatesDirectory()), config.defaultTemplate());
        } catch (IllegalArgumentException missingDefault) {
            throw new ConfigException("polls.default-template: " + missingDefault.getMessage());
        }
    }

    /**
     * Checks once a minute, and at once, for weekly summaries and reminders that are due and for
     * polls that closed (also while fieldpoll was down), on the jobs' daemon thread.
     */
    public synchronized void startJobs() {
        if (!jobsStarted && !closed) {
            jobsStarted = true;
            jobs.scheduleWithFixedDelay(this::runDueJobs, 0, 1, TimeUnit.MINUTES);
        }
    }

    private void runDueJobs() {
        for (Runnable job : List.<Runnable>of(
                summaryJob::runDue, reminderJob::runDue, pollMessages::checkClosings, resultsPostJob::runDue)) {
            try {
                job.run();
            } catch (RuntimeException failure) {
                log.error("A scheduled job failed", failure);
            }
        }
    }

    /**
     * The console chat, with summaries for its channel printed to {@code out} and charts beside the
     * database file (with PostgreSQL, in data/charts).
     */
    public ConsoleChat consoleChat(PrintStream out) {
        Path charts = config.database() instanceof DatabaseTarget.SqliteFile sqlite
                ? sqlite.file().toAbsolutePath().getParent().resolve("charts")
                : Path.of("data", "charts").toAbsolutePath();
        ConsoleSummaryPublisher console = new ConsoleSummaryPublisher(out, charts);
        bot.connect(
                Platform.CONSOLE,
                new PlatformPublishers(new ConsolePollMessagePublisher(), CONSOLE_REFRESH, console, console, console));
        return consoleChat();
    }

    public ConsoleChat consoleChat() {
        Set<String> admins = new HashSet<>(config.console().admins());
        admins.addAll(config.admins());
        return new ConsoleChat(
                bot,
                new CommandParser(),
                new ConsoleRenderer(config.zone()),
                config.console().channel(),
                config.console().user(),
                admins);
    }

    /** The Slack app (not yet started), from the slack settings and the tokens in the environment. */
    public SlackApp slackApp(Secrets secrets) {
        Config.Slack slack = config.slack();
        Set<String> admins = new HashSet<>(slack.admins());
        admins.addAll(config.admins());
        SlackSettings settings;
        Optional<InstallationStore> installations;
        try {
            Optional<SlackSettings.OAuth> oauth =
                    slack.clientId().isPresent() || secrets.slackClientSecret().isPresent()
                            ? Optional.of(new SlackSettings.OAuth(
                                    slack.clientId().orElse(null),
                                    secrets.slackClientSecret().orElse(null),
                                    slack.publicUrl().orElse(null)))
                            : Optional.empty();
            settings = new SlackSettings(
                    slack.mode() == Config.SlackMode.HTTP ? SlackSettings.Mode.HTTP : SlackSettings.Mode.SOCKET,
                    slack.port(),
                    slack.apiUrl(),
                    secrets.slackBotToken(),
                    secrets.slackAppToken(),
                    secrets.slackSigningSecret(),
                    admins,
                    SlackSettings.DEFAULT_REFRESH_INTERVAL,
                    oauth);
            // Slack for many workspaces keeps each workspace's bot token in the database, encrypted
            installations = oauth.map(
                    unused -> new SqlInstallationStore(
                            database,
                            TokenCipher.fromBase64(
                                    secrets.secretKey()
                                            .orElseThrow(
                                                    () -> new ConfigException(
                                                            "Slack for many workspaces needs "
                                                                    + "FIELDPOLL_SECRET_KEY in the environment (make one with: openssl rand -base64 32)")))));
        } catch (IllegalArgumentException missing) {
            throw new ConfigException(missing.getMessage());
        }
        SlackApp app = new SlackApp(settings, bot, new CommandParser(), clock, config.zone(), installations);
        operations.platform("slack", app::isConnected);
        return app;
    }

    /**
     * The Discord bot over this wiring's polls and database, set up from the configuration's
     * discord section and admins and the token in the secrets; {@link DiscordBot#start()} connects it.
     */
    public DiscordBot discordBot(Config config, Secrets secrets) {
        String token = secrets.discordToken()
                .orElseThrow(() -> new ConfigException("DISCORD_TOKEN is not set in the environment."));
        Config.Discord discord = config.discord();
        DiscordBot discordBot = new DiscordBot(
                new DiscordSettings(
                        token,
                        discord.guilds(),
                        discord.adminRoles(),
                        config.admins(),
                        discord.apiUrl(),
                        discord.gatewayUrl(),
                        DiscordSettings.DEFAULT_REFRESH_INTERVAL,
                        config.zone(),
                        discord.shards()),
                bot,
                new CommandParser());
        operations.platform("discord", discordBot::isConnected);
        operations.platformParts(discordBot::shardsConnected);
        return discordBot;
    }

    /** What {@code /healthz} and {@code /metrics} report on the web port. */
    public OperationsStatus operations() {
        return operations;
    }

    public Config config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public PollStore store() {
        return store;
    }

    /** The open database, for tools that read or maintain the file itself. */
    public Database database() {
        return database;
    }

    public TemplateCatalog templates() {
        return templates;
    }

    public PollService polls() {
        return polls;
    }

    public ReportService reports() {
        return reports;
    }

    public PollBot bot() {
        return bot;
    }

    public RoundReportService roundReports() {
        return roundReports;
    }

    public SummaryJob summaryJob() {
        return summaryJob;
    }

    /** Posts each closed poll's results in its channel, once. */
    public ResultsPostJob resultsPostJob() {
        return resultsPostJob;
    }

    public ReminderJob reminderJob() {
        return reminderJob;
    }

    public SummaryStore summaries() {
        return summaries;
    }

    public SummaryPublishers summaryPublishers() {
        return publishers;
    }

    /** The one layer that keeps poll messages current; where "poll closed" is heard. */
    public PollMessageRefresher pollMessages() {
        return pollMessages;
    }

    /**
     * Stops the pages, the commands (those in flight finish their commits and replies) and the jobs
     * (a run in progress finishes its writes), then closes the database. Close the platforms first.
     */
    @Override
    public void close() {
        stopWeb();
        if (!bot.stop(COMMANDS_STOP)) {
            log.warn("Some commands were still running after {}", COMMANDS_STOP);
        }
        stopJobs();
        pollMessages.close();
        if (pollMessageLocks instanceof SqlPollMessageLocks inDatabase) {
            inDatabase.close();
        }
        stopAfterCommit();
        database.close();
    }

    private void stopAfterCommit() {
        afterCommit.shutdown();
        try {
            if (!afterCommit.awaitTermination(COMMANDS_STOP.toSeconds(), TimeUnit.SECONDS)) {
                afterCommit.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            afterCommit.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void stopWeb() {
        closed = true;
        if (web != null) {
            web.close();
            web = null;
        }
    }

    private void stopJobs() {
        ScheduledExecutorService running = jobs;
        synchronized (this) {
            closed = true;
        }
        // No new runs; the one in progress ends on its own, so it never meets a closed database.
        running.shutdown();
        try {
            if (!running.awaitTermination(JOBS_STOP.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("A scheduled job was still running after {}; stopping it", JOBS_STOP);
                running.shutdownNow();
                running.awaitTermination(JOBS_STOP.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
