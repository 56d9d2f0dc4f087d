package dev.fieldpoll.discord;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the Discord adapter needs to run: the bot token (a secret, never printed), the guilds to
 * register /poll in (empty: globally), the role names and user ids that count as admin, optional
 * REST and gateway URLs (tests, proxies), how often at most a poll message is refreshed, the
 * community's zone (a poll closing at its midnight closes "at the end of" the day before), and the
 * shards this process runs (empty: no sharding, one connection for every guild).
 */
public record DiscordSettings(
        String token,
        List<String> guilds,
        List<String> adminRoles,
        Set<String> adminUsers,
        Optional<URI> apiUrl,
        Optional<URI> gatewayUrl,
        Duration refreshInterval,
        ZoneId zone,
        Optional<DiscordShards> shards) {

    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(5);

    public DiscordSettings {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("DISCORD_TOKEN is empty");
        }
        guilds = List.copyOf(guilds);
        adminRoles = List.copyOf(adminRoles);
        adminUsers = Set.copyOf(adminUsers);
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(gatewayUrl, "gatewayUrl");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(shards, "shards");
        if (refreshInterval == null || refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("the poll message refresh interval must be positive");
        }
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "DiscordSettings[guilds=" + guilds + ", adminRoles=" + adminRoles + ", adminUsers=" + adminUsers
                + ", apiUrl=" + apiUrl
                + ", gatewayUrl=" + gatewayUrl + ", refreshInterval=" + refreshInterval + ", shards="
                + shards.map(DiscordShards::toString).orElse("none") + ", token=(set)]";
    }
}
