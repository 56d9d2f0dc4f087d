package dev.fieldpoll.slack;

import com.slack.api.model.User;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.poll.Platform;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who sent a Slack request: the team (the workspace no poll leaves), channel and user, and whether
 * the user is an admin — a workspace admin or owner (users.info, remembered for a few minutes so a
 * busy poll does not call Slack for every click; at most {@value #REMEMBERED} members, the least
 * recently asked forgotten first) or a user id listed in the configuration. Thread-safe: the cache
 * is guarded by its own lock, never held during a call to Slack.
 */
final class SlackCaller {

    static final Duration ADMIN_CACHE = Duration.ofMinutes(5);
    /** Members remembered at most; the one asked about longest ago is forgotten first. */
    static final int REMEMBERED = 10_000;

    private record Known(boolean admin, Instant until) {}

    private final SlackWeb web;
    private final Set<String> configuredAdmins;
    private final Clock clock;
    /** Guarded by itself: an access-ordered map that evicts the eldest entry past {@link #REMEMBERED}. */
    private final Map<String, Known> admins = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
            return size() > REMEMBERED;
        }
    };

    SlackCaller(SlackWeb web, Set<String> configuredAdmins, Clock clock) {
        this.web = web;
        this.configuredAdmins = Set.copyOf(configuredAdmins);
        this.clock = clock;
    }

    /** The caller, or empty when the request does not say which team and user sent it. */
    Optional<Caller> of(Origin origin) {
        if (blank(origin.teamId())
                || blank(origin.userId())
                || blank(origin.channelId())
                || origin.teamId().length() > 64
                || origin.userId().length() > 64
                || origin.channelId().length() > 64) {
            return Optional.empty();
        }
        return Optional.of(new Caller(
                Platform.SLACK,
                origin.teamId(),
                origin.channelId(),
                origin.userId(),
                isAdmin(origin.teamId(), origin.userId()),
                Set.of(),
                isDirectMessage(origin.channelId())));
    }

    boolean isAdmin(String teamId, String userId) {
        if (configuredAdmins.contains(userId)) {
            return true;
        }
        String key = teamId + "/" + userId;
        Instant now = clock.instant();
        Known known;
        synchronized (admins) {
            known = admins.get(key);
        }
        if (known != null && now.isBefore(known.until())) {
            return known.admin();
        }
        Optional<User> user = web.user(teamId, userId);
        if (user.isEmpty()) {
            return false; // not remembered: the next request asks Slack again
        }
        boolean admin =
                user.get().isAdmin() || user.get().isOwner() || user.get().isPrimaryOwner();
        synchronized (admins) {
            admins.put(key, new Known(admin, now.plus(ADMIN_CACHE)));
        }
        return admin;
    }

    /** Slack's ids of direct-message conversations start with D (channels with C, private ones with C or G). */
    static boolean isDirectMessage(String channelId) {
        return channelId.startsWith("D");
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
