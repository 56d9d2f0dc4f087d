package dev.fieldpoll.discord;

import dev.fieldpoll.bot.CommandParser;
import dev.fieldpoll.bot.DaemonThreads;
import dev.fieldpoll.bot.Gate;
import dev.fieldpoll.bot.PlatformPublishers;
import dev.fieldpoll.bot.PollBot;
import dev.fieldpoll.poll.Platform;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
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
    private final CommandParser parser;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile ThreadPoolExecutor handlers;
    private volatile ScheduledThreadPoolExecutor timer;
    private volatile InteractionEdge edge;
    private final ShardReadiness readiness = new ShardReadiness();
    /** Set once connected and ready: the one JDA, or this process's shards. */
    private volatile DiscordConnection connection;
    /** While connecting: what close must stop if it comes first. */
    private volatile JDA single;

    private volatile ShardManager manager;

    /**
     * Reaches the core only through {@code bot}: commands, suggestions, and its publishers once connected;
     * {@code parser} reads the create form's options line.
     */
    public DiscordBot(DiscordSettings settings, PollBot bot, CommandParser parser) {
        this.settings = settings;
        this.bot = bot;
        this.parser = parser;
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

        try {
            connection = settings.shards().isPresent()
                    ? connectShards(settings.shards().get())
                    : connectOne();
        } catch (InvalidTokenException refused) {
            throw new StartFailed(
                    "Discord refused the bot token in DISCORD_TOKEN. Copy it again from the Developer "
                            + "Portal (your application → Bot → Reset Token).",
                    refused);
        }
        connection.all().forEach(shard -> shard.setRequiredScopes(SCOPES));
        DiscordPollMessagePublisher pollMessages =
                new DiscordPollMessagePublisher(connection, new PollMessageRenderer(settings.zone()));
        DiscordAdapter adapter =
                new DiscordAdapter(bot, new DiscordCaller(settings.adminRoles(), settings.adminUsers()), pollMessages);
        DiscordSummaryPublisher summaries = new DiscordSummaryPublisher(connection);
        bot.connect(
                Platform.DISCORD,
                new PlatformPublishers(
                        pollMessages,
                        settings.refreshInterval(),
                        summaries,
                        summaries,
                        new DiscordResultsPublisher(connection)));
        registerCommands();
        CreateFormListener createForms = new CreateFormListener(adapter, edge, parser);
        addEventListeners(
                new SlashCommandListener(adapter, edge),
                new ComponentListener(adapter, edge),
                createForms,
                new ModalListener(adapter, edge, createForms),
                new AutocompleteListener(adapter, edge));
        log.info(
                "Discord connected as {}{}. Invite fieldpoll to a server: {}",
                connection.any().getSelfUser().getName(),
                settings.shards().isPresent()
                        ? " (shards " + connection.shardIds() + " of " + connection.total() + ")"
                        : "",
                inviteUrl());
    }

    /** One connection for every guild, as without sharding: waits until Discord says READY. */
    private DiscordConnection connectOne() throws InterruptedException {
        // No intents beyond the GUILDS one JDA always asks for: nothing privileged. No event pool:
        // JDA's own thread only hands each interaction to the edge's bounded pool.
        JDABuilder builder = JDABuilder.createLight(settings.token(), EnumSet.noneOf(GatewayIntent.class))
                // SIGTERM is handled by fieldpoll's own graceful shutdown, which closes JDA last.
                .setEnableShutdownHook(false);
        settings.apiUrl().ifPresent(url -> builder.setRestConfig(new RestConfig().setBaseUrl(withSlash(url))));
        settings.gatewayUrl()
                .ifPresent(url -> builder.setSessionController(new FixedGateway(url.toString(), false))
                        // A gateway override is a test double or a proxy: plain JSON frames.
                        .setCompression(Compression.NONE));
        JDA jda = builder.build();
        single = jda;
        jda.awaitReady();
        return DiscordConnection.single(jda);
    }

    /**
     * This process's shards (all of Discord's recommendation when the total is auto), each its own
     * gateway connection; waits until every one of them says READY.
     */
    private DiscordConnection connectShards(DiscordShards shards) throws InterruptedException {
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(
                        settings.token(), EnumSet.noneOf(GatewayIntent.class))
                .setEnableShutdownHook(false)
                .addEventListeners(readiness);
        settings.apiUrl().ifPresent(url -> builder.setRestConfig(new RestConfig().setBaseUrl(withSlash(url))));
        settings.gatewayUrl()
                .ifPresent(url -> builder.setSessionController(new FixedGateway(url.toString(), true))
                        .setCompression(Compression.NONE));
        shards.total().ifPresent(total -> builder.setShardsTotal(total).setShards(shards.idsOf(total)));
        ShardManager built = builder.build();
        manager = built;
        int total = built.getShardsTotal();
        List<Integer> ids = shards.idsOf(total);
        log.info("Connecting Discord shards {} of {}", ids, total);
        readiness.await(ids);
        return DiscordConnection.sharded(built, total, ids);
    }

    private void addEventListeners(Object... listeners) {
        if (manager != null) {
            manager.addEventListener(listeners);
        } else {
            connection.any().addEventListener(listeners);
        }
    }

    /** Whether the gateway is connected now (the health check); false before start and after close. */
    public boolean isConnected() {
        DiscordConnection connected = connection;
        return connected != null && !closed.get() && connected.connected();
    }

    /**
     * Each shard this process runs and whether it is connected now, for the health check; empty
     * without sharding (then {@link #isConnected()} says it all).
     */
    public Map<String, Boolean> shardsConnected() {
        DiscordConnection connected = connection;
        if (connected == null) {
            return settings.shards().isPresent() ? Map.of("discord shards", false) : Map.of();
        }
        Map<String, Boolean> shards = connected.shardsConnected();
        shards.replaceAll((shard, up) -> up && !closed.get());
        return shards;
    }

    /** The OAuth2 URL that adds the bot to a server with exactly the scopes and permissions it needs. */
    public String inviteUrl() {
        return connection.any().getInviteUrl(PERMISSIONS);
    }

    private void registerCommands() {
        List<CommandData> commands = CommandRegistrations.commands();
        if (settings.guilds().isEmpty()) {
            if (!connection.registersGlobally()) {
                log.info("Not registering /poll globally: the process that runs shard 0 does");
                return;
            }
            connection.any().updateCommands().addCommands(commands).complete();
            log.info("Registered /poll globally (Discord may take up to an hour to show it everywhere)");
            return;
        }
        for (String guildId : settings.guilds()) {
            if (!connection.owns(guildId)) {
                log.info("Not registering /poll in guild {}: another process runs its shard", guildId);
                continue;
            }
            Guild guild = guildId.matches("\\d{1,20}")
                    ? connection
                            .shardFor(guildId)
                            .map(shard -> shard.getGuildById(guildId))
                            .orElse(null)
                    : null;
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
        readiness.abandon();
        if (connection == null) {
            // Never connected (or the token was refused): the threads to stop, and a half-made connection.
            if (handlers != null) {
                stopConnecting();
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
            connection.shutdown(DISCONNECT_TIMEOUT);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            connection.shutdownNow();
        } finally {
            handlers.shutdownNow();
            timer.shutdownNow();
        }
        log.info("Discord stopped");
    }

    /** A start interrupted by close: what was built so far disconnects. */
    private void stopConnecting() {
        if (single != null) {
            single.shutdownNow();
        }
        if (manager != null) {
            manager.shutdown();
        }
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

    /**
     * Sends JDA to a configured gateway instead of the one Discord names. Sharded, the number of
     * shards and how many may connect at once still come from Discord ({@code /gateway/bot}).
     */
    private static final class FixedGateway extends ConcurrentSessionController {

        private final String url;
        private final boolean sharded;

        FixedGateway(String url, boolean sharded) {
            this.url = url;
            this.sharded = sharded;
        }

        @Override
        public String getGateway() {
            return url;
        }

        @Override
        public ShardedGateway getShardedGateway(JDA api) {
            if (!sharded) {
                return new ShardedGateway(url, 1);
            }
            ShardedGateway recommended = super.getShardedGateway(api);
            return new ShardedGateway(url, recommended.getShardTotal(), recommended.getConcurrency());
        }
    }

    /**
     * Which shards said READY (all their guilds loaded); start waits for this process's. Thread-safe:
     * guarded by its own monitor.
     */
    private static final class ShardReadiness extends ListenerAdapter {

        private final Set<Integer> ready = new HashSet<>();
        private boolean abandoned;

        @Override
        public synchronized void onReady(ReadyEvent event) {
            ready.add(event.getJDA().getShardInfo().getShardId());
            notifyAll();
        }

        synchronized void await(List<Integer> shards) throws InterruptedException {
            while (!ready.containsAll(shards)) {
                if (abandoned) {
                    throw new IllegalStateException("Discord was stopped before its shards were ready");
                }
                wait();
            }
        }

        synchronized void abandon() {
            abandoned = true;
            notifyAll();
        }
    }
}
