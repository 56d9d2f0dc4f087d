package dev.fieldpoll.discord;

import dev.fieldpoll.bot.ActionId;
import dev.fieldpoll.bot.ActionId.Action;
import dev.fieldpoll.bot.ActionIds;
import dev.fieldpoll.bot.CloseTimeText;
import dev.fieldpoll.bot.PollMessageView;
import dev.fieldpoll.poll.Factor;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.poll.ResultsVisibility;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * The poll message everyone in the channel sees: what is asked, how many have voted, when it
 * closes, and the Vote, Results, My votes and Edit buttons. Closed polls keep Results and My votes.
 */
final class PollMessageRenderer {

    static final int OPEN_COLOR = 0x5865F2;
    static final int CLOSED_COLOR = 0x99AAB5;
    /** Field descriptions are shown while the list stays this short; otherwise names only. */
    private static final int DESCRIBED_FIELDS_MAX = 2500;

    private static final int COMPACT_FACTOR_MAX = 150;

    private final ZoneId zone;

    PollMessageRenderer(ZoneId zone) {
        this.zone = zone;
    }

    MessageCreateData create(Poll poll, int voters, Instant now) {
        return create(new PollMessageView(poll, voters, now));
    }

    MessageCreateData create(PollMessageView view) {
        return new MessageCreateBuilder()
                .setEmbeds(List.of(embed(view)))
                .setComponents(List.of(buttons(view)))
                .setAllowedMentions(Messages.NO_PINGS)
                .build();
    }

    MessageEditData edit(PollMessageView view) {
        return new MessageEditBuilder()
                .setContent("")
                .setEmbeds(List.of(embed(view)))
                .setComponents(List.of(buttons(view)))
                .setAllowedMentions(Messages.NO_PINGS)
                .build();
    }

    /** What a deleted poll's message becomes: one line, no embed, no buttons. */
    static MessageEditData deleted(Poll poll) {
        return Messages.text("🗑️ Poll #" + poll.id() + " **" + DiscordText.escape(poll.title())
                + "** was deleted, with every answer in it.");
    }

    MessageEmbed embed(Poll poll, int voters, Instant now) {
        return embed(new PollMessageView(poll, voters, now));
    }

    /** The full embed, or a compact one (names only, short factor texts) when the full one exceeds Discord's limit. */
    MessageEmbed embed(PollMessageView view) {
        EmbedBuilder full = embed(view, false);
        return (full.length() <= DiscordText.EMBEDS_TOTAL_MAX ? full : embed(view, true)).build();
    }

    private EmbedBuilder embed(PollMessageView view, boolean compact) {
        Poll poll = view.poll();
        int voters = view.voters();
        Instant now = view.now();
        PollDefinition definition = poll.definition();
        boolean open = poll.isOpenAt(now);
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(open ? OPEN_COLOR : CLOSED_COLOR)
                .setTitle(DiscordText.cut((open ? "📊 " : "📊 [Closed] ") + poll.title(), DiscordText.EMBED_TITLE_MAX));
        String intro = open
                ? "Score each field on each factor from " + definition.scale().min() + " to "
                        + definition.scale().max()
                        + ", or say you don't know. Press **Vote**: only you see your ballot."
                : view.resultsLink().isPresent()
                        ? "This poll is closed. Its results are posted in the reply below: press **Results** to open them."
                        : "This poll is closed. Press **Results** to see how it ended.";
        embed.setDescription(DiscordText.cut(
                intro + "\n\n**Fields**\n" + fieldList(definition, compact), DiscordText.EMBED_DESCRIPTION_MAX));
        for (Factor factor : definition.factors()) {
            embed.addField(
                    DiscordText.cut(factor.name(), DiscordText.EMBED_FIELD_NAME_MAX),
                    DiscordText.cut(
                            factorText(definition, factor),
                            compact ? COMPACT_FACTOR_MAX : DiscordText.EMBED_FIELD_VALUE_MAX),
                    false);
        }
        if (!view.liveTop().isEmpty()) {
            embed.addField(
                    "Top so far (rank range = 90% interval)",
                    DiscordText.lines(
                            view.liveTop().stream()
                                    .map(field -> field.rank() + ". **" + DiscordText.escape(field.name())
                                            + "** · rank " + field.rankRange())
                                    .toList(),
                            DiscordText.EMBED_FIELD_VALUE_MAX),
                    false);
        }
        embed.addField("Voted", voters == 1 ? "1 member" : voters + " members", true);
        if (open) {
            embed.addField(
                    "Closes",
                    poll.closesAtTime()
                            .map(at -> CloseTimeText.endOfDay(at, zone)
                                            .map(day -> "At the " + day)
                                            .orElseGet(() -> DiscordText.timestamp(at, 'f'))
                                    + " (" + DiscordText.timestamp(at, 'R') + ")")
                            .orElse("When its creator or an admin closes it"),
                    true);
        } else {
            embed.addField(
                    "Closed",
                    poll.endedAt(now).map(at -> DiscordText.timestamp(at, 'f')).orElse("Yes"),
                    true);
        }
        embed.addField("Results", visibility(poll.visibility()), true);
        poll.voterRole().ifPresent(role -> embed.addField("Who votes", "Members with <@&" + role + ">", true));
        embed.setFooter("Poll #" + poll.id() + " · /poll score votes one cell directly");
        return embed;
    }

    private static String fieldList(PollDefinition definition, boolean compact) {
        List<String> described = definition.fields().stream()
                .map(PollMessageRenderer::describedField)
                .toList();
        if (!compact && String.join("\n", described).length() <= DESCRIBED_FIELDS_MAX) {
            return String.join("\n", described);
        }
        return String.join(
                "\n",
                definition.fields().stream()
                        .map(field -> "• " + DiscordText.escape(field.name()))
                        .toList());
    }

    private static String describedField(Field field) {
        String line = "• **" + DiscordText.escape(field.name()) + "**";
        return field.description().isEmpty()
                ? line
                : line + " — " + DiscordText.cut(DiscordText.escape(field.description()), 160);
    }

    private static String factorText(PollDefinition definition, Factor factor) {
        String text = factor.hasOwnQuestion()
                ? DiscordText.escape(factor.question())
                : "Scored " + definition.scale().min() + " to "
                        + definition.scale().max();
        if (!factor.lowLabel().isEmpty() || !factor.highLabel().isEmpty()) {
            text += "\n" + definition.scale().min() + " = " + DiscordText.escape(orDash(factor.lowLabel())) + " · "
                    + definition.scale().max() + " = " + DiscordText.escape(orDash(factor.highLabel()));
        }
        return text;
    }

    private static String orDash(String text) {
        return text.isEmpty() ? "-" : text;
    }

    private static String visibility(ResultsVisibility visibility) {
        if (visibility == ResultsVisibility.LIVE) {
            return "Anytime";
        }
        return visibility == ResultsVisibility.AFTER_CLOSE ? "When the poll closes" : "Once you have voted";
    }

    static ActionRow buttons(Poll poll, Instant now) {
        return buttons(new PollMessageView(poll, 0, now));
    }

    /** Once the results are posted, Results is a link to that reply. */
    static ActionRow buttons(PollMessageView view) {
        Poll poll = view.poll();
        List<Button> buttons = new ArrayList<>(List.of(
                Button.primary(id(Action.VOTE, poll), "Vote").withDisabled(!poll.isOpenAt(view.now())),
                view.resultsLink()
                        .map(link -> Button.link(link, "Results"))
                        .orElseGet(() -> Button.secondary(id(Action.RESULTS, poll), "Results")),
                Button.secondary(id(Action.MINE, poll), "My votes")));
        if (poll.isOpenAt(view.now())) {
            // everyone sees it; pressing it, only the creator or an admin gets the form
            buttons.add(Button.secondary(id(Action.EDIT, poll), "Edit"));
        }
        return ActionRow.of(buttons);
    }

    private static String id(Action action, Poll poll) {
        return ActionIds.encode(ActionId.of(action, poll.id()));
    }
}
