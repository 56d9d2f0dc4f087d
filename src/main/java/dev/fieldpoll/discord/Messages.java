package dev.fieldpoll.discord;

import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.components.MessageTopLevelComponent;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Whole-message replies for interaction responses. Each sets content, embeds and components, so
 * it replaces whatever the message showed before; none may ping anyone: titles and names are member text.
 */
final class Messages {

    static final EnumSet<MentionType> NO_PINGS = EnumSet.noneOf(MentionType.class);

    private Messages() {}

    static MessageEditData text(String content) {
        return message(content, List.of(), List.of());
    }

    static MessageEditData embeds(List<MessageEmbed> embeds) {
        return message("", embeds, List.of());
    }

    static MessageEditData message(
            String content, List<MessageEmbed> embeds, List<? extends MessageTopLevelComponent> components) {
        return new MessageEditBuilder()
                .setContent(DiscordText.cut(content, DiscordText.CONTENT_MAX))
                .setEmbeds(embeds)
                .setComponents(components)
                .setAllowedMentions(NO_PINGS)
                .build();
    }
}
