package dev.fieldpoll.discord;

import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.poll.Platform;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.interactions.Interaction;

/**
 * Who is asking, from an interaction: the guild is the workspace, plus the channel, the user,
 * their role ids, and whether they are an admin (Manage Server, a role named in the
 * configuration, or a user id the configuration names). Outside a guild there is no caller: polls live in server channels.
 * Thread-safe: it keeps only immutable sets.
 */
final class DiscordCaller {

    private final Set<String> adminRoleNames;
    private final Set<String> adminUsers;

    DiscordCaller(List<String> adminRoleNames, Set<String> adminUsers) {
        Set<String> names = new HashSet<>();
        adminRoleNames.forEach(name -> names.add(name.strip().toLowerCase(Locale.ROOT)));
        this.adminRoleNames = Set.copyOf(names);
        this.adminUsers = Set.copyOf(adminUsers);
    }

    Optional<Caller> of(Interaction interaction) {
        Guild guild = interaction.getGuild();
        Member member = interaction.getMember();
        if (guild == null || member == null) {
            return Optional.empty();
        }
        Set<String> roles = new HashSet<>();
        // Every member holds the guild's @everyone role, whose id is the guild's.
        roles.add(guild.getId());
        boolean admin;
        if (guild.isDetached()) {
            // The bot is not in this guild's cache: Discord's interaction carries the member's permissions
            // in this channel, but no role names.
            GuildChannel channel = interaction.getGuildChannel();
            admin = member.hasPermission(channel, Permission.MANAGE_SERVER);
        } else {
            List<Role> memberRoles = member.getRoles();
            memberRoles.forEach(role -> roles.add(role.getId()));
            admin = member.hasPermission(Permission.MANAGE_SERVER)
                    || memberRoles.stream()
                            .anyMatch(role -> adminRoleNames.contains(
                                    role.getName().strip().toLowerCase(Locale.ROOT)));
        }
        admin = admin || adminUsers.contains(member.getId());
        return Optional.of(
                new Caller(Platform.DISCORD, guild.getId(), interaction.getChannelId(), member.getId(), admin, roles));
    }
}
