package dev.fieldpoll.discord;

import dev.fieldpoll.bot.ActionId;
import dev.fieldpoll.bot.ActionId.Action;
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
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.selections.SelectOption;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * The stepped ephemeral ballot: per step up to two fields, one select per field and factor
 * (the scale, each point labelled, and "don't know"), preset to the member's answer, and a last
 * row with Back, Next and Done. Every choice is saved when picked; Done shows a recap.
 */
final class BallotRenderer {

    /** The value a select sends for "don't know"; PollBot reads it like a typed "?". */
    static final String DONT_KNOW = "?";

    private static final int OPTION_LABEL_MAX = 100;
    private static final int OPTION_DESCRIPTION_MAX = 100;
    private static final int PLACEHOLDER_MAX = 100;
    private static final int DESCRIPTION_MAX = 300;

    MessageEditData page(Poll poll, Ballot ballot, int page, String note) {
        return page(poll, ballot, page, note, Optional.empty());
    }

    /**
     * A page of the ballot; in a later round of a poll ({@code rounds}), the previous round's view and
     * the member's own answer then beside each cell, and a Keep button that saves those answers.
     */
    MessageEditData page(Poll poll, Ballot ballot, int page, String note, Optional<RoundHints> rounds) {
        PollDefinition definition = poll.definition();
        BallotPages pages = new BallotPages(definition);
        List<ActionRow> rows = new ArrayList<>();
        for (CellKey cell : pages.cells(page)) {
            rows.add(ActionRow.of(select(poll, cell, ballot.answers().get(cell))));
        }
        ActionRow navigation = navigation(poll, pages, page);
        if (rounds.isPresent() && !rounds.get().toKeep(ballot).isEmpty()) {
            List<Button> buttons = new ArrayList<>(navigation.getButtons());
            buttons.add(0, keepButton(poll, rounds.get()));
            navigation = ActionRow.of(buttons);
        }
        rows.add(navigation);
        String text = pageText(poll, ballot, pages, page, note)
                + rounds.map(hints -> roundText(definition, pages, page, hints)).orElse("");
        return Messages.message(DiscordText.cut(text, DiscordText.CONTENT_MAX), List.of(), rows);
    }

    private static Button keepButton(Poll poll, RoundHints hints) {
        return Button.secondary(
                ActionIds.encode(ActionId.of(Action.KEEP, poll.id())),
                "Keep my round " + (hints.round() - 1) + " answers");
    }

    /** Per cell of the page: "Docs · Impact: round 1: median 4, middle half 2–4 · you: 5". */
    private static String roundText(PollDefinition definition, BallotPages pages, int page, RoundHints hints) {
        StringBuilder text = new StringBuilder("\n\n").append(hints.heading());
        for (CellKey cell : pages.cells(page)) {
            hints.line(cell)
                    .ifPresent(line -> text.append("\n• ")
                            .append(DiscordText.escape(
                                    definition.field(cell.field()).orElseThrow().name()))
                            .append(" · ")
                            .append(DiscordText.escape(definition
                                    .factor(cell.factor())
                                    .orElseThrow()
                                    .name()))
                            .append(": ")
                            .append(line));
        }
        return text.toString();
    }

    private static String pageText(Poll poll, Ballot ballot, BallotPages pages, int page, String note) {
        PollDefinition definition = poll.definition();
        StringBuilder text = new StringBuilder();
        text.append("**Your ballot · ")
                .append(DiscordText.escape(poll.title()))
                .append("** (poll #")
                .append(poll.id())
                .append(")\n")
                .append(pages.position(page))
                .append(" · ")
                .append(ballot.answers().size())
                .append(" of ")
                .append(definition.cellCount())
                .append(" answered · each choice is saved as you pick it\n");
        for (Field field : pages.fields(page)) {
            text.append("\n**").append(DiscordText.escape(field.name())).append("**");
            if (!field.description().isEmpty()) {
                text.append(" — ").append(DiscordText.cut(DiscordText.escape(field.description()), DESCRIPTION_MAX));
            }
        }
        text.append('\n');
        for (Factor factor : definition.factors()) {
            text.append("\n**")
                    .append(DiscordText.escape(factor.name()))
                    .append(factor.hasOwnQuestion() ? ":** " : "**");
            if (factor.hasOwnQuestion()) {
                text.append(DiscordText.cut(DiscordText.escape(factor.question()), DESCRIPTION_MAX));
            }
        }
        if (note != null && !note.isBlank()) {
            text.append("\n\n").append(note);
        }
        return DiscordText.cut(text.toString(), DiscordText.CONTENT_MAX);
    }

    private static StringSelectMenu select(Poll poll, CellKey cell, Answer current) {
        PollDefinition definition = poll.definition();
        Field field = definition.field(cell.field()).orElseThrow();
        Factor factor = definition.factor(cell.factor()).orElseThrow();
        String context = field.name() + " · " + factor.name();
        Scale scale = definition.scale();
        List<SelectOption> options = new ArrayList<>();
        for (int score = scale.min(); score <= scale.max(); score++) {
            SelectOption option = SelectOption.of(label(context, Integer.toString(score)), Integer.toString(score))
                    .withDefault(current instanceof Answer.Score chosen && chosen.value() == score);
            String meaning = meaning(scale, factor, score);
            options.add(
                    meaning.isEmpty()
                            ? option
                            : option.withDescription(DiscordText.cut(meaning, OPTION_DESCRIPTION_MAX)));
        }
        options.add(SelectOption.of(label(context, "don't know"), DONT_KNOW)
                .withDescription("Not sure: counts as no answer, not as a middle score")
                .withDefault(current instanceof Answer.DontKnow));
        return StringSelectMenu.create(
                        ActionIds.encode(ActionId.of(Action.ANSWER, poll.id(), cell.field(), cell.factor())))
                .setPlaceholder(DiscordText.cut(
                        context + " — pick " + scale.min() + "–" + scale.max() + " or don't know", PLACEHOLDER_MAX))
                // No answer selected withdraws it, so a member can take a choice back.
                .setRequiredRange(0, 1)
                .addOptions(options)
                .build();
    }

    /** "Mech Interp · Feedback quality: 4": a chosen option is all a closed select shows, so it names its cell. */
    private static String label(String context, String answer) {
        String suffix = ": " + answer;
        return DiscordText.cut(context, OPTION_LABEL_MAX - suffix.length()) + suffix;
    }

    private static String meaning(Scale scale, Factor factor, int score) {
        if (score == scale.min()) {
            return factor.lowLabel().isEmpty() ? "Lowest" : factor.lowLabel();
        }
        if (score == scale.max()) {
            return factor.highLabel().isEmpty() ? "Highest" : factor.highLabel();
        }
        return score * 2 == scale.min() + scale.max() ? "Middle" : "";
    }

    private static ActionRow navigation(Poll poll, BallotPages pages, int page) {
        Button done = Button.success(ActionIds.encode(ActionId.of(Action.DONE, poll.id())), "Done");
        if (pages.count() == 1) {
            return ActionRow.of(done);
        }
        // Back and Next always name different pages, so the two ids never collide.
        Button back = Button.secondary(pageId(poll, page == 0 ? 0 : page - 1), "◀ Back")
                .withDisabled(page == 0);
        int last = pages.count() - 1;
        Button next = Button.primary(pageId(poll, page == last ? last : page + 1), "Next ▶")
                .withDisabled(page == last);
        return ActionRow.of(back, next, done);
    }

    private static String pageId(Poll poll, int page) {
        return ActionIds.encode(ActionId.of(Action.PAGE, poll.id(), Integer.toString(page)));
    }

    /** After Done: how much is answered, what is still open, and a way back. */
    MessageEditData recap(Poll poll, Ballot ballot) {
        PollDefinition definition = poll.definition();
        Map<CellKey, Answer> answers = ballot.answers();
        StringBuilder text = new StringBuilder("**Done · ")
                .append(DiscordText.escape(poll.title()))
                .append("** (poll #")
                .append(poll.id())
                .append(")\nYou answered ")
                .append(answers.size())
                .append(" of ")
                .append(definition.cellCount())
                .append(". Your answers are saved; you can change them until the poll closes.\n");
        List<String> open = new ArrayList<>();
        for (Field field : definition.fields()) {
            List<String> missing = definition.factors().stream()
                    .filter(factor -> !answers.containsKey(new CellKey(field.key(), factor.key())))
                    .map(Factor::name)
                    .toList();
            if (missing.size() == definition.factors().size()) {
                open.add("• " + DiscordText.escape(field.name()));
            } else if (!missing.isEmpty()) {
                open.add("• " + DiscordText.escape(field.name()) + " (" + DiscordText.escape(String.join(", ", missing))
                        + ")");
            }
        }
        if (open.isEmpty()) {
            text.append("Nothing is left unanswered. Thank you!");
        } else {
            text.append("\n**Still unanswered**\n")
                    .append(DiscordText.lines(open, DiscordText.CONTENT_MAX - text.length() - 30));
        }
        ActionRow row = ActionRow.of(
                Button.secondary(pageId(poll, 0), "◀ Back to the ballot"),
                Button.secondary(ActionIds.encode(ActionId.of(Action.RESULTS, poll.id())), "Results"));
        return Messages.message(text.toString(), List.of(), List.of(row));
    }
}
