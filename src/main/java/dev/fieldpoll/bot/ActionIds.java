package dev.fieldpoll.bot;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one codec for component and action ids: {@code fp1:<action>:<pollId>[:<argument>…]},
 * at most 100 characters (Discord's custom_id limit; Slack allows 255). Decoding never throws:
 * anything malformed, oversized or unknown is empty.
 *
 * <p>Where a platform's event names no channel (a Slack modal's submission), the id the bot wrote
 * into the view also names the channel it was opened in: {@code <id>@<channelId>}.
 */
public final class ActionIds {

    public static final String PREFIX = "fp1";
    public static final int MAX_LENGTH = 100;
    private static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** An id and the channel it was shown in. */
    public record InChannel(ActionId id, String channelId) {}

    private ActionIds() {}

    public static String encode(ActionId id) {
        StringBuilder encoded = new StringBuilder(PREFIX)
                .append(':')
                .append(id.action().code())
                .append(':')
                .append(id.pollId());
        id.arguments().forEach(argument -> encoded.append(':').append(argument));
        if (encoded.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("action id longer than " + MAX_LENGTH + " characters: " + encoded);
        }
        return encoded.toString();
    }

    /** The id, naming the channel it is shown in too. */
    public static String encode(ActionId id, String channelId) {
        if (!CHANNEL.matcher(channelId).matches()) {
            throw new IllegalArgumentException("not a channel id: " + channelId);
        }
        return encode(id) + "@" + channelId;
    }

    /** Reads {@code <id>@<channelId>}; empty for anything else. */
    public static Optional<InChannel> decodeInChannel(String raw) {
        int at = raw == null ? -1 : raw.lastIndexOf('@');
        if (at < 0 || raw.length() > MAX_LENGTH + 65) {
            return Optional.empty();
        }
        String channel = raw.substring(at + 1);
        if (!CHANNEL.matcher(channel).matches()) {
            return Optional.empty();
        }
        return decode(raw.substring(0, at)).map(id -> new InChannel(id, channel));
    }

    public static Optional<ActionId> decode(String raw) {
        if (raw == null || raw.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] parts = raw.split(":", -1);
        if (parts.length < 3 || !parts[0].equals(PREFIX) || !parts[2].matches("0|[1-9]\\d{0,17}")) {
            return Optional.empty();
        }
        Optional<ActionId.Action> action = Arrays.stream(ActionId.Action.values())
                .filter(candidate -> candidate.code().equals(parts[1]))
                .findFirst();
        if (action.isEmpty()) {
            return Optional.empty();
        }
        List<String> arguments = List.of(parts).subList(3, parts.length);
        try {
            return Optional.of(new ActionId(action.get(), Long.parseLong(parts[2]), arguments));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
