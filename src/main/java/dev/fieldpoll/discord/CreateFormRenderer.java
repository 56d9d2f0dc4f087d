package dev.fieldpoll.discord;

import dev.fieldpoll.bot.ActionId;
import dev.fieldpoll.bot.ActionIds;
import dev.fieldpoll.bot.CreateForm;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.Template;
import java.util.List;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.modals.Modal;

/**
 * The create form as a Discord modal: five text inputs (Discord's most), title, fields, factors,
 * an options line and a template key, each identified by {@link CreateForm.Input#id()}; the modal's
 * id comes from the one codec. Thread-safe: it keeps no state.
 */
final class CreateFormRenderer {

    private CreateFormRenderer() {}

    static Modal render(List<Template> templates) {
        String keys = String.join(", ", templates.stream().map(Template::key).toList());
        return Modal.create(ActionIds.encode(ActionId.createForm()), "New poll")
                .addComponents(
                        input(
                                CreateForm.Input.TITLE,
                                "Blank: the template's title",
                                TextInputStyle.SHORT,
                                "Team priorities",
                                Poll.MAX_TITLE_LENGTH),
                        input(
                                CreateForm.Input.FIELDS,
                                "One per line; optionally Name — what it means",
                                TextInputStyle.PARAGRAPH,
                                "Evals — benchmarks and red teaming\nInterpretability",
                                CreateForm.MAX_INPUT),
                        input(
                                CreateForm.Input.FACTORS,
                                "One per line",
                                TextInputStyle.PARAGRAPH,
                                "Impact\nEffort",
                                CreateForm.MAX_INPUT),
                        input(
                                CreateForm.Input.OPTIONS,
                                "closes:3d results:live scale:0-10 remind:off announce:off",
                                TextInputStyle.SHORT,
                                "closes:3d results:after-vote",
                                CreateForm.MAX_INPUT),
                        input(
                                CreateForm.Input.TEMPLATE,
                                DiscordText.cut("Instead of fields and factors: " + keys, Label.DESCRIPTION_MAX_LENGTH),
                                TextInputStyle.SHORT,
                                templates.isEmpty() ? "" : templates.get(0).key(),
                                64))
                .build();
    }

    private static Label input(
            CreateForm.Input input, String description, TextInputStyle style, String example, int maxLength) {
        TextInput.Builder text =
                TextInput.create(input.id(), style).setRequired(false).setMaxLength(maxLength);
        if (!example.isEmpty()) {
            text.setPlaceholder(DiscordText.cut(example, TextInput.MAX_PLACEHOLDER_LENGTH));
        }
        return Label.of(input.label(), description, text.build());
    }
}
