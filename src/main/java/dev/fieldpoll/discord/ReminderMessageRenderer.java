package dev.fieldpoll.discord;

import dev.fieldpoll.bot.ActionId;
import dev.fieldpoll.bot.ActionId.Action;
import dev.fieldpoll.bot.ActionIds;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.summary.ClosingReminder;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/** The closing-soon post: when the poll closes (in each member's own time zone), how many voted, and Vote. */
final class ReminderMessageRenderer {

    static final int COLOR = 0xFEE75C;

    MessageCreateData render(ClosingReminder reminder) {
        Poll poll = reminder.poll();
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(COLOR)
                .setTitle(DiscordText.cut("⏰ Closing soon · " + poll.title(), DiscordText.EMBED_TITLE_MAX))
                .setDescription(closes(poll) + " " + voted(reminder))
                .setFooter("Poll #" + poll.id() + " · only you see your ballot");
        poll.voterRole().ifPresent(role -> embed.addField("Who votes", "Members with <@&" + role + ">", false));
        return new MessageCreateBuilder()
                .setEmbeds(embed.build())
                .setComponents(
                        ActionRow.of(Button.primary(ActionIds.encode(ActionId.of(Action.VOTE, poll.id())), "Vote")))
                .setAllowedMentions(Messages.NO_PINGS)
                .build();
    }

    private static String closes(Poll poll) {
        return poll.closesAtTime()
                .map(at -> "This poll closes " + DiscordText.timestamp(at, 'R') + " (" + DiscordText.timestamp(at, 'f')
                        + ").")
                .orElse("This poll closes soon.");
    }

    private static String voted(ClosingReminder reminder) {
        int voters = reminder.voters();
        if (voters == 0) {
            return "Nobody has voted yet: press **Vote** to be the first.";
        }
        return (voters == 1 ? "**1 member** has" : "**" + voters + " members** have") + " voted so far"
                + reminder.completeClause() + ". Press **Vote** to add your view before it closes.";
    }
}
