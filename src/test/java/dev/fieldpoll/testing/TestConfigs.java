package dev.fieldpoll.testing;

import dev.fieldpoll.app.Config;
import dev.fieldpoll.poll.PollPolicy;
import dev.fieldpoll.store.DatabaseTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Configuration for tests: a database file in the test's folder (or PostgreSQL), the repository's templates. */
public final class TestConfigs {

    private TestConfigs() {}

    public static Config at(Path folder) {
        return new Config(
                Config.Storage.of(new DatabaseTarget.SqliteFile(folder.resolve("fieldpoll.db"))),
                ZoneOffset.UTC,
                3,
                10,
                30,
                false,
                Set.of(),
                Path.of("config/polls"),
                "ai-safety-automation",
                new Config.Console("you", "local", List.of("you")),
                new Config.Discord(List.of(), List.of(), Optional.empty(), Optional.empty()),
                new Config.Slack(Config.SlackMode.SOCKET, 3000, Optional.empty(), List.of()),
                Duration.ofHours(24),
                true,
                PollPolicy.ResultsSharing.CREATOR,
                new Config.RateLimit(100_000, 100_000),
                new Config.Web(Optional.of(false), "127.0.0.1", 0, Optional.empty(), Duration.ofHours(24)));
    }

    /** The same, on a new database of the kind given: a file in the folder, or a new PostgreSQL database. */
    public static Config at(Path folder, TestDatabase database) {
        return at(folder).withDatabase(database.create(folder));
    }

    /** The same, with results pages on at a free loopback port. */
    public static Config withWeb(Path folder) {
        Config config = at(folder);
        return config.withWeb(
                new Config.Web(Optional.of(true), "127.0.0.1", 0, Optional.empty(), Duration.ofHours(24)));
    }

    /** {@code config} with other Slack settings. */
    public static Config withSlack(Config config, Config.Slack slack) {
        return copy(config, config.discord(), slack, config.rateLimit());
    }

    /** {@code config} with other Discord settings. */
    public static Config withDiscord(Config config, Config.Discord discord) {
        return copy(config, discord, config.slack(), config.rateLimit());
    }

    /** {@code config} with another rate limit. */
    public static Config withRateLimit(Config config, Config.RateLimit rateLimit) {
        return copy(config, config.discord(), config.slack(), rateLimit);
    }

    /** {@code config} with polls.post-results-at-close off. */
    public static Config withoutResultsPosts(Config config) {
        return copy(config, config.discord(), config.slack(), config.rateLimit(), false, config.shareResults());
    }

    /** {@code config} with polls.share-results as given. */
    public static Config withShareResults(Config config, PollPolicy.ResultsSharing shareResults) {
        return copy(
                config,
                config.discord(),
                config.slack(),
                config.rateLimit(),
                config.postResultsAtClose(),
                shareResults);
    }

    private static Config copy(Config config, Config.Discord discord, Config.Slack slack, Config.RateLimit rateLimit) {
        return copy(config, discord, slack, rateLimit, config.postResultsAtClose(), config.shareResults());
    }

    private static Config copy(
            Config config,
            Config.Discord discord,
            Config.Slack slack,
            Config.RateLimit rateLimit,
            boolean postResultsAtClose,
            PollPolicy.ResultsSharing shareResults) {
        return new Config(
                config.storage(),
                config.zone(),
                config.minVoters(),
                config.labelFrom(),
                config.groupsFrom(),
                config.onlyAdminsCreate(),
                config.admins(),
                config.templatesDirectory(),
                config.defaultTemplate(),
                config.console(),
                discord,
                slack,
                config.remindBefore(),
                postResultsAtClose,
                shareResults,
                rateLimit,
                config.web());
    }
}
