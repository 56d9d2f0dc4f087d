package dev.fieldpoll.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import net.dv8tion.jda.api.utils.MiscUtil;

/**
 * Which Discord shards this process runs: {@code total} shards in all (empty: as many as Discord
 * recommends, from {@code /gateway/bot}), and this process's {@code ids} among them (empty: every
 * one). A guild belongs to shard {@code (guild_id >> 22) % total}, and only that shard hears its
 * events. Validated here, so a wrong setting stops fieldpoll with one plain sentence.
 */
public record DiscordShards(OptionalInt total, List<Integer> ids) {

    /** Discord's largest recommendation is far below this; it catches a mistyped number. */
    static final int MAX_TOTAL = 65_536;

    public DiscordShards {
        ids = List.copyOf(new TreeSet<>(ids));
        if (total.isPresent() && (total.getAsInt() < 1 || total.getAsInt() > MAX_TOTAL)) {
            throw new IllegalArgumentException(
                    "the number of shards must be between 1 and " + MAX_TOTAL + ", was " + total.getAsInt());
        }
        if (total.isEmpty() && !ids.isEmpty()) {
            throw new IllegalArgumentException("shard ids need the total number of shards, so that every process "
                    + "splits the guilds the same way: set the total to a number, not auto");
        }
        for (int id : ids) {
            if (id < 0 || id >= total.getAsInt()) {
                throw new IllegalArgumentException("shard " + id + " does not exist: with " + total.getAsInt()
                        + " shards in all, the ids go from 0 to " + (total.getAsInt() - 1));
            }
        }
    }

    /** Every shard Discord recommends, in this process. */
    public static DiscordShards automatic() {
        return new DiscordShards(OptionalInt.empty(), List.of());
    }

    /**
     * The settings as written: {@code total} a number or "auto" (or absent), {@code ids} like "0,1",
     * "0-3" or "0-3,6" (or absent: all). Both absent: no sharding, one connection as without shards.
     *
     * @throws IllegalArgumentException with a sentence saying what is wrong
     */
    public static Optional<DiscordShards> parse(String total, String ids) {
        boolean noTotal = total == null || total.isBlank();
        boolean noIds = ids == null || ids.isBlank();
        if (noTotal && noIds) {
            return Optional.empty();
        }
        OptionalInt count = noTotal || total.strip().toLowerCase(Locale.ROOT).equals("auto")
                ? OptionalInt.empty()
                : OptionalInt.of(number(
                        total,
                        "the total number of shards must be a whole number or auto, was '" + total.strip() + "'"));
        return Optional.of(new DiscordShards(count, noIds ? List.of() : ids(ids)));
    }

    private static List<Integer> ids(String text) {
        List<Integer> ids = new ArrayList<>();
        String wrong =
                "shard ids must be numbers or ranges separated by commas, like 0,1 or 0-3, was '" + text.strip() + "'";
        for (String part : text.split(",")) {
            String[] range = part.strip().split("-", -1);
            if (range.length == 1) {
                ids.add(number(range[0], wrong));
            } else if (range.length == 2) {
                int from = number(range[0], wrong);
                int to = number(range[1], wrong);
                if (to < from) {
                    throw new IllegalArgumentException(
                            "the shard range " + part.strip() + " goes backwards: write the lower id first");
                }
                for (int id = from; id <= to && id < MAX_TOTAL; id++) {
                    ids.add(id);
                }
            } else {
                throw new IllegalArgumentException(wrong);
            }
        }
        return ids;
    }

    private static int number(String text, String wrong) {
        String digits = text.strip();
        if (!digits.matches("\\d{1,6}")) {
            throw new IllegalArgumentException(wrong);
        }
        return Integer.parseInt(digits);
    }

    /** This process's shards once the total is known (Discord's recommendation when it was auto). */
    public List<Integer> idsOf(int knownTotal) {
        if (!ids.isEmpty()) {
            return ids;
        }
        List<Integer> all = new ArrayList<>(knownTotal);
        for (int id = 0; id < knownTotal; id++) {
            all.add(id);
        }
        return all;
    }

    /** The shard that hears a guild's events: {@code (guild_id >> 22) % total}, as Discord assigns them. */
    public static int shardOf(String guildId, int total) {
        return MiscUtil.getShardForGuild(guildId, total);
    }

    @Override
    public String toString() {
        return (ids.isEmpty() ? "all" : ids.toString()) + " of "
                + (total.isPresent() ? Integer.toString(total.getAsInt()) : "auto");
    }
}
