package dev.fieldpoll.discord;

import static dev.fieldpoll.discord.FakeDiscord.JSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldpoll.poll.CellKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gateway payloads as the Discord API documents them (GUILD_CREATE, and INTERACTION_CREATE for
 * slash commands, buttons, selects and autocomplete), for a small world: two guilds, a few
 * channels, roles and members.
 */
final class Payloads {

    static final String GUILD = "100000000000000001";
    static final String OTHER_GUILD = "100000000000000002";
    static final String CHANNEL = "200000000000000001";
    static final String SECOND_CHANNEL = "200000000000000002";
    /** A channel where @everyone, and so the bot, may not attach files. */
    static final String NO_FILES_CHANNEL = "200000000000000003";

    static final String OTHER_GUILD_CHANNEL = "200000000000000009";

    /** With two shards, GUILD and OTHER_GUILD are shard 0's ((id >> 22) % 2 == 0) and this guild is shard 1's. */
    static final String SHARD_ONE_GUILD = "100000000004194305";

    static final String SHARD_ONE_CHANNEL = "200000000000000011";

    static final String ROLE_MODS = "300000000000000001";
    static final String ROLE_POLL_ADMINS = "300000000000000002";
    static final String ROLE_CORE = "300000000000000003";
    static final String OWNER_ID = "400000000000000099";

    static final long VIEW_CHANNEL = 1L << 10;
    static final long SEND_MESSAGES = 1L << 11;
    static final long EMBED_LINKS = 1L << 14;
    static final long ATTACH_FILES = 1L << 15;
    static final long READ_MESSAGE_HISTORY = 1L << 16;
    static final long USE_APPLICATION_COMMANDS = 1L << 31;
    static final long MANAGE_GUILD = 1L << 5;
    static final long EVERYONE_PERMISSIONS =
            VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | ATTACH_FILES | READ_MESSAGE_HISTORY | USE_APPLICATION_COMMANDS;

    record Person(String id, String name, List<String> roles) {
        /** What Discord computes for the interaction's member.permissions in the channel. */
        long permissions() {
            return EVERYONE_PERMISSIONS | (roles.contains(ROLE_MODS) ? MANAGE_GUILD : 0);
        }
    }

    static final Person ALICE = new Person("400000000000000001", "alice", List.of());
    static final Person BOB = new Person("400000000000000002", "bob", List.of(ROLE_CORE));
    static final Person CAROL = new Person("400000000000000003", "carol", List.of());
    static final Person DANA = new Person("400000000000000004", "dana", List.of(ROLE_CORE));
    /** Admin by the Manage Server permission. */
    static final Person MOD = new Person("400000000000000005", "mod", List.of(ROLE_MODS));
    /** Admin by a role named in the configuration. */
    static final Person POLL_ADMIN = new Person("400000000000000006", "polladmin", List.of(ROLE_POLL_ADMINS));

    private static final long DISCORD_EPOCH = 1420070400000L;
    private static final AtomicLong INTERACTIONS = new AtomicLong();

    private Payloads() {}

    static ObjectNode guildCreate(String guildId, String name, List<String> channelIds) {
        ObjectNode guild = JSON.createObjectNode();
        guild.put("id", guildId)
                .put("name", name)
                .putNull("icon")
                .putNull("splash")
                .putNull("discovery_splash")
                .put("owner_id", OWNER_ID)
                .putNull("afk_channel_id")
                .put("afk_timeout", 300)
                .put("verification_level", 0)
                .put("default_message_notifications", 0)
                .put("explicit_content_filter", 0)
                .put("mfa_level", 0)
                .putNull("application_id")
                .putNull("system_channel_id")
                .put("system_channel_flags", 0)
                .putNull("rules_channel_id")
                .putNull("vanity_url_code")
                .putNull("description")
                .putNull("banner")
                .put("premium_tier", 0)
                .put("premium_subscription_count", 0)
                .put("preferred_locale", "en-US")
                .putNull("public_updates_channel_id")
                .put("nsfw_level", 0)
                .put("premium_progress_bar_enabled", false)
                .putNull("safety_alerts_channel_id")
                .put("joined_at", FakeDiscord.TIMESTAMP)
                .put("large", false)
                .put("unavailable", false)
                .put("member_count", 7);
        guild.putArray("features");
        ArrayNode roles = guild.putArray("roles");
        roles.add(role(guildId, "@everyone", EVERYONE_PERMISSIONS, 0));
        roles.add(role(ROLE_MODS, "Mods", MANAGE_GUILD, 3));
        roles.add(role(ROLE_POLL_ADMINS, "Poll Admins", 0, 2));
        roles.add(role(ROLE_CORE, "Core", 0, 1));
        ArrayNode channels = guild.putArray("channels");
        int position = 0;
        for (String channelId : channelIds) {
            channels.add(channel(channelId, guildId, "polls-" + position, position++));
        }
        ArrayNode members = guild.putArray("members");
        ObjectNode self = members.addObject();
        self.set("user", FakeDiscord.botUser());
        self.putArray("roles");
        self.put("joined_at", FakeDiscord.TIMESTAMP)
                .put("deaf", false)
                .put("mute", false)
                .put("flags", 0)
                .put("pending", false)
                .putNull("nick")
                .putNull("premium_since");
        guild.putArray("threads");
        guild.putArray("guild_scheduled_events");
        guild.putArray("emojis");
        guild.putArray("stickers");
        guild.putArray("voice_states");
        guild.putArray("presences");
        guild.putArray("stage_instances");
        guild.putArray("soundboard_sounds");
        return guild;
    }

    private static ObjectNode role(String id, String name, long permissions, int position) {
        ObjectNode role = JSON.createObjectNode();
        role.put("id", id)
                .put("name", name)
                .put("color", 0)
                .put("hoist", false)
                .putNull("icon")
                .putNull("unicode_emoji")
                .put("position", position)
                .put("permissions", Long.toString(permissions))
                .put("managed", false)
                .put("mentionable", false)
                .put("flags", 0);
        role.putObject("colors")
                .put("primary_color", 0)
                .putNull("secondary_color")
                .putNull("tertiary_color");
        return role;
    }

    private static ObjectNode channel(String id, String guildId, String name, int position) {
        ObjectNode channel = JSON.createObjectNode();
        channel.put("id", id)
                .put("type", 0)
                .put("guild_id", guildId)
                .put("name", name)
                .put("position", position)
                .put("nsfw", false)
                .putNull("topic")
                .putNull("last_message_id")
                .putNull("parent_id")
                .put("rate_limit_per_user", 0)
                .put("flags", 0);
        ArrayNode overwrites = channel.putArray("permission_overwrites");
        if (id.equals(NO_FILES_CHANNEL)) {
            // The @everyone role's id is the guild's.
            overwrites
                    .addObject()
                    .put("id", guildId)
                    .put("type", 0)
                    .put("allow", "0")
                    .put("deny", Long.toString(ATTACH_FILES));
        }
        return channel;
    }

    /** The fields every interaction carries: who, where, a fresh id and token. */
    private static ObjectNode interaction(int type, Person person, String guildId, String channelId) {
        ObjectNode interaction = JSON.createObjectNode();
        // A snowflake: JDA reads the interaction's age from its id, and refuses to answer expired ones.
        String id = Long.toString(
                ((System.currentTimeMillis() - DISCORD_EPOCH) << 22) | (INTERACTIONS.incrementAndGet() & 0xFFF));
        interaction
                .put("id", id)
                .put("application_id", FakeDiscord.APPLICATION_ID)
                .put("type", type)
                .put("token", "token-" + id)
                .put("version", 1)
                .put("guild_id", guildId)
                .put("channel_id", channelId)
                .put("locale", "en-US")
                .put("guild_locale", "en-US")
                .put("context", 0)
                .put("app_permissions", Long.toString(EVERYONE_PERMISSIONS))
                .put("attachment_size_limit", 10485760);
        interaction.putObject("guild").put("id", guildId).put("locale", "en-US").putArray("features");
        ObjectNode channel = channel(channelId, guildId, "polls", 0);
        // Discord computes the member's permissions in the channel for every interaction.
        channel.put("permissions", Long.toString(person.permissions()));
        interaction.set("channel", channel);
        ObjectNode member = interaction.putObject("member");
        ObjectNode user = member.putObject("user");
        user.put("id", person.id())
                .put("username", person.name())
                .put("global_name", capitalized(person.name()))
                .put("discriminator", "0")
                .putNull("avatar")
                .put("public_flags", 0);
        ArrayNode roles = member.putArray("roles");
        person.roles().forEach(roles::add);
        member.put("permissions", Long.toString(person.permissions()))
                .put("joined_at", "2025-01-01T00:00:00.000000+00:00")
                .putNull("nick")
                .putNull("avatar")
                .putNull("premium_since")
                .put("pending", false)
                .put("flags", 0)
                .put("mute", false)
                .put("deaf", false)
                .putNull("communication_disabled_until");
        interaction.putArray("entitlements");
        interaction.putObject("authorizing_integration_owners").put("0", guildId);
        return interaction;
    }

    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** /poll &lt;subcommand&gt; with typed options (strings, booleans, role ids as strings). */
    static ObjectNode slash(
            Person person, String guildId, String channelId, String subcommand, Map<String, Object> options) {
        ObjectNode interaction = interaction(2, person, guildId, channelId);
        ObjectNode data = interaction.putObject("data");
        data.put("id", "700000000000000001").put("name", "poll").put("type", 1).put("guild_id", guildId);
        ObjectNode sub = data.putArray("options").addObject();
        sub.put("name", subcommand).put("type", 1);
        ArrayNode subOptions = sub.putArray("options");
        for (Map.Entry<String, Object> option : options.entrySet()) {
            ObjectNode typed = subOptions.addObject().put("name", option.getKey());
            if (option.getValue() instanceof Boolean flag) {
                typed.put("type", 5).put("value", flag);
            } else if (option.getKey().equals("voters")) {
                typed.put("type", 8).put("value", option.getValue().toString());
                ObjectNode roles = data.putObject("resolved").putObject("roles");
                roles.set(option.getValue().toString(), role(option.getValue().toString(), "Core", 0, 1));
            } else {
                typed.put("type", 3).put("value", option.getValue().toString());
            }
        }
        return interaction;
    }

    static ObjectNode slash(Person person, String subcommand, Map<String, Object> options) {
        return slash(person, GUILD, CHANNEL, subcommand, options);
    }

    /** /poll &lt;group&gt; &lt;subcommand&gt; (such as /poll summary schedule) with string options. */
    static ObjectNode slashInGroup(Person person, String group, String subcommand, Map<String, Object> options) {
        return slashInGroup(person, CHANNEL, group, subcommand, options);
    }

    static ObjectNode slashInGroup(
            Person person, String channelId, String group, String subcommand, Map<String, Object> options) {
        ObjectNode interaction = slash(person, GUILD, channelId, subcommand, options);
        inGroup((ObjectNode) interaction.get("data"), group);
        return interaction;
    }

    /** Typing in an autocomplete option of /poll &lt;group&gt; &lt;subcommand&gt;. */
    static ObjectNode autocompleteInGroup(
            Person person, String group, String subcommand, Map<String, String> options, String focused) {
        ObjectNode interaction = autocomplete(person, subcommand, options, focused);
        inGroup((ObjectNode) interaction.get("data"), group);
        return interaction;
    }

    /** Discord nests a grouped subcommand one level deeper: a SUB_COMMAND_GROUP option (type 2) holding it. */
    private static void inGroup(ObjectNode data, String group) {
        ArrayNode subcommands = (ArrayNode) data.get("options");
        ObjectNode wrapper = JSON.createObjectNode().put("name", group).put("type", 2);
        wrapper.set("options", subcommands.deepCopy());
        data.putArray("options").add(wrapper);
    }

    /**
     * A modal submitted (type 5): each text input inside its label (component type 18), with the
     * typed {@code values} by input id, in the order given.
     */
    static ObjectNode modalSubmit(Person person, String channelId, String customId, Map<String, String> values) {
        ObjectNode interaction = interaction(5, person, GUILD, channelId);
        ObjectNode data = interaction.putObject("data").put("custom_id", customId);
        ArrayNode components = data.putArray("components");
        int id = 1;
        for (Map.Entry<String, String> value : values.entrySet()) {
            ObjectNode label = components.addObject().put("type", 18).put("id", id++);
            label.putObject("component")
                    .put("type", 4)
                    .put("id", id++)
                    .put("custom_id", value.getKey())
                    .put("value", value.getValue());
        }
        return interaction;
    }

    /** A click on a button of a message, as the message stands. */
    static ObjectNode button(Person person, String guildId, String channelId, ObjectNode message, String customId) {
        ObjectNode interaction = interaction(3, person, guildId, channelId);
        interaction.set("message", message);
        interaction.putObject("data").put("custom_id", customId).put("component_type", 2);
        return interaction;
    }

    static ObjectNode button(Person person, ObjectNode message, String customId) {
        return button(person, GUILD, CHANNEL, message, customId);
    }

    /** A submitted form (a modal): each input as Discord sends it, a text input inside its label. */
    static ObjectNode modalSubmit(Person person, String customId, Map<String, String> inputs) {
        ObjectNode interaction = interaction(5, person, GUILD, CHANNEL);
        ObjectNode data = interaction.putObject("data").put("custom_id", customId);
        ArrayNode components = data.putArray("components");
        int uniqueId = 1;
        for (Map.Entry<String, String> input : inputs.entrySet()) {
            ObjectNode label = components.addObject().put("type", 18).put("id", uniqueId++);
            label.putObject("component")
                    .put("type", 4)
                    .put("id", uniqueId++)
                    .put("custom_id", input.getKey())
                    .put("value", input.getValue());
        }
        return interaction;
    }

    /** A choice in a string select of a message. */
    static ObjectNode select(Person person, ObjectNode message, String customId, List<String> values) {
        return select(person, CHANNEL, message, customId, values);
    }

    static ObjectNode select(
            Person person, String channelId, ObjectNode message, String customId, List<String> values) {
        ObjectNode interaction = interaction(3, person, GUILD, channelId);
        interaction.set("message", message);
        ObjectNode data =
                interaction.putObject("data").put("custom_id", customId).put("component_type", 3);
        ArrayNode chosen = data.putArray("values");
        values.forEach(chosen::add);
        return interaction;
    }

    /**
     * A member's score for one cell: a choice on the ballot {@code ballot} (the select of that cell),
     * or typed as /poll score.
     */
    static ObjectNode vote(Person person, long pollId, ObjectNode ballot, CellKey cell, int score, boolean onBallot) {
        return onBallot
                ? select(
                        person,
                        ballot,
                        "fp1:answer:" + pollId + ":" + cell.field() + ":" + cell.factor(),
                        List.of(Integer.toString(score)))
                : slash(
                        person,
                        "score",
                        options(
                                "poll", Long.toString(pollId),
                                "field", cell.field(),
                                "factor", cell.factor(),
                                "score", Integer.toString(score)));
    }

    /** Typing in an autocomplete option of /poll &lt;subcommand&gt;. */
    static ObjectNode autocomplete(Person person, String subcommand, Map<String, String> options, String focused) {
        ObjectNode interaction = interaction(4, person, GUILD, CHANNEL);
        ObjectNode data = interaction.putObject("data");
        data.put("id", "700000000000000001").put("name", "poll").put("type", 1).put("guild_id", GUILD);
        ObjectNode sub = data.putArray("options").addObject();
        sub.put("name", subcommand).put("type", 1);
        ArrayNode subOptions = sub.putArray("options");
        for (Map.Entry<String, String> option : options.entrySet()) {
            ObjectNode typed = subOptions
                    .addObject()
                    .put("name", option.getKey())
                    .put("type", 3)
                    .put("value", option.getValue());
            if (option.getKey().equals(focused)) {
                typed.put("focused", true);
            }
        }
        return interaction;
    }

    static Map<String, Object> options(Object... namesAndValues) {
        Map<String, Object> options = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            options.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return options;
    }
}
