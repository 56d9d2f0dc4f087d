package dev.fieldpoll.bot;

import dev.fieldpoll.bot.CommandParser.SyntaxException;
import dev.fieldpoll.poll.Keys;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /poll summary schedule <weekday> <HH:MM> [zone] | show | off | now}. The weekday, time
 * and zone readers are public so the platforms' typed options follow the same rules.
 */
public final class SummaryGrammar {

    private static final String USAGE = "Use `/poll summary schedule monday 09:00 [Europe/London]`, "
            + "`/poll summary show`, `/poll summary off` or `/poll summary now`.";

    private SummaryGrammar() {}

    static BotCommand parse(List<String> words) throws SyntaxException {
        String verb = words.isEmpty() ? "" : words.get(0).toLowerCase(Locale.ROOT);
        switch (verb) {
            case "schedule":
                return schedule(words.subList(1, words.size()));
            case "show":
                return new BotCommand.ShowSummarySchedule();
            case "off":
            case "stop":
                return new BotCommand.StopSummaries();
            case "now":
                return new BotCommand.SummaryNow();
            default:
                throw new SyntaxException(USAGE);
        }
    }

    private static BotCommand schedule(List<String> words) throws SyntaxException {
        if (words.size() < 2 || words.size() > 3) {
            throw new SyntaxException(USAGE);
        }
        return new BotCommand.ScheduleSummary(
                day(words.get(0)),
                time(words.get(1)),
                words.size() == 3 ? Optional.of(zone(words.get(2))) : Optional.empty());
    }

    public static DayOfWeek day(String text) throws SyntaxException {
        String wanted = text.toLowerCase(Locale.ROOT);
        Optional<DayOfWeek> day = Arrays.stream(DayOfWeek.values())
                .filter(candidate -> wanted.length() >= 3
                        && candidate.name().toLowerCase(Locale.ROOT).startsWith(wanted))
                .findFirst();
        return day.orElseThrow(
                () -> new SyntaxException("'" + Keys.shown(text) + "' is not a weekday: try monday, tue, …"));
    }

    public static LocalTime time(String text) throws SyntaxException {
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException wrong) {
            throw new SyntaxException(
                    "'" + Keys.shown(text) + "' is not a time: use 24-hour HH:MM, like 09:00 or 17:30.");
        }
    }

    public static ZoneId zone(String text) throws SyntaxException {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException wrong) {
            throw new SyntaxException(
                    "'" + Keys.shown(text) + "' is not a time zone: use a name like Europe/London or UTC.");
        }
    }
}
