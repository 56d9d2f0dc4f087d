package dev.fieldpoll.app;

import java.util.Map;
import java.util.Optional;

/**
 * Platform tokens, from the environment only: never from a file, never logged.
 * {@link #toString()} names which are set, never their values.
 */
public record Secrets(
        Optional<String> discordToken,
        Optional<String> slackBotToken,
        Optional<String> slackAppToken,
        Optional<String> slackSigningSecret,
        Optional<String> slackClientSecret,
        Optional<String> secretKey) {

    /** Without the Slack OAuth secrets: one Slack workspace at most. */
    public Secrets(
            Optional<String> discordToken,
            Optional<String> slackBotToken,
            Optional<String> slackAppToken,
            Optional<String> slackSigningSecret) {
        this(discordToken, slackBotToken, slackAppToken, slackSigningSecret, Optional.empty(), Optional.empty());
    }

    public static Secrets fromEnvironment(Map<String, String> environment) {
        return new Secrets(
                value(environment, "DISCORD_TOKEN"),
                value(environment, "SLACK_BOT_TOKEN"),
                value(environment, "SLACK_APP_TOKEN"),
                value(environment, "SLACK_SIGNING_SECRET"),
                value(environment, "FIELDPOLL_SLACK_CLIENT_SECRET"),
                value(environment, "FIELDPOLL_SECRET_KEY"));
    }

    public static Secrets none() {
        return new Secrets(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Optional<String> value(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(text -> !text.isEmpty());
    }

    public boolean hasDiscord() {
        return discordToken.isPresent();
    }

    /** A Slack bot token, or the client secret of the app installed in many workspaces. */
    public boolean hasSlack() {
        return slackBotToken.isPresent() || slackClientSecret.isPresent();
    }

    @Override
    public String toString() {
        return "Secrets[discord=" + (hasDiscord() ? "set" : "unset") + ", slack=" + (hasSlack() ? "set" : "unset")
                + "]";
    }
}
