package dev.fieldpoll.slack;

import static dev.fieldpoll.slack.Mrkdwn.escape;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.fieldpoll.bot.ActionId;
import dev.fieldpoll.bot.ActionIds;
import dev.fieldpoll.bot.RoundHints;
import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.Ballot;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Factor;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.poll.Scale;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The modal ballot: every field, and per factor a select of the scale's scores plus "don't know"
 * (and "withdraw" where the member has an answer), prefilled with the member's current answers.
 *
 * <p>One input block per field × factor, so Slack can show an error beside the very cell that was
 * wrong. A modal holds at most 100 blocks: one goes to the introduction, so a page holds
 * ⌊99 / factors⌋ fields — all 25 fields of a two-factor poll (51 blocks) fit one page. Larger
 * polls (say 25 fields × 5 factors = 125 cells) become pages: "Save & next" saves that page and
 * shows the next one in the same modal, so every page stays within the limit.
 *
 * <p>Every id in the view is written with {@link ActionIds}: private_metadata says which poll (and
 * page) the view belongs to; each input's block_id names its cell. Both come back untrusted.
 */
final class BallotModalRenderer {

    static final String CALLBACK_ID = "fieldpoll-ballot";
    static final String SCORE_ACTION = "score";
    static final String DONT_KNOW = "?";
    static final String WITHDRAW = "clear";
    private static final int INTRO_BLOCKS = 1;

    /** How many fields fit one page of the modal. */
    static int fieldsPerPage(PollDefinition definition) {
        return Math.max(
                1,
                (BlockLimits.MODAL_BLOCKS - INTRO_BLOCKS) / definition.factors().size());
    }

    static int pageCount(PollDefinition definition) {
        int perPage = fieldsPerPage(definition);
        return (definition.fields().size() + perPage - 1) / perPage;
    }

    /**
     * The private_metadata of a page: SUBMIT for a one-page ballot, else PAGE with the page number, and
     * the poll's channel, which a submission does not name: a ballot is opened only from that channel.
     */
    static String metadata(Poll poll, int page) {
        ActionId id = pageCount(poll.definition()) == 1
                ? ActionId.of(ActionId.Action.SUBMIT, poll.id())
                : ActionId.of(ActionId.Action.PAGE, poll.id(), Integer.toString(page));
        return ActionIds.encode(id, poll.channelId());
    }

    static String blockId(long pollId, CellKey cell) {
        return ActionIds.encode(ActionId.of(ActionId.Action.ANSWER, pollId, cell.field(), cell.factor()));
    }

    /** The fields shown on a page (1-based). */
    static List<Field> fieldsOn(PollDefinition definition, int page) {
        int perPage = fieldsPerPage(definition);
        int from = Math.min(definition.fields().size(), (page - 1) * perPage);
        return definition.fields().subList(from, Math.min(definition.fields().size(), from + perPage));
    }

    View render(Poll poll, Ballot ballot, int page) {
        return render(poll, ballot, page, Optional.empty());
    }

    /**
     * A page of the ballot modal. In a later round of a poll ({@code rounds}) each input's hint shows
     * the previous round's view and the member's answer then, and unanswered inputs are prefilled
     * with that answer: submitting keeps one's view.
     */
    View render(Poll poll, Ballot current, int page, Optional<RoundHints> rounds) {
        Ballot ballot = rounds.map(hints -> hints.prefilled(current)).orElse(current);
        PollDefinition definition = poll.definition();
        int pages = pageCount(definition);
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(Mrkdwn.section(intro(poll, page, pages)));
        for (Field field : fieldsOn(definition, page)) {
            boolean first = true;
            for (Factor factor : definition.factors()) {
                CellKey cell = new CellKey(field.key(), factor.key());
                blocks.add(InputBlock.builder()
                        .blockId(blockId(poll.id(), cell))
                        .label(Mrkdwn.plain(field.name() + " · " + factor.name(), BlockLimits.LABEL_TEXT))
                        .hint(hint(first ? field.description() : "", rounds.flatMap(hints -> hints.line(cell))))
                        .optional(true)
                        .element(scoreInput(
                                definition.scale(), factor, ballot.answers().get(cell)))
                        .build());
                first = false;
            }
        }
        boolean last = page >= pages;
        return View.builder()
                .type("modal")
                .callbackId(CALLBACK_ID)
                .privateMetadata(metadata(poll, page))
                .title(ViewTitle.builder()
                        .type("plain_text")
                        .text(pages == 1 ? "Your ballot" : "Ballot · page " + page + " of " + pages)
                        .build())
                .submit(ViewSubmit.builder()
                        .type("plain_text")
                        .text(last ? "Save" : "Save & next")
                        .build())
                .close(ViewClose.builder().type("plain_text").text("Cancel").build())
                .blocks(blocks)
                .build();
    }

    /** The field's description (on its first input) and a later round's line, either or both or none. */
    private static PlainTextObject hint(String description, Optional<String> round) {
        String text = description.isEmpty()
                ? round.orElse("")
                : description + round.map(line -> " · " + line).orElse("");
        return text.isEmpty() ? null : Mrkdwn.plain(text, BlockLimits.HINT_TEXT);
    }

    /** A modal that only says what went wrong (after a submission that could not be saved). */
    View problem(String message) {
        return notice("Not saved", ":warning: " + message);
    }

    /** A modal with a title and one line, nothing to submit. */
    View notice(String title, String message) {
        return View.builder()
                .type("modal")
                .callbackId(CALLBACK_ID)
                .title(ViewTitle.builder()
                        .type("plain_text")
                        .text(Mrkdwn.truncate(title, BlockLimits.MODAL_TITLE))
                        .build())
                .close(ViewClose.builder().type("plain_text").text("Close").build())
                .blocks(List.of(Mrkdwn.section(escape(message))))
                .build();
    }

    private static String intro(Poll poll, int page, int pages) {
        Scale scale = poll.definition().scale();
        StringBuilder text = new StringBuilder("*")
                .append(escape(poll.title()))
                .append("* (poll #")
                .append(poll.id())
                .append(")\nFor each field and factor pick a score from ")
                .append(scale.min())
                .append(" to ")
                .append(scale.max())
                .append(", or _Don't know_. Leave a question empty to skip it; "
                        + "your earlier answers are filled in.");
        if (pages > 1) {
            text.append("\nPage ")
                    .append(page)
                    .append(" of ")
                    .append(pages)
                    .append(": saving a page keeps its answers and opens the next.");
        }
        for (Factor factor : poll.definition().factors()) {
            text.append("\n\n").append(SlackPollMessageRenderer.factorText(factor, poll.definition()));
        }
        return text.toString();
    }

    /** A select when the scale fits one (≤ 100 options), else a text input the server checks all the same. */
    private static BlockElement scoreInput(Scale scale, Factor factor, Answer current) {
        int options = scale.points() + 1 + (current == null ? 0 : 1);
        if (options > BlockLimits.SELECT_OPTIONS) {
            return PlainTextInputElement.builder()
                    .actionId(SCORE_ACTION)
                    .placeholder(Mrkdwn.plain(
                            scale.min() + "–" + scale.max() + ", or ? for don't know", BlockLimits.PLACEHOLDER_TEXT))
                    .initialValue(current == null ? null : current.display())
                    .build();
        }
        List<OptionObject> choices = new ArrayList<>();
        OptionObject initial = null;
        for (int score = scale.min(); score <= scale.max(); score++) {
            String meaning = score == scale.min() ? factor.lowLabel() : score == scale.max() ? factor.highLabel() : "";
            OptionObject option = option(score + (meaning.isEmpty() ? "" : " — " + meaning), Integer.toString(score));
            choices.add(option);
            if (current instanceof Answer.Score chosen && chosen.value() == score) {
                initial = option;
            }
        }
        OptionObject dontKnow = option("Don't know", DONT_KNOW);
        choices.add(dontKnow);
        if (current instanceof Answer.DontKnow) {
            initial = dontKnow;
        }
        if (current != null) {
            choices.add(option("Withdraw my answer", WITHDRAW));
        }
        return StaticSelectElement.builder()
                .actionId(SCORE_ACTION)
                .placeholder(
                        Mrkdwn.plain(scale.min() + "–" + scale.max() + " or don't know", BlockLimits.PLACEHOLDER_TEXT))
                .options(choices)
                .initialOption(initial)
                .build();
    }

    static OptionObject option(String text, String value) {
        return OptionObject.builder()
                .text(Mrkdwn.plain(text, BlockLimits.OPTION_TEXT))
                .value(value)
                .build();
    }
}
