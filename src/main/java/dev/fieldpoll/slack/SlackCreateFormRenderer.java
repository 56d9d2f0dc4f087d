package dev.fieldpoll.slack;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ConversationsFilter;
import com.slack.api.model.block.element.ConversationsSelectElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.fieldpoll.bot.ActionId;
import dev.fieldpoll.bot.ActionIds;
import dev.fieldpoll.bot.CreateForm;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The create form as a Slack modal: title, fields and factors (one per line), an options line and a
 * template picked from the catalog (a static select), each an optional input whose block and action
 * id is {@link CreateForm.Input#id()}. Opened by {@code /poll new} it names its channel in the
 * private_metadata ({@code fp1:new:0@C…}); opened by the global shortcut, which has no channel, it
 * asks for one with a conversations select. Thread-safe: it keeps no state.
 */
final class SlackCreateFormRenderer {

    /** The block of the conversations select: where the poll goes (the shortcut's form only). */
    static final String CHANNEL_BLOCK = "channel";

    /** The callback id of the form's view: the one codec's create-form id. */
    static final String CALLBACK_ID = ActionIds.encode(ActionId.createForm());

    /** The form for {@code /poll new} in {@code channelId}, or (empty) for the shortcut, which asks where. */
    View render(Optional<String> channelId, List<Template> templates) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (channelId.isEmpty()) {
            blocks.add(input(
                    CHANNEL_BLOCK,
                    "Post it in",
                    false,
                    ConversationsSelectElement.builder()
                            .actionId(CHANNEL_BLOCK)
                            .defaultToCurrentConversation(true)
                            .filter(ConversationsFilter.builder()
                                    .include(List.of("public", "private"))
                                    .excludeBotUsers(true)
                                    .build())
                            .placeholder(Mrkdwn.plain("A channel I am in", BlockLimits.PLACEHOLDER_TEXT))
                            .build(),
                    "Invite me there first (/invite @fieldpoll)."));
        }
        blocks.add(text(CreateForm.Input.TITLE, false, Poll.MAX_TITLE_LENGTH, "Blank: the template's title."));
        blocks.add(text(
                CreateForm.Input.FIELDS, true, CreateForm.MAX_INPUT, "One per line; optionally Name — what it means."));
        blocks.add(text(CreateForm.Input.FACTORS, true, CreateForm.MAX_INPUT, "One per line."));
        blocks.add(text(
                CreateForm.Input.OPTIONS,
                false,
                CreateForm.MAX_INPUT,
                "Any of closes:3d (or a date like closes:2026-12-24), results:after-vote|live|after-close, "
                        + "scale:0-10 (your own fields; default 1-5), remind:off, announce:off."));
        blocks.add(input(
                CreateForm.Input.TEMPLATE.id(),
                CreateForm.Input.TEMPLATE.label(),
                true,
                StaticSelectElement.builder()
                        .actionId(CreateForm.Input.TEMPLATE.id())
                        .placeholder(Mrkdwn.plain("Or start from a template", BlockLimits.PLACEHOLDER_TEXT))
                        .options(templates.stream()
                                .limit(BlockLimits.SELECT_OPTIONS)
                                .map(SlackCreateFormRenderer::option)
                                .toList())
                        .build(),
                "Instead of your own fields and factors."));
        return View.builder()
                .type("modal")
                .callbackId(CALLBACK_ID)
                .privateMetadata(channelId
                        .map(channel -> ActionIds.encode(ActionId.createForm(), channel))
                        .orElse(CALLBACK_ID))
                .title(ViewTitle.builder().type("plain_text").text("New poll").build())
                .submit(ViewSubmit.builder().type("plain_text").text("Create").build())
                .close(ViewClose.builder().type("plain_text").text("Cancel").build())
                .blocks(blocks)
                .build();
    }

    private static InputBlock text(CreateForm.Input input, boolean multiline, int maxLength, String hint) {
        return input(
                input.id(),
                input.label(),
                true,
                PlainTextInputElement.builder()
                        .actionId(input.id())
                        .multiline(multiline)
                        .maxLength(maxLength)
                        .build(),
                hint);
    }

    private static InputBlock input(String id, String label, boolean optional, BlockElement element, String hint) {
        return InputBlock.builder()
                .blockId(id)
                .label(Mrkdwn.plain(label, BlockLimits.LABEL_TEXT))
                .optional(optional)
                .element(element)
                .hint(Mrkdwn.plain(hint, BlockLimits.HINT_TEXT))
                .build();
    }

    private static OptionObject option(Template template) {
        return OptionObject.builder()
                .text(Mrkdwn.plain(template.title(), BlockLimits.OPTION_TEXT))
                .value(template.key())
                .build();
    }
}
