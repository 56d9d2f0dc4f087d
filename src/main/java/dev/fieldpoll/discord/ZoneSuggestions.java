package dev.fieldpoll.discord;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.dv8tion.jda.api.interactions.commands.Command;

/**
 * Time zones to suggest while an admin types the schedule's zone: a few common ones first, then
 * any other zone id containing what was typed. Suggestions only: Discord still sends free text,
 * which the schedule reads with the text grammar's rules.
 */
final class ZoneSuggestions {

    static final List<String> COMMON = List.of(
            "UTC",
            "Europe/London",
            "Europe/Berlin",
            "Europe/Paris",
            "Europe/Helsinki",
            "America/New_York",
            "America/Chicago",
            "America/Denver",
            "America/Los_Angeles",
            "America/Sao_Paulo",
            "Africa/Lagos",
            "Asia/Kolkata",
            "Asia/Singapore",
            "Asia/Tokyo",
            "Australia/Sydney",
            "Pacific/Auckland");
    private static final List<String> ALL =
            ZoneId.getAvailableZoneIds().stream().sorted().toList();

    private ZoneSuggestions() {}

    static List<Command.Choice> matching(String typed) {
        String wanted = typed.strip().toLowerCase(Locale.ROOT);
        Set<String> zones = new LinkedHashSet<>();
        COMMON.stream().filter(zone -> contains(zone, wanted)).forEach(zones::add);
        if (!wanted.isEmpty()) {
            ALL.stream().filter(zone -> contains(zone, wanted)).forEach(zones::add);
        }
        List<Command.Choice> choices = new ArrayList<>();
        zones.stream()
                .limit(AutocompleteListener.MAX_CHOICES)
                .forEach(zone -> choices.add(new Command.Choice(zone, zone)));
        return choices;
    }

    private static boolean contains(String zone, String wanted) {
        return zone.toLowerCase(Locale.ROOT).contains(wanted);
    }
}
