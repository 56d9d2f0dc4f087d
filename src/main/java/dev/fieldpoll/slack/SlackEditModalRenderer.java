package dev.fieldpoll.slack;

import static dev.fieldpoll.slack.Mrkdwn.escape;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.fieldpoll.bot.ActionId;
import dev.fieldpoll.bot.ActionIds;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.ResultsVisibility;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Edit button's form in Slack: the title prefilled, fields to add, to remove and to rename one
 * per line, a new close time, and the results rule as a select set to the current one. Each input's
 * block and action id is the typed option it stands for, so the submission reads like a typed
 * {@code /poll edit}; private_metadata names the poll and the channel ({@code fp1:edit:<poll>@<channel>}),
 * which the server checks again.
 */
final class SlackEditModalRenderer {

    static final String CALLBACK_ID = "fieldpoll-edit";
    private static final int LIST_MAX = 2000;

    View render(Poll poll) {
        String fields = poll.definition().fields().stream().map(Field::name).collect(Collectors.joining(", "));
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(Mrkdwn.section("*" + escape(poll.title()) + "* (poll #" + poll.id() + ")\nFields now: "
                + escape(fields) + "\nLeave an input empty to keep that as it is. Removed fields keep their votes, "
                + "and adding one back restores them."));
        blocks.add(
                input("title", "Title", null, text("title", false, Poll.MAX_TITLE_LENGTH, poll.title(), null), false));
        blocks.add(
                input("add", "Fields to add", "One per line.", text("add", true, LIST_MAX, null, "New field"), true));
        blocks.add(input(
                "remove",
                "Fields to remove",
                "One per line.",
                text("remove", true, LIST_MAX, null, "Field name"),
                true));
        blocks.add(input(
                "rename",
                "Renames",
                "One per line, old => new. Votes stay with the field.",
                text("rename", true, LIST_MAX, null, "Old name => New name"),
                true));
        blocks.add(input(
                "closes",
                "New close time",
                "A duration (3d, 12h, 2w) or a date (2026-12-24).",
                text("closes", false, 40, null, "3d"),
                true));
        blocks.add(input("results", "Results are shown", null, visibility(poll.visibility()), false));
        return View.builder()
                .type("modal")
                .callbackId(CALLBACK_ID)
                .privateMetadata(ActionIds.encode(ActionId.of(ActionId.Action.EDIT, poll.id()), poll.channelId()))
                .title(ViewTitle.builder()
                        .type("plain_text")
                        .text(Mrkdwn.truncate("Edit poll #" + poll.id(), BlockLimits.MODAL_TITLE))
                        .build())
                .submit(ViewSubmit.builder().type("plain_text").text("Save").build())
                .close(ViewClose.builder().type("plain_text").text("Cancel").build())
                .blocks(blocks)
                .build();
    }

    /** The submitted inputs by name: a text input's value, a select's chosen option. */
    static Map<String, String> values(View view) {
        Map<String, String> inputs = new HashMap<>();
        ViewState state = view == null ? null : view.getState();
        if (state == null || state.getValues() == null) {
            return inputs;
        }
        state.getValues().forEach((block, actions) -> {
            ViewState.Value value = actions == null ? null : actions.get(block);
            if (value == null) {
                return;
            }
            if (value.getSelectedOption() != null) {
                inputs.put(block, value.getSelectedOption().getValue());
            } else if (value.getValue() != null) {
                inputs.put(block, value.getValue());
            }
        });
        return inputs;
    }

    /**
     * The input a refusal is shown beside (Slack shows errors only beside inputs): the one it names,
     * else the first list the member filled in, else the title.
     */
    static String blockOf(String message, Map<String, String> inputs) {
        String lower = message.toLowerCase(Locale.ROOT);
        for (String name : List.of("rename", "closes", "results", "title")) {
            if (lower.contains(name + ":")) {
                return name;
            }
        }
        if (lower.contains("close time")) {
            return "closes";
        }
        for (String name : List.of("remove", "add", "rename")) {
            if (!inputs.getOrDefault(name, "").isBlank()) {
                return name;
            }
        }
        return "title";
    }

    private static InputBlock input(String name, String label, String hint, BlockElement element, boolean optional) {
        return InputBlock.builder()
                .blockId(name)
                .label(Mrkdwn.plain(label, BlockLimits.LABEL_TEXT))
                .hint(hint == null ? null : Mrkdwn.plain(hint, BlockLimits.HINT_TEXT))
                .optional(optional)
                .element(element)
                .build();
    }

    private static PlainTextInputElement text(
            String name, boolean multiline, int max, String initial, String placeholder) {
        return PlainTextInputElement.builder()
                .actionId(name)
                .multiline(multiline)
                .maxLength(max)
                .initialValue(initial)
                .placeholder(placeholder == null ? null : Mrkdwn.plain(placeholder, BlockLimits.PLACEHOLDER_TEXT))
                .build();
    }

    private static StaticSelectElement visibility(ResultsVisibility current) {
        List<OptionObject> options = new ArrayList<>();
        OptionObject initial = null;
        for (ResultsVisibility visibility : ResultsVisibility.values()) {
            OptionObject option = BallotModalRenderer.option(label(visibility), visibility.keyword());
            options.add(option);
            if (visibility == current) {
                initial = option;
            }
        }
        return StaticSelectElement.builder()
                .actionId("results")
                .options(options)
                .initialOption(initial)
                .build();
    }

    private static String label(ResultsVisibility visibility) {
        return switch (visibility) {
            case AFTER_VOTE -> "Once a member has voted";
            case LIVE -> "Anytime";
            case AFTER_CLOSE -> "When the poll closes";
        };
    }
}
