package dev.fieldpoll.poll;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A workspace that installed the app through OAuth: its bot and the bot's token (a secret: never
 * printed, stored only encrypted).
 */
public record Installation(
        String workspaceId,
        Optional<String> enterpriseId,
        String botUserId,
        Optional<String> botId,
        String botToken,
        String scope,
        Instant installedAt) {

    public Installation {
        requireText(workspaceId, "workspace id");
        requireText(botUserId, "bot user id");
        requireText(botToken, "bot token");
        Objects.requireNonNull(enterpriseId, "enterpriseId");
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(installedAt, "installedAt");
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an installation needs a " + what);
        }
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "Installation[workspaceId=" + workspaceId + ", enterpriseId=" + enterpriseId + ", botUserId="
                + botUserId + ", botId=" + botId + ", scope=" + scope + ", installedAt=" + installedAt
                + ", botToken=(set)]";
    }
}
