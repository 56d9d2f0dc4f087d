package dev.fieldpoll.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import dev.fieldpoll.poll.Installation;
import dev.fieldpoll.poll.InstallationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Web API client of each workspace (team): with one configured bot token, the one client for
 * every team; with OAuth installs, a client with the token of the team's installation, read from the
 * {@link InstallationStore} and remembered for {@link #REMEMBER_FOR} (at most {@value #REMEMBERED}
 * teams, the least recently used forgotten first), so a reinstall or an uninstall in another process
 * is seen within that time. A team without installation has no client; that is logged once per team
 * until it installs again. Thread-safe: the cache is guarded by its own lock, never held while the
 * database is read; the set of teams reported missing is concurrent; clients are immutable.
 */
final class SlackTeamClients {

    /** Teams remembered at most; the one used longest ago is forgotten first. */
    static final int REMEMBERED = 1_000;
    /** How long a team's token is used before it is read again (another process may have uninstalled it). */
    static final Duration REMEMBER_FOR = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(SlackTeamClients.class);

    private record Known(Installation installation, MethodsClient client, Instant until) {}

    private final Slack slack;
    private final MethodsClient single;
    private final InstallationStore installations;
    private final Clock clock;
    /** Guarded by itself: access-ordered, evicting the eldest entry past {@link #REMEMBERED}. */
    private final Map<String, Known> clients = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
            return size() > REMEMBERED;
        }
    };

    private final Set<String> reportedMissing = ConcurrentHashMap.newKeySet();

    private SlackTeamClients(Slack slack, MethodsClient single, InstallationStore installations, Clock clock) {
        this.slack = slack;
        this.single = single;
        this.installations = installations;
        this.clock = clock;
    }

    /** One workspace, one configured bot token (SLACK_BOT_TOKEN): every team gets its client. */
    static SlackTeamClients singleToken(Slack slack, String botToken) {
        return new SlackTeamClients(slack, slack.methods(botToken), null, Clock.systemUTC());
    }

    /** Many workspaces: each team's token comes from its installation. */
    static SlackTeamClients installed(Slack slack, InstallationStore installations, Clock clock) {
        return new SlackTeamClients(slack, null, installations, clock);
    }

    /** Whether tokens come from installations (OAuth) rather than one configured token. */
    boolean multiWorkspace() {
        return installations != null;
    }

    /** The client that calls Slack as the team's bot; empty when the team has not installed the app. */
    Optional<MethodsClient> forTeam(String team) {
        if (single != null) {
            return Optional.of(single);
        }
        return known(team).map(Known::client);
    }

    /** The team's installation (multi-workspace mode), as remembered; empty when it has none. */
    Optional<Installation> installation(String team) {
        return single != null ? Optional.empty() : known(team).map(Known::installation);
    }

    private Optional<Known> known(String team) {
        if (team == null || team.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        synchronized (clients) {
            Known known = clients.get(team);
            if (known != null && now.isBefore(known.until())) {
                return Optional.of(known);
            }
        }
        Optional<Installation> installation = installations.find(team);
        if (installation.isEmpty()) {
            forget(team);
            if (reportedMissing.add(team)) {
                log.warn(
                        "Slack workspace {} has not installed fieldpoll (or uninstalled it); its posts are skipped",
                        team);
            }
            return Optional.empty();
        }
        reportedMissing.remove(team);
        Known known =
                new Known(installation.get(), slack.methods(installation.get().botToken()), now.plus(REMEMBER_FOR));
        synchronized (clients) {
            clients.put(team, known);
        }
        return Optional.of(known);
    }

    /** Drops the team's remembered client: after an uninstall, a reinstall, or Slack refusing its token. */
    void forget(String team) {
        synchronized (clients) {
            clients.remove(team);
        }
    }

    /** A new installation: its token is used from the next call on, and its absence is reported again later. */
    void installed(String team) {
        forget(team);
        reportedMissing.remove(team);
    }
}
