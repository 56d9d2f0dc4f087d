package dev.fieldpoll.app;

import dev.fieldpoll.discord.DiscordShards;
import dev.fieldpoll.poll.PollPolicy;
import dev.fieldpoll.store.DatabaseSettings;
import dev.fieldpoll.store.DatabaseTarget;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * fieldpoll's settings, read from YAML and then overridden by environment variables.
 * Secrets (platform tokens) are never in this file: they come from the environment only.
 */
public record Config(
        Storage storage,
        ZoneId zone,
        int minVoters,
        int labelFrom,
        int groupsFrom,
        boolean onlyAdminsCreate,
        Set<String> admins,
        Path templatesDirectory,
        String defaultTemplate,
        Console console,
        Discord discord,
        Slack slack,
        Duration remindBefore,
        boolean postResultsAtClose,
        PollPolicy.ResultsSharing shareResults,
        RateLimit rateLimit,
        Web web) {

    public static final int MAX_MIN_VOTERS = 50;
    public static final int MAX_LABEL_FROM = 1000;
    public static final int MAX_GROUPS_FROM = 100_000;

    public Config {
        if (storage == null) {
            throw new ConfigException("database.path must name a file, e.g. data/fieldpoll.db");
        }
        if (zone == null) {
            throw new ConfigException("zone must be a time zone like UTC or Europe/London");
        }
        if (minVoters < 1 || minVoters > MAX_MIN_VOTERS) {
            throw new ConfigException(
                    "privacy.min-voters must be between 1 and " + MAX_MIN_VOTERS + ", was " + minVoters);
        }
        if (labelFrom < 1 || labelFrom > MAX_LABEL_FROM) {
            throw new ConfigException(
                    "results.label-from must be between 1 and " + MAX_LABEL_FROM + ", was " + labelFrom);
        }
        if (groupsFrom < 10 || groupsFrom > MAX_GROUPS_FROM) {
            throw new ConfigException(
                    "results.groups-from must be between 10 and " + MAX_GROUPS_FROM + ", was " + groupsFrom);
        }
        admins = Set.copyOf(admins);
        if (remindBefore == null || remindBefore.isNegative()) {
            throw new ConfigException("polls.remind-before must be a duration like 24h, or off");
        }
        if (shareResults == null) {
            throw new ConfigException("polls.share-results must be creator, admins or everyone");
        }
        if (rateLimit == null) {
            throw new ConfigException("rate-limit settings must not be empty");
        }
        if (console == null || discord == null || slack == null || web == null) {
            throw new ConfigException("console, discord, slack and web settings must not be empty");
        }
    }

    /**
     * Where the polls live and how it is reached: a SQLite file (database.path, the default) or a
     * PostgreSQL database (database.url, its password from FIELDPOLL_DATABASE_PASSWORD), the number
     * of connections kept for reads, and how PostgreSQL commits writes.
     */
    public record Storage(DatabaseTarget target, int poolSize, DatabaseSettings.Commits commits) {

        public static final int DEFAULT_POOL_SIZE = 4;

        public Storage {
            if (target == null) {
                throw new ConfigException("database.path must name a file, e.g. data/fieldpoll.db");
            }
            if (poolSize < 1 || poolSize > DatabaseSettings.MAX_POOL_SIZE) {
                throw new ConfigException("database.pool-size must be between 1 and " + DatabaseSettings.MAX_POOL_SIZE
                        + ", was " + poolSize);
            }
            if (commits == null) {
                throw new ConfigException("database.commits must be 'grouped' or 'plain'");
            }
        }

        public static Storage of(DatabaseTarget target) {
            return new Storage(target, DEFAULT_POOL_SIZE, DatabaseSettings.Commits.GROUPED);
        }

        /** How the database is opened for the bot: these connections, commits, and the default durability. */
        public DatabaseSettings settings() {
            return DatabaseSettings.defaults().withPoolSize(poolSize).withCommits(commits);
        }

        public Storage withTarget(DatabaseTarget other) {
            return new Storage(other, poolSize, commits);
        }
    }

    /** The database: a SQLite file or a PostgreSQL database. */
    public DatabaseTarget database() {
        return storage.target();
    }

    /**
     * Discord: guilds to register commands in (instant; empty = globally), role names that count
     * as admin, optional API and gateway URLs (tests, proxies), and the shards this process runs
     * (empty: no sharding). The token is a secret, not here.
     */
    public record Discord(
            List<String> guilds,
            List<String> adminRoles,
            Optional<URI> apiUrl,
            Optional<URI> gatewayUrl,
            Optional<DiscordShards> shards) {
        public Discord {
            guilds = List.copyOf(guilds);
            adminRoles = List.copyOf(adminRoles);
            Objects.requireNonNull(shards, "shards");
        }
    }

    /**
     * Slack: Socket Mode (no public URL) or HTTP on a port, admins by user id, an optional API URL;
     * for many workspaces (OAuth installs) the app's client id and the public address of this app.
     */
    public record Slack(
            SlackMode mode,
            int port,
            Optional<URI> apiUrl,
            List<String> admins,
            Optional<String> clientId,
            Optional<URI> publicUrl) {

        /** One workspace (no OAuth). */
        public Slack(SlackMode mode, int port, Optional<URI> apiUrl, List<String> admins) {
            this(mode, port, apiUrl, admins, Optional.empty(), Optional.empty());
        }

        public Slack {
            clientId = clientId.map(String::strip).filter(id -> !id.isEmpty());
            if (port < 1 || port > 65535) {
                throw new ConfigException("slack.port must be between 1 and 65535, was " + port);
            }
            admins = List.copyOf(admins);
        }
    }

    public enum SlackMode {
        SOCKET,
        HTTP
    }

    /** Commands a member may send: {@code burst} at once, refilled at {@code perMinute}. */
    public record RateLimit(int perMinute, int burst) {
        public RateLimit {
            if (perMinute < 1 || burst < 1) {
                throw new ConfigException("rate-limit.per-minute and rate-limit.burst must be at least 1");
            }
        }
    }

    /** The local chat: who you are at start, the channel, and who counts as an admin there. */
    public record Console(String user, String channel, List<String> admins) {
        public Console {
            if (user == null || !user.matches("[A-Za-z0-9_.-]{1,32}")) {
                throw new ConfigException("console.user must be a simple name like 'you', was '" + user + "'");
            }
            if (channel == null || !channel.matches("[A-Za-z0-9_.-]{1,32}")) {
                throw new ConfigException("console.channel must be a simple name like 'local', was '" + channel + "'");
            }
            admins = List.copyOf(admins);
        }
    }

    /**
     * Results pages: on or off (unset: off for {@code run}, on for the console chat), the address
     * to listen on, the port (0 = any free one), the address members open when a reverse proxy
     * stands in front, and how long a personal link works.
     */
    public record Web(Optional<Boolean> enabled, String bind, int port, Optional<URI> baseUrl, Duration linkLifetime) {
        public Web {
            enabled = enabled == null ? Optional.empty() : enabled;
            if (bind == null || bind.isBlank()) {
                throw new ConfigException("web.bind must be an address like 127.0.0.1");
            }
            if (port < 0 || port > 65535) {
                throw new ConfigException("web.port must be between 0 and 65535, was " + port);
            }
            if (linkLifetime == null
                    || linkLifetime.compareTo(Duration.ofMinutes(1)) < 0
                    || linkLifetime.compareTo(Duration.ofDays(30)) > 0) {
                throw new ConfigException("web.link-lifetime must be between 1m and 30d, like 24h");
            }
        }

        public boolean isOn() {
            return enabled.orElse(false);
        }

        /** On, unless the configuration turned it off: the console chat's default. */
        public Web onUnlessTurnedOff() {
            return new Web(Optional.of(enabled.orElse(true)), bind, port, baseUrl, linkLifetime);
        }

        public Web turnedOn() {
            return new Web(Optional.of(true), bind, port, baseUrl, linkLifetime);
        }

        public Web withPort(int newPort) {
            return new Web(enabled, bind, newPort, baseUrl, linkLifetime);
        }
    }

    /** The same settings over a SQLite file. */
    public Config withDatabasePath(Path path) {
        return withDatabase(new DatabaseTarget.SqliteFile(path));
    }

    public Config withDatabase(DatabaseTarget target) {
        return withStorage(storage.withTarget(target));
    }

    public Config withStorage(Storage settings) {
        return new Config(
                settings,
                zone,
                minVoters,
                labelFrom,
                groupsFrom,
                onlyAdminsCreate,
                admins,
                templatesDirectory,
                defaultTemplate,
                console,
                discord,
                slack,
                remindBefore,
                postResultsAtClose,
                shareResults,
                rateLimit,
                web);
    }

    public Config withWeb(Web settings) {
        return new Config(
                storage,
                zone,
                minVoters,
                labelFrom,
                groupsFrom,
                onlyAdminsCreate,
                admins,
                templatesDirectory,
                defaultTemplate,
                console,
                discord,
                slack,
                remindBefore,
                postResultsAtClose,
                shareResults,
                rateLimit,
                settings);
    }
}
