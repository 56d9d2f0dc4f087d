package dev.fieldpoll.discord;

import static dev.fieldpoll.discord.CommandRegistrations.DAY;
import static dev.fieldpoll.discord.CommandRegistrations.NOW;
import static dev.fieldpoll.discord.CommandRegistrations.OFF;
import static dev.fieldpoll.discord.CommandRegistrations.SCHEDULE;
import static dev.fieldpoll.discord.CommandRegistrations.SHOW;
import static dev.fieldpoll.discord.CommandRegistrations.TIME;
import static dev.fieldpoll.discord.CommandRegistrations.ZONE;

import dev.fieldpoll.bot.BotCommand;
import dev.fieldpoll.bot.CommandParser.SyntaxException;
import dev.fieldpoll.bot.SummaryGrammar;
import java.time.ZoneId;
import java.util.Optional;

/**
 * /poll summary schedule|show|off|now as the core's commands. Weekday, time and zone are read by
 * the text grammar's own readers, so a schedule typed on Discord follows the console's rules.
 * Whether the member may manage summaries is PollBot's decision.
 */
final class SummarySubcommands {

    private SummarySubcommands() {}

    static BotCommand read(String subcommand, SlashCommands.Options options) throws SlashCommands.Unreadable {
        switch (subcommand) {
            case SCHEDULE:
                return schedule(options);
            case SHOW:
                return new BotCommand.ShowSummarySchedule();
            case OFF:
                return new BotCommand.StopSummaries();
            case NOW:
                return new BotCommand.SummaryNow();
            default:
                throw new SlashCommands.Unreadable("I don't know `/poll summary " + SlashCommands.cut(subcommand)
                        + "`. Try `/poll summary schedule`, `show`, `off` or `now`.");
        }
    }

    private static BotCommand schedule(SlashCommands.Options options) throws SlashCommands.Unreadable {
        String day = SlashCommands.required(options, DAY);
        String time = SlashCommands.required(options, TIME);
        Optional<String> zone = SlashCommands.text(options, ZONE);
        try {
            Optional<ZoneId> zoneId =
                    zone.isPresent() ? Optional.of(SummaryGrammar.zone(zone.get())) : Optional.empty();
            return new BotCommand.ScheduleSummary(SummaryGrammar.day(day), SummaryGrammar.time(time), zoneId);
        } catch (SyntaxException unreadable) {
            throw new SlashCommands.Unreadable(unreadable.getMessage());
        }
    }
}
