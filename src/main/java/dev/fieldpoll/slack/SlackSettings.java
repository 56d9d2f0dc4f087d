package dev.fieldpoll.slack;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the Slack adapter needs to run: how Slack reaches it, where the Web API is, the tokens
 * (from the environment only) and who counts as an admin besides workspace admins and owners.
 * With {@link OAuth} settings the app serves many workspaces, each with the token its install gave
 * (HTTP mode only); else the one bot token serves one workspace. {@link #toString()} never shows a
 * token, the signing secret or the client secret.
 */
public record SlackSettings(
        Mode mode,
        int port,
        Optional<URI> apiUrl,
        Optional<String> botToken,
        Optional<String> appToken,
        Optional<String> signingSecret,
        Set<String> admins,
        Duration refreshInterval,
        Optional<OAuth> oauth) {

    /** Poll messages are refreshed at most this often per poll (Slack allows about one message per second per channel). */
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(3);

    public enum Mode {
        /** Slack pushes events over a WebSocket the app opens: no public URL needed; needs the app token. */
        SOCKET,
        /** Slack posts signed requests to this app's port: for deployments behind a load balancer. */
        HTTP
    }

    /** Slack OAuth v2 for many workspaces: the app's client id and secret, and the public HTTPS address of this app. */
    public record OAuth(String clientId, String clientSecret, URI publicUrl) {

        /** Where Slack sends the browser back after an install: must be listed in the app's Redirect URLs. */
        public static final String REDIRECT_PATH = "/slack/oauth_redirect";
        /** Where an install starts: a link to it installs the app in the visitor's workspace. */
        public static final String INSTALL_PATH = "/slack/install";

        public OAuth {
            if (clientId == null || clientId.isBlank()) {
                throw new IllegalArgumentException("Slack OAuth needs slack.client-id (or FIELDPOLL_SLACK_CLIENT_ID).");
            }
            if (clientSecret == null || clientSecret.isBlank()) {
                throw new IllegalArgumentException(
                        "Slack OAuth needs FIELDPOLL_SLACK_CLIENT_SECRET in the environment.");
            }
            if (publicUrl == null || publicUrl.getHost() == null) {
                throw new IllegalArgumentException(
                        "Slack OAuth needs slack.public-url (or FIELDPOLL_SLACK_PUBLIC_URL): "
                                + "the https:// address Slack and browsers reach this app at.");
            }
        }

        /** The redirect URL as Slack must know it. */
        public String redirectUrl() {
            String base = publicUrl.toString();
            return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + REDIRECT_PATH;
        }

        @Override
        public String toString() {
            return "OAuth[clientId=" + clientId + ", clientSecret=set, publicUrl=" + publicUrl + "]";
        }
    }

    /** One workspace, one bot token. */
    public SlackSettings(
            Mode mode,
            int port,
            Optional<URI> apiUrl,
            String botToken,
            Optional<String> appToken,
            Optional<String> signingSecret,
            Set<String> admins,
            Duration refreshInterval) {
        this(
                mode,
                port,
                apiUrl,
                Optional.ofNullable(botToken),
                appToken,
                signingSecret,
                admins,
                refreshInterval,
                Optional.empty());
    }

    public SlackSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(botToken, "botToken");
        Objects.requireNonNull(oauth, "oauth");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(appToken, "appToken");
        Objects.requireNonNull(signingSecret, "signingSecret");
        Objects.requireNonNull(refreshInterval, "refreshInterval");
        botToken = botToken.filter(token -> !token.isBlank());
        if (botToken.isEmpty() && oauth.isEmpty()) {
            throw new IllegalArgumentException("Slack needs SLACK_BOT_TOKEN (xoxb-…) in the environment, "
                    + "or slack.client-id and FIELDPOLL_SLACK_CLIENT_SECRET to be installed in many workspaces.");
        }
        if (oauth.isPresent() && mode != Mode.HTTP) {
            throw new IllegalArgumentException(
                    "Slack for many workspaces (OAuth) needs slack.mode: http, so that Slack can reach the install pages.");
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
                + ", botToken=" + (botToken.isPresent() ? "set" : "unset") + ", appToken="
                + (appToken.isPresent() ? "set" : "unset") + ", signingSecret="
                + (signingSecret.isPresent() ? "set" : "unset") + ", admins=" + admins.size()
                + ", refreshInterval=" + refreshInterval + ", oauth="
                + oauth.map(OAuth::toString).orElse("off")
                + "]";
    }
}
