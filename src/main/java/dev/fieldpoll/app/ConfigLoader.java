package dev.fieldpoll.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldpoll.discord.DiscordShards;
import dev.fieldpoll.poll.PollPolicy;
import dev.fieldpoll.store.DatabaseSettings;
import dev.fieldpoll.store.DatabaseTarget;
import dev.fieldpoll.tally.GroupAnalyzer;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads configuration: defaults, then the YAML file (if any), then environment variables.
 * Every mistake becomes a ConfigException naming the file, line or variable.
 */
public final class ConfigLoader {

    public static final Path DEFAULT_FILE = Path.of("config", "fieldpoll.yml");

    private final Map<String, String> environment;

    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The file given, else FIELDPOLL_CONFIG, else config/fieldpoll.yml when present, else defaults only. */
    public Config load(Optional<Path> explicitFile) {
        Optional<Path> file = explicitFile.or(() -> env("FIELDPOLL_CONFIG").map(Path::of));
        if (file.isPresent() && !Files.isRegularFile(file.get())) {
            throw new ConfigException("The configuration file " + file.get() + " does not exist.");
        }
        Optional<Path> chosen = file.or(() -> Optional.of(DEFAULT_FILE).filter(Files::isRegularFile));
        ConfigFile raw = chosen.map(ConfigLoader::read).orElse(ConfigFile.EMPTY);
        return build(raw.orDefaults(), chosen.map(Path::toString).orElse("defaults"));
    }

    private static ConfigFile read(Path file) {
        ObjectMapper yaml = YamlErrors.strictMapper();
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException unreadable) {
            throw new ConfigException("Cannot read " + file + ": " + unreadable.getMessage(), unreadable);
        }
        if (YamlErrors.isEmpty(text)) {
            // nothing set yet (or only comments): the defaults
            return ConfigFile.EMPTY;
        }
        try {
            ConfigFile raw = yaml.readValue(text, ConfigFile.class);
            return raw == null ? ConfigFile.EMPTY : raw;
        } catch (JsonProcessingException wrong) {
            throw new ConfigException(
                    file + " line " + YamlErrors.line(text, wrong) + ": " + YamlErrors.message(text, wrong));
        } catch (IOException unreadable) {
            throw new ConfigException("Cannot read " + file + ": " + unreadable.getMessage(), unreadable);
        }
    }

    private Config build(ConfigFile raw, String source) {
        String zone = env("FIELDPOLL_ZONE").orElse(raw.zone());
        String minVoters =
                env("FIELDPOLL_MIN_VOTERS").orElse(String.valueOf(raw.privacy().minVoters()));
        String labelFrom =
                env("FIELDPOLL_LABEL_FROM").orElse(String.valueOf(raw.results().labelFrom()));
        String groupsFrom =
                env("FIELDPOLL_GROUPS_FROM").orElse(String.valueOf(raw.results().groupsFrom()));
        String create = env("FIELDPOLL_CREATE_POLLS").orElse(raw.polls().create());
        String templates = env("FIELDPOLL_TEMPLATES_DIR").orElse(raw.polls().templatesDirectory());
        boolean templatesAskedFor = env("FIELDPOLL_TEMPLATES_DIR").isPresent()
                || !raw.polls().templatesDirectory().equals(Polls.DEFAULT_TEMPLATES);
        Set<String> admins =
                env("FIELDPOLL_ADMINS").map(ConfigLoader::commaList).orElse(Set.copyOf(raw.admins()));
        try {
            return new Config(
                    storage(raw.database()),
                    zone(zone),
                    integer("privacy.min-voters / FIELDPOLL_MIN_VOTERS", minVoters),
                    integer("results.label-from / FIELDPOLL_LABEL_FROM", labelFrom),
                    integer("results.groups-from / FIELDPOLL_GROUPS_FROM", groupsFrom),
                    onlyAdmins(create),
                    admins,
                    templatesDirectory(templates, templatesAskedFor),
                    raw.polls().defaultTemplate(),
                    new Config.Console(
                            raw.console().user(),
                            raw.console().channel(),
                            raw.console().admins()),
                    discord(raw.discord()),
                    slack(raw.slack()),
                    remindBefore(
                            env("FIELDPOLL_REMIND_BEFORE").orElse(raw.polls().remindBefore())),
                    raw.polls().postResultsAtClose(),
                    shareResults(
                            env("FIELDPOLL_SHARE_RESULTS").orElse(raw.polls().shareResults())),
                    new Config.RateLimit(
                            integer(
                                    "rate-limit.per-minute / FIELDPOLL_RATE_PER_MINUTE",
                                    env("FIELDPOLL_RATE_PER_MINUTE")
                                            .orElse(String.valueOf(
                                                    raw.rateLimit().perMinute()))),
                            integer(
                                    "rate-limit.burst / FIELDPOLL_RATE_BURST",
                                    env("FIELDPOLL_RATE_BURST")
                                            .orElse(String.valueOf(
                                                    raw.rateLimit().burst())))),
                    web(raw.web()));
        } catch (ConfigException wrong) {
            throw new ConfigException("Configuration (" + source + "): " + wrong.getMessage());
        }
    }

    /**
     * database.url (or FIELDPOLL_DATABASE_URL), when set, takes the place of database.path: a
     * PostgreSQL database, its password from FIELDPOLL_DATABASE_PASSWORD alone.
     */
    private Config.Storage storage(Database section) {
        if (section.password() != null) {
            throw new ConfigException("database.password: a password never goes in the configuration file; "
                    + "set FIELDPOLL_DATABASE_PASSWORD in the environment instead");
        }
        Optional<String> url = env("FIELDPOLL_DATABASE_URL").or(() -> Optional.ofNullable(section.url()));
        DatabaseTarget target;
        if (url.isPresent()) {
            if (!url.get().strip().startsWith(DatabaseTarget.POSTGRES_PREFIX)) {
                throw new ConfigException("database.url / FIELDPOLL_DATABASE_URL must be a PostgreSQL URL like "
                        + "jdbc:postgresql://localhost:5432/fieldpoll?user=fieldpoll, was '"
                        + DatabaseTarget.Postgres.redact(url.get()) + "'; for a SQLite file set database.path");
            }
            target = new DatabaseTarget.Postgres(url.get().strip(), env("FIELDPOLL_DATABASE_PASSWORD"));
        } else {
            String path = env("FIELDPOLL_DATABASE_PATH").orElse(section.path());
            if (path == null || path.isBlank()) {
                throw new ConfigException("database.path must name a file, e.g. data/fieldpoll.db");
            }
            target = new DatabaseTarget.SqliteFile(Path.of(path));
        }
        int poolSize = integer(
                "database.pool-size / FIELDPOLL_DATABASE_POOL_SIZE",
                env("FIELDPOLL_DATABASE_POOL_SIZE").orElse(String.valueOf(section.poolSize())));
        String commits = env("FIELDPOLL_DATABASE_COMMITS").orElse(section.commits());
        return new Config.Storage(target, poolSize, commits(commits));
    }

    private static DatabaseSettings.Commits commits(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "grouped" -> DatabaseSettings.Commits.GROUPED;
            case "plain" -> DatabaseSettings.Commits.PLAIN;
            default ->
                throw new ConfigException(
                        "database.commits / FIELDPOLL_DATABASE_COMMITS must be 'grouped' or 'plain', was '" + text
                                + "'");
        };
    }

    private Config.Discord discord(DiscordSection section) {
        return new Config.Discord(
                section.guilds(),
                section.adminRoles(),
                url(
                        "FIELDPOLL_DISCORD_API_URL / discord.api-url",
                        env("FIELDPOLL_DISCORD_API_URL").orElse(section.apiUrl())),
                url(
                        "FIELDPOLL_DISCORD_GATEWAY_URL / discord.gateway-url",
                        env("FIELDPOLL_DISCORD_GATEWAY_URL").orElse(section.gatewayUrl())),
                shards(section.shards()));
    }

    /** discord.shards.total and .ids (or their variables); both absent: no sharding. */
    private Optional<DiscordShards> shards(ShardsSection section) {
        try {
            return DiscordShards.parse(
                    env("FIELDPOLL_DISCORD_SHARDS_TOTAL").orElse(section.total()),
                    env("FIELDPOLL_DISCORD_SHARDS_IDS").orElse(section.ids()));
        } catch (IllegalArgumentException wrong) {
            throw new ConfigException("discord.shards (FIELDPOLL_DISCORD_SHARDS_TOTAL, FIELDPOLL_DISCORD_SHARDS_IDS): "
                    + wrong.getMessage() + ".");
        }
    }

    private Config.Slack slack(SlackSection section) {
        String mode = env("FIELDPOLL_SLACK_MODE").orElse(section.mode());
        Config.SlackMode slackMode = switch (mode.toLowerCase(Locale.ROOT)) {
            case "socket" -> Config.SlackMode.SOCKET;
            case "http" -> Config.SlackMode.HTTP;
            default -> throw new ConfigException("slack.mode must be 'socket' or 'http', was '" + mode + "'");
        };
        int port = integer(
                "slack.port / FIELDPOLL_SLACK_PORT",
                env("FIELDPOLL_SLACK_PORT").orElse(String.valueOf(section.port())));
        return new Config.Slack(
                slackMode,
                port,
                url(
                        "FIELDPOLL_SLACK_API_URL / slack.api-url",
                        env("FIELDPOLL_SLACK_API_URL").orElse(section.apiUrl())),
                section.admins(),
                env("FIELDPOLL_SLACK_CLIENT_ID").or(() -> Optional.ofNullable(section.clientId())),
                url(
                        "FIELDPOLL_SLACK_PUBLIC_URL / slack.public-url",
                        env("FIELDPOLL_SLACK_PUBLIC_URL").orElse(section.publicUrl())));
    }

    private Config.Web web(WebSection section) {
        String enabled = env("FIELDPOLL_WEB_ENABLED").orElse(section.enabled() == null ? null : section.enabled());
        return new Config.Web(
                enabled == null ? Optional.empty() : Optional.of(bool("web.enabled / FIELDPOLL_WEB_ENABLED", enabled)),
                env("FIELDPOLL_WEB_BIND").orElse(section.bind()),
                integer(
                        "web.port / FIELDPOLL_WEB_PORT",
                        env("FIELDPOLL_WEB_PORT").orElse(String.valueOf(section.port()))),
                url(
                        "FIELDPOLL_WEB_BASE_URL / web.base-url",
                        env("FIELDPOLL_WEB_BASE_URL").orElse(section.baseUrl())),
                duration(
                        "web.link-lifetime / FIELDPOLL_WEB_LINK_LIFETIME",
                        "24h, 2d or 90m",
                        env("FIELDPOLL_WEB_LINK_LIFETIME").orElse(section.linkLifetime())));
    }

    private static boolean bool(String what, String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new ConfigException(what + " must be true or false, was '" + text + "'");
        };
    }

    /** "24h", "2d", "90m", or "off"/"0" for no closing reminders. */
    private static Duration remindBefore(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.equals("off") || value.equals("0")) {
            return Duration.ZERO;
        }
        return duration("polls.remind-before / FIELDPOLL_REMIND_BEFORE", "24h, 2d or off", text);
    }

    /** "24h", "2d", "90m". */
    private static Duration duration(String what, String forms, String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        java.util.regex.Matcher parts =
                java.util.regex.Pattern.compile("(\\d{1,4})([mhd])").matcher(value);
        if (!parts.matches()) {
            throw new ConfigException(what + " must be like " + forms + ", was '" + text + "'");
        }
        long amount = Long.parseLong(parts.group(1));
        return switch (parts.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** A folder someone asked for must exist; the default one may be missing (the built-in templates remain). */
    private static Path templatesDirectory(String text, boolean askedFor) {
        Path folder = Path.of(text);
        if (askedFor && !Files.isDirectory(folder)) {
            throw new ConfigException("polls.templates-directory / FIELDPOLL_TEMPLATES_DIR '" + text
                    + "' is not a folder. Create it, or leave the setting out to use the built-in templates.");
        }
        return folder;
    }

    private static Optional<URI> url(String what, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(text, "needs a scheme and a host");
            }
            return Optional.of(uri);
        } catch (URISyntaxException wrong) {
            throw new ConfigException(what + " must be a URL like http://127.0.0.1:8080/api/, was '" + text + "'");
        }
    }

    private Optional<String> env(String name) {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static Set<String> commaList(String text) {
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .collect(Collectors.toSet());
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException | NullPointerException wrong) {
            throw new ConfigException("zone '" + text + "' is not a time zone; use one like UTC or Europe/London");
        }
    }

    private static int integer(String what, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException wrong) {
            throw new ConfigException(what + " must be a whole number, was '" + text + "'");
        }
    }

    private static boolean onlyAdmins(String text) {
        return switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
            case "everyone" -> false;
            case "admins" -> true;
            default -> throw new ConfigException("polls.create must be 'everyone' or 'admins', was '" + text + "'");
        };
    }

    private static PollPolicy.ResultsSharing shareResults(String text) {
        return switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
            case "creator" -> PollPolicy.ResultsSharing.CREATOR;
            case "admins" -> PollPolicy.ResultsSharing.ADMINS;
            case "everyone" -> PollPolicy.ResultsSharing.EVERYONE;
            default ->
                throw new ConfigException(
                        "polls.share-results / FIELDPOLL_SHARE_RESULTS must be 'creator', 'admins' or 'everyone', was '"
                                + text + "'");
        };
    }

    /** The YAML file's shape; absent sections fall back to defaults. */
    record ConfigFile(
            Database database,
            String zone,
            Privacy privacy,
            Results results,
            Polls polls,
            List<String> admins,
            ConsoleSection console,
            DiscordSection discord,
            SlackSection slack,
            @JsonProperty("rate-limit") RateLimitSection rateLimit,
            WebSection web) {

        static final ConfigFile EMPTY =
                new ConfigFile(null, null, null, null, null, null, null, null, null, null, null);

        ConfigFile orDefaults() {
            return new ConfigFile(
                    (database == null ? new Database(null, null, null, null, null) : database).orDefaults(),
                    zone == null ? "UTC" : zone,
                    privacy == null || privacy.minVoters() == null ? new Privacy(3) : privacy,
                    (results == null ? new Results(null, null) : results).orDefaults(),
                    (polls == null ? new Polls(null, null, null, null, null, null) : polls).orDefaults(),
                    admins == null ? List.of() : admins,
                    (console == null ? new ConsoleSection(null, null, null) : console).orDefaults(),
                    (discord == null ? new DiscordSection(null, null, null, null, null) : discord).orDefaults(),
                    (slack == null ? new SlackSection(null, null, null, null, null, null) : slack).orDefaults(),
                    (rateLimit == null ? new RateLimitSection(null, null) : rateLimit).orDefaults(),
                    (web == null ? new WebSection(null, null, null, null, null) : web).orDefaults());
        }
    }

    /** {@code enabled} stays null when unset: the console chat turns pages on, {@code run} leaves them off. */
    record WebSection(
            String enabled,
            String bind,
            Integer port,
            @JsonProperty("base-url") String baseUrl,
            @JsonProperty("link-lifetime") String linkLifetime) {

        WebSection orDefaults() {
            return new WebSection(
                    enabled,
                    bind == null ? "127.0.0.1" : bind,
                    port == null ? 8080 : port,
                    baseUrl,
                    linkLifetime == null ? "24h" : linkLifetime);
        }
    }

    record RateLimitSection(@JsonProperty("per-minute") Integer perMinute, Integer burst) {

        // A 10-field x 2-factor ballot is 20 choices; twice that in a burst, then two a second.
        RateLimitSection orDefaults() {
            return new RateLimitSection(perMinute == null ? 120 : perMinute, burst == null ? 40 : burst);
        }
    }

    record DiscordSection(
            List<String> guilds,
            @JsonProperty("admin-roles") List<String> adminRoles,
            @JsonProperty("api-url") String apiUrl,
            @JsonProperty("gateway-url") String gatewayUrl,
            ShardsSection shards) {

        DiscordSection orDefaults() {
            return new DiscordSection(
                    guilds == null ? List.of() : guilds,
                    adminRoles == null ? List.of() : adminRoles,
                    apiUrl,
                    gatewayUrl,
                    shards == null ? new ShardsSection(null, null) : shards);
        }
    }

    /** {@code total}: a number or "auto"; {@code ids}: like "0,1" or "0-3". Both absent: no sharding. */
    record ShardsSection(String total, String ids) {}

    record SlackSection(
            String mode,
            Integer port,
            @JsonProperty("api-url") String apiUrl,
            List<String> admins,
            @JsonProperty("client-id") String clientId,
            @JsonProperty("public-url") String publicUrl) {

        SlackSection orDefaults() {
            return new SlackSection(
                    mode == null ? "socket" : mode,
                    port == null ? 3000 : port,
                    apiUrl,
                    admins == null ? List.of() : admins,
                    clientId,
                    publicUrl);
        }
    }

    /** {@code password} is read only to refuse it: the password comes from the environment alone. */
    record Database(
            String path,
            String url,
            @JsonProperty("pool-size") Integer poolSize,
            String commits,
            String password) {

        Database orDefaults() {
            return new Database(
                    path == null ? "data/fieldpoll.db" : path,
                    url,
                    poolSize == null ? Config.Storage.DEFAULT_POOL_SIZE : poolSize,
                    commits == null ? "grouped" : commits,
                    password);
        }
    }

    record Privacy(@JsonProperty("min-voters") Integer minVoters) {}

    record Results(
            @JsonProperty("label-from") Integer labelFrom,
            @JsonProperty("groups-from") Integer groupsFrom) {

        Results orDefaults() {
            return new Results(
                    labelFrom == null ? 10 : labelFrom,
                    groupsFrom == null ? GroupAnalyzer.DEFAULT_GROUPS_FROM : groupsFrom);
        }
    }

    record Polls(
            String create,
            @JsonProperty("default-template") String defaultTemplate,
            @JsonProperty("templates-directory") String templatesDirectory,
            @JsonProperty("remind-before") String remindBefore,
            @JsonProperty("post-results-at-close") Boolean postResultsAtClose,
            @JsonProperty("share-results") String shareResults) {

        static final String DEFAULT_TEMPLATES = "config/polls";

        Polls orDefaults() {
            return new Polls(
                    create == null ? "everyone" : create,
                    defaultTemplate == null ? "ai-safety-automation" : defaultTemplate,
                    templatesDirectory == null ? DEFAULT_TEMPLATES : templatesDirectory,
                    remindBefore == null ? "24h" : remindBefore,
                    postResultsAtClose == null || postResultsAtClose,
                    shareResults == null ? "creator" : shareResults);
        }
    }

    record ConsoleSection(String user, String channel, List<String> admins) {

        ConsoleSection orDefaults() {
            return new ConsoleSection(
                    user == null ? "you" : user,
                    channel == null ? "local" : channel,
                    admins == null ? List.of("you") : admins);
        }
    }
}
