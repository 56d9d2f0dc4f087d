package dev.fieldpoll.slack;

/**
 * Slack did not take a post (ok=false, rate limited, unreachable). Thrown, not returned, so the
 * summary and reminder jobs' backoff retries it.
 */
final class SlackDeliveryException extends RuntimeException {

    private final String error;

    SlackDeliveryException(String method, String channel, String error) {
        super("Slack " + method + " to channel " + channel + " failed: " + error);
        this.error = error;
    }

    /** Slack's error code, e.g. ratelimited or not_in_channel. */
    String error() {
        return error;
    }
}
