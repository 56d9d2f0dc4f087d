package dev.fieldpoll.bench;

/** What a start-up measurement starts: the console chat, or the bot on Discord, Slack or both (loopback fakes). */
enum StartupTarget {
    CONSOLE(false, false),
    DISCORD(true, false),
    SLACK(false, true),
    BOTH(true, true);

    private final boolean discord;
    private final boolean slack;

    StartupTarget(boolean discord, boolean slack) {
        this.discord = discord;
        this.slack = slack;
    }

    boolean discord() {
        return discord;
    }

    boolean slack() {
        return slack;
    }
}
