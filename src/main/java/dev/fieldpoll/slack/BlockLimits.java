package dev.fieldpoll.slack;

/** Block Kit's limits that shape fieldpoll's messages and modals (api.slack.com, Block Kit reference). */
final class BlockLimits {

    static final int MESSAGE_BLOCKS = 50;
    static final int MODAL_BLOCKS = 100;
    static final int SECTION_TEXT = 3000;
    static final int HEADER_TEXT = 150;
    static final int BUTTON_TEXT = 75;
    static final int OPTION_TEXT = 75;
    static final int SELECT_OPTIONS = 100;
    static final int PLACEHOLDER_TEXT = 150;
    static final int LABEL_TEXT = 2000;
    static final int HINT_TEXT = 2000;
    static final int MODAL_TITLE = 24;
    static final int MODAL_BUTTON = 24;
    static final int CONTEXT_ELEMENTS = 10;
    /** Slack's limit on a message's fallback text is 40,000; notifications show far less. */
    static final int FALLBACK_TEXT = 3000;

    private BlockLimits() {}
}
