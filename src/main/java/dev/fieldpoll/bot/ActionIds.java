package dev.fieldpoll.bot;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The one codec for component and action ids: {@code fp1:<action>:<pollId>[:<argument>…]},
 * at most 100 characters (Discord's custom_id limit; Slack allows 255). Decoding never throws:
 * anything malformed, oversized or unknown is empty.
 */
public final class ActionIds {

    public static final String PREFIX = "fp1";
    public static final int MAX_LENGTH = 100;

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

    public static Optional<ActionId> decode(String raw) {
        if (raw == null || raw.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] parts = raw.split(":", -1);
        if (parts.length < 3 || !parts[0].equals(PREFIX) || !parts[2].matches("[1-9]\\d{0,17}")) {
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
