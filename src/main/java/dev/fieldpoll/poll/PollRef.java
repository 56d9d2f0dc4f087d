package dev.fieldpoll.poll;

/** How a member names a poll: not at all (the channel's open poll), by id, or by a title prefix. */
public sealed interface PollRef {

    record ChannelDefault() implements PollRef {}

    record ById(long id) implements PollRef {}

    record ByTitle(String prefix) implements PollRef {
        public ByTitle {
            prefix = Keys.requireText(prefix, "poll title", Poll.MAX_TITLE_LENGTH);
        }
    }

    PollRef CHANNEL_DEFAULT = new ChannelDefault();

    /** "12" or "#12" is an id; anything else a title prefix; blank the channel's default. */
    static PollRef parse(String text) {
        if (text == null || text.isBlank()) {
            return CHANNEL_DEFAULT;
        }
        String trimmed = text.strip();
        String digits = trimmed.startsWith("#") ? trimmed.substring(1) : trimmed;
        if (digits.matches("\\d{1,18}")) {
            return new ById(Long.parseLong(digits));
        }
        return new ByTitle(trimmed);
    }
}
