package dev.fieldpoll.app;

import dev.fieldpoll.bot.CommandParser;
import dev.fieldpoll.bot.PollBot;
import dev.fieldpoll.console.ConsoleChat;
import dev.fieldpoll.console.ConsoleRenderer;
import dev.fieldpoll.discord.DiscordBot;
import dev.fieldpoll.discord.DiscordSettings;
import dev.fieldpoll.poll.PollPolicy;
import dev.fieldpoll.poll.PollService;
import dev.fieldpoll.poll.PollStore;
import dev.fieldpoll.poll.TemplateCatalog;
import dev.fieldpoll.report.ReportService;
import dev.fieldpoll.store.Database;
import dev.fieldpoll.store.SqlitePollStore;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

/** The one place fieldpoll's objects are built and connected. Close it to close the database. */
public final class Wiring implements AutoCloseable {

    private final Config config;
    private final Clock clock;
    private final Database database;
    private final PollStore store;
    private final TemplateCatalog templates;
    private final PollService polls;
    private final ReportService reports;
    private final PollBot bot;

    public Wiring(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.templates = new TemplateCatalog(new TemplateLoader().loadAll(config.templatesDirectory()),
                config.defaultTemplate());
        this.database = Database.open(config.databasePath());
        this.store = new SqlitePollStore(database);
        this.polls = new PollService(store, templates, clock, new PollPolicy(config.onlyAdminsCreate()));
        this.reports = new ReportService(store, clock, config.minVoters());
        this.bot = new PollBot(polls, reports, config.zone());
    }

    public ConsoleChat consoleChat() {
        Set<String> admins = new HashSet<>(config.console().admins());
        admins.addAll(config.admins());
        return new ConsoleChat(bot, new CommandParser(), new ConsoleRenderer(config.zone()),
                config.console().channel(), config.console().user(), admins);
    }

    /**
     * The Discord bot over this wiring's polls and database, set up from the configuration's
     * discord section and admins and the token in the secrets; {@link DiscordBot#start()} connects it.
     */
    public DiscordBot discordBot(Config config, Secrets secrets) {
        String token = secrets.discordToken()
                .orElseThrow(() -> new ConfigException("DISCORD_TOKEN is not set in the environment."));
        Config.Discord discord = config.discord();
        return new DiscordBot(new DiscordSettings(token, discord.guilds(), discord.adminRoles(), config.admins(),
                discord.apiUrl(), discord.gatewayUrl(), DiscordSettings.DEFAULT_REFRESH_INTERVAL), bot, polls, store);
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

    @Override
    public void close() {
        database.close();
    }
}
