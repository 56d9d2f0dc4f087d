package dev.fieldpoll.slack;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the Slack adapter needs to run: how Slack reaches it, where the Web API is, the tokens
 * (from the environment only) and who counts as an admin besides workspace admins and owners.
 * {@link #toString()} never shows a token or the signing secret.
 */
public record SlackSettings(
        Mode mode,
        int port,
        Optional<URI> apiUrl,
        String botToken,
        Optional<String> appToken,
        Optional<String> signingSecret,
        Set<String> admins,
        Duration refreshInterval) {

    /** Poll messages are refreshed at most this often per poll (Slack allows about one message per second per channel). */
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(3);

    public enum Mode {
        /** Slack pushes events over a WebSocket the app opens: no public URL needed; needs the app token. */
        SOCKET,
        /** Slack posts signed requests to this app's port: for deployments behind a load balancer. */
        HTTP
    }

    public SlackSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(appToken, "appToken");
        Objects.requireNonNull(signingSecret, "signingSecret");
        Objects.requireNonNull(refreshInterval, "refreshInterval");
        if (botToken == null || botToken.isBlank()) {
            throw new IllegalArgumentException("Slack needs SLACK_BOT_TOKEN (xoxb-…) in the environment.");
        }
        if (mode == Mode.SOCKET && appToken.filter(token -> !token.isBlank()).isEmpty()) {
            throw new IllegalArgumentException("Slack Socket Mode needs SLACK_APP_TOKEN (xapp-…, with the "
                    + "connections:write scope) in the environment, or set slack.mode: http.");
        }
        if (mode == Mode.HTTP
                && signingSecret.filter(secret -> !secret.isBlank()).isEmpty()) {
            throw new IllegalArgumentException("Slack HTTP mode needs SLACK_SIGNING_SECRET in the environment, "
                    + "so that requests are verified as coming from Slack.");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the Slack HTTP port must be between 0 and 65535, was " + port);
        }
        if (refreshInterval.isNegative()) {
            throw new IllegalArgumentException("the refresh interval must not be negative");
        }
        admins = Set.copyOf(admins);
    }

    /** The Web API base URL as Bolt's client wants it: ending in a slash. */
    Optional<String> methodsUrlPrefix() {
        return apiUrl.map(URI::toString).map(url -> url.endsWith("/") ? url : url + "/");
    }

    @Override
    public String toString() {
        return "SlackSettings[mode=" + mode + ", port=" + port + ", apiUrl="
                + apiUrl.map(URI::toString).orElse("slack.com")
                + ", botToken=set, appToken=" + (appToken.isPresent() ? "set" : "unset") + ", signingSecret="
                + (signingSecret.isPresent() ? "set" : "unset") + ", admins=" + admins.size()
                + ", refreshInterval=" + refreshInterval + "]";
    }
}
