package dev.fieldpoll.discord;

import dev.fieldpoll.poll.Workspace;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.sharding.ShardManager;

/**
 * This process's gateway connection to Discord: one JDA (no sharding, the default), or the shards
 * of a {@link ShardManager} that this process runs. It answers which shard owns a guild, so every
 * message about a guild (a poll-message redraw, a summary, a results post) goes through the shard
 * that owns it, and a guild of another process's shard is left to that process.
 * Thread-safe: it is immutable after construction, and JDA and the shard manager are thread-safe.
 */
final class DiscordConnection {

    private final JDA single;
    private final ShardManager manager;
    private final int total;
    private final Set<Integer> ids;

    private DiscordConnection(JDA single, ShardManager manager, int total, List<Integer> ids) {
        this.single = single;
        this.manager = manager;
        this.total = total;
        this.ids = Set.copyOf(ids);
    }

    /** One connection for every guild: no sharding. */
    static DiscordConnection single(JDA jda) {
        return new DiscordConnection(jda, null, 1, List.of(0));
    }

    /** The shards {@code ids} of {@code total}, run by {@code manager}. */
    static DiscordConnection sharded(ShardManager manager, int total, List<Integer> ids) {
        return new DiscordConnection(null, manager, total, ids);
    }

    /** Whether this process runs the shard that owns the guild (always, without sharding). */
    boolean owns(String guildId) {
        return single != null || (guildId.matches("\\d{1,20}") && ids.contains(DiscordShards.shardOf(guildId, total)));
    }

    /** The shard (or the one JDA) that owns the guild, when this process runs it. */
    Optional<JDA> shardFor(String guildId) {
        if (single != null) {
            return Optional.of(single);
        }
        return owns(guildId)
                ? Optional.ofNullable(manager.getShardById(DiscordShards.shardOf(guildId, total)))
                : Optional.empty();
    }

    /** Every JDA of this process: the one, or each shard it runs. */
    List<JDA> all() {
        return single != null ? List.of(single) : manager.getShards();
    }

    /** Any one JDA, for what every shard knows alike (the bot user, the invite URL, global commands). */
    JDA any() {
        return single != null ? single : manager.getShards().get(0);
    }

    /** The shards this process runs, in order. */
    List<Integer> shardIds() {
        return ids.stream().sorted().toList();
    }

    /** How many shards there are in all (1 without sharding). */
    int total() {
        return total;
    }

    /** Whether this process registers the global commands: one process does, the one running shard 0. */
    boolean registersGlobally() {
        return ids.contains(0);
    }

    /**
     * Whether the interaction came through the shard that owns its guild: Discord sends a guild's
     * events only there, so anything else (two processes configured with the same shard) is dropped.
     */
    static boolean heardByItsShard(Interaction interaction) {
        Guild guild = interaction.getGuild();
        JDA.ShardInfo shard = interaction.getJDA().getShardInfo();
        return guild == null || DiscordShards.shardOf(guild.getId(), shard.getShardTotal()) == shard.getShardId();
    }

    /** Whether every connection of this process is up now. */
    boolean connected() {
        List<JDA> all = all();
        return all.size() == ids.size() && all.stream().allMatch(jda -> jda.getStatus() == JDA.Status.CONNECTED);
    }

    /** Each shard of this process and whether it is connected now (empty without sharding). */
    Map<String, Boolean> shardsConnected() {
        Map<String, Boolean> shards = new LinkedHashMap<>();
        if (manager == null) {
            return shards;
        }
        for (int id : shardIds()) {
            JDA shard = manager.getShardById(id);
            shards.put("discord shard " + id + "/" + total, shard != null && shard.getStatus() == JDA.Status.CONNECTED);
        }
        return shards;
    }

    /** The channel, if the bot sees it and it belongs to the guild; else a failure to log. */
    GuildMessageChannel channel(Workspace workspace, String channelId) {
        GuildMessageChannel channel = channelId.matches("\\d{1,20}")
                ? shardFor(workspace.id())
                        .map(jda -> jda.getChannelById(GuildMessageChannel.class, channelId))
                        .orElse(null)
                : null;
        if (channel == null || !channel.getGuild().getId().equals(workspace.id())) {
            throw new IllegalStateException("Discord channel " + channelId + " of guild " + workspace.id()
                    + " is not visible to the bot (deleted, or the bot was removed from it)");
        }
        return channel;
    }

    /** Disconnects, after sending the requests already queued; waits up to {@code timeout} per shard. */
    void shutdown(Duration timeout) throws InterruptedException {
        List<JDA> all = all();
        all.forEach(JDA::shutdown);
        for (JDA jda : all) {
            if (!jda.awaitShutdown(timeout)) {
                jda.shutdownNow();
                jda.awaitShutdown(timeout);
            }
        }
        if (manager != null) {
            manager.shutdown();
        }
    }

    /** Disconnects at once, dropping queued requests. */
    void shutdownNow() {
        all().forEach(JDA::shutdownNow);
        if (manager != null) {
            manager.shutdown();
        }
    }
}
