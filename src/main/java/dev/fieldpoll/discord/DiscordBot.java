package dev.fieldpoll.discord;

import dev.fieldpoll.bot.DaemonThreads;
import dev.fieldpoll.bot.Gate;
import dev.fieldpoll.bot.PlatformPublishers;
import dev.fieldpoll.bot.PollBot;
import dev.fieldpoll.poll.Platform;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * fieldpoll on Discord: connects with JDA (gateway, no privileged intents), registers /poll in
 * the configured guilds or globally, logs the invite URL, answers interactions, and posts weekly
 * summaries and closing reminders for the jobs until closed.
 * Closing is graceful: no new interactions, the ones in flight finish their writes and replies,
 * pending poll-message refreshes are sent, then JDA disconnects. It reaches the core only through
 * {@link PollBot}. Thread-safe: start and close run once each (guarded by atomic flags), and what
 * they set up is published through volatile fields.
 */
public final class DiscordBot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);

    /** The OAuth2 scopes of the invite: a bot user, and slash commands. */
    public static final List<String> SCOPES = List.of("bot", "applications.commands");
    /** What the bot needs in a channel: see it, post the poll message, show it as an embed, attach summary charts. */
    public static final List<Permission> PERMISSIONS = List.of(
            Permission.VIEW_CHANNEL,
            Permission.MESSAGE_SEND,
            Permission.MESSAGE_EMBED_LINKS,
            Permission.MESSAGE_ATTACH_FILES);

    private static final Duration IN_FLIGHT_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration DISCONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** A first answer not ready by then is deferred: Discord wants one within 3 s, and the network takes some. */
    static final Duration ANSWER_BUDGET = Duration.ofMillis(1_500);

    private static final int HANDLER_THREADS = 4;
    /** Interactions waiting for a handler thread; past this the member is told "busy" at once. */
    private static final int HANDLER_QUEUE = 2_048;
    /** Interactions under way at once, most waiting for their commit without a thread. */
    private static final int IN_FLIGHT = 4_096;

    private final DiscordSettings settings;
    private final PollBot bot;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile ThreadPoolExecutor handlers;
    private volatile ScheduledThreadPoolExecutor timer;
    private volatile InteractionEdge edge;
    private volatile JDA jda;

    /** Reaches the core only through {@code bot}: commands, suggestions, and its publishers once connected. */
    public DiscordBot(DiscordSettings settings, PollBot bot) {
        this.settings = settings;
        this.bot = bot;
    }

    /**
     * Connects, waits until Discord says READY, connects its publishers to the core and registers the
     * commands. Not synchronized with {@link #close()}, so a SIGTERM during a slow connect still shuts down.
     */
    public void start() throws InterruptedException {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("the Discord bot is already started");
        }
        handlers = new ThreadPoolExecutor(
                HANDLER_THREADS,
                HANDLER_THREADS,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(HANDLER_QUEUE),
                DaemonThreads.named("fieldpoll-discord"));
        timer = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("fieldpoll-discord-budget"));
        timer.setRemoveOnCancelPolicy(true);
        edge = new InteractionEdge(new Gate(IN_FLIGHT), handlers, timer, ANSWER_BUDGET);

        // No intents beyond the GUILDS one JDA always asks for: nothing privileged. No event pool:
        // JDA's own thread only hands each interaction to the edge's bounded pool.
        JDABuilder builder = JDABuilder.createLight(settings.token(), EnumSet.noneOf(GatewayIntent.class))
                // SIGTERM is handled by fieldpoll's own graceful shutdown, which closes JDA last.
                .setEnableShutdownHook(false);
        settings.apiUrl().ifPresent(url -> builder.setRestConfig(new RestConfig().setBaseUrl(withSlash(url))));
        settings.gatewayUrl()
                .ifPresent(url -> builder.setSessionController(new FixedGateway(url.toString()))
                        // A gateway override is a test double or a proxy: plain JSON frames.
                        .setCompression(Compression.NONE));
        try {
            jda = builder.build();
        } catch (InvalidTokenException refused) {
            throw new StartFailed(
                    "Discord refused the bot token in DISCORD_TOKEN. Copy it again from the Developer "
                            + "Portal (your application → Bot → Reset Token).",
                    refused);
        }
        jda.awaitReady();
        jda.setRequiredScopes(SCOPES);
        DiscordPollMessagePublisher pollMessages =
                new DiscordPollMessagePublisher(jda, new PollMessageRenderer(settings.zone()));
        DiscordAdapter adapter =
                new DiscordAdapter(bot, new DiscordCaller(settings.adminRoles(), settings.adminUsers()), pollMessages);
        DiscordSummaryPublisher summaries = new DiscordSummaryPublisher(jda);
        bot.connect(
                Platform.DISCORD,
                new PlatformPublishers(
                        pollMessages,
                        settings.refreshInterval(),
                        summaries,
                        summaries,
                        new DiscordResultsPublisher(jda)));
        registerCommands();
        jda.addEventListener(
                new SlashCommandListener(adapter, edge),
                new ComponentListener(adapter, edge),
                new AutocompleteListener(adapter, edge));
        log.info(
                "Discord connected as {}. Invite fieldpoll to a server: {}",
                jda.getSelfUser().getName(),
                inviteUrl());
    }

    /** Whether the gateway is connected now (the health check); false before start and after close. */
    public boolean isConnected() {
        JDA connected = jda;
        return connected != null && !closed.get() && connected.getStatus() == JDA.Status.CONNECTED;
    }

    /** The OAuth2 URL that adds the bot to a server with exactly the scopes and permissions it needs. */
    public String inviteUrl() {
        return jda.getInviteUrl(PERMISSIONS);
    }

    private void registerCommands() {
        List<CommandData> commands = CommandRegistrations.commands();
        if (settings.guilds().isEmpty()) {
            jda.updateCommands().addCommands(commands).complete();
            log.info("Registered /poll globally (Discord may take up to an hour to show it everywhere)");
            return;
        }
        for (String guildId : settings.guilds()) {
            Guild guild = guildId.matches("\\d{1,20}") ? jda.getGuildById(guildId) : null;
            if (guild == null) {
                log.warn("Not registering /poll in guild {}: the bot is not a member there (invite it first)", guildId);
                continue;
            }
            guild.updateCommands().addCommands(commands).complete();
            log.info("Registered /poll in guild {} ({})", guild.getName(), guild.getId());
        }
    }

    /**
     * Stops taking interactions, finishes those in flight (their commits and answers), sends the
     * poll-message redraws still pending, then disconnects.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (jda == null) {
            // Never connected (or the token was refused): only the threads to stop.
            if (handlers != null) {
                handlers.shutdownNow();
                timer.shutdownNow();
            }
            return;
        }
        log.info("Stopping Discord: no new interactions; finishing the ones in flight");
        try {
            if (!edge.closeAndAwait(IN_FLIGHT_TIMEOUT)) {
                log.warn("Some Discord interactions were still running after {}", IN_FLIGHT_TIMEOUT);
            }
            bot.disconnect(Platform.DISCORD);
            // Already queued requests (the last answers and redraws) are still sent.
            jda.shutdown();
            if (!jda.awaitShutdown(DISCONNECT_TIMEOUT)) {
                jda.shutdownNow();
                jda.awaitShutdown(DISCONNECT_TIMEOUT);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            jda.shutdownNow();
        } finally {
            handlers.shutdownNow();
            timer.shutdownNow();
        }
        log.info("Discord stopped");
    }

    private static String withSlash(URI url) {
        String text = url.toString();
        return text.endsWith("/") ? text : text + "/";
    }

    /** The bot could not start for a reason the person running it can fix; the message says how. */
    public static final class StartFailed extends RuntimeException {
        StartFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Sends JDA to a configured gateway instead of asking Discord for one. */
    private static final class FixedGateway extends ConcurrentSessionController {

        private final String url;

        FixedGateway(String url) {
            this.url = url;
        }

        @Override
        public String getGateway() {
            return url;
        }

        @Override
        public ShardedGateway getShardedGateway(JDA api) {
            return new ShardedGateway(url, 1);
        }
    }
}
