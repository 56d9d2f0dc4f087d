package dev.fieldpoll.discord;

import dev.fieldpoll.bot.ActionId;
import dev.fieldpoll.bot.ActionIds;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.Poll;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.modals.Modal;

/**
 * The Edit button's form (a modal of five text inputs, Discord's most): the title prefilled, fields
 * to add, to remove and to rename one per line, and a new close time. Its id is the poll's
 * {@code fp1:edit:<poll>}; each input's id is the typed option it stands for, so the submission is
 * read by {@code LifecycleGrammar.formEdit} like a typed {@code /poll edit}.
 */
final class EditModalRenderer {

    private static final int MODAL_TITLE_MAX = 45;
    private static final int DESCRIPTION_MAX = 100;
    private static final int LIST_MAX = 2000;

    Modal render(Poll poll) {
        String fields = poll.definition().fields().stream().map(Field::name).collect(Collectors.joining(", "));
        return Modal.create(ActionIds.encode(ActionId.of(ActionId.Action.EDIT, poll.id())), title(poll))
                .addComponents(
                        Label.of(
                                "Title",
                                TextInput.create("title", TextInputStyle.SHORT)
                                        .setValue(poll.title())
                                        .setRequiredRange(1, Poll.MAX_TITLE_LENGTH)
                                        .build()),
                        Label.of("Fields to add", "One per line.", list("add", "New field")),
                        Label.of(
                                "Fields to remove",
                                DiscordText.cut("One per line; their votes are kept. Now: " + fields, DESCRIPTION_MAX),
                                list("remove", "Field name")),
                        Label.of("Renames", "One per line, old => new.", list("rename", "Old name => New name")),
                        Label.of(
                                "New close time",
                                "Empty keeps it. A duration or a date.",
                                TextInput.create("closes", TextInputStyle.SHORT)
                                        .setRequired(false)
                                        .setMaxLength(40)
                                        .setPlaceholder("3d, 12h, 2w or 2026-12-24")
                                        .build()))
                .build();
    }

    private static TextInput list(String id, String placeholder) {
        return TextInput.create(id, TextInputStyle.PARAGRAPH)
                .setRequired(false)
                .setMaxLength(LIST_MAX)
                .setPlaceholder(placeholder)
                .build();
    }

    private static String title(Poll poll) {
        return DiscordText.cut("Edit poll #" + poll.id() + ": " + poll.title(), MODAL_TITLE_MAX);
    }
}
