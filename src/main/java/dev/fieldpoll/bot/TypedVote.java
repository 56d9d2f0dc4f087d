package dev.fieldpoll.bot;

import dev.fieldpoll.bot.BotReply.Problem;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Factor;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.Keys;
import dev.fieldpoll.poll.NameMatch;
import dev.fieldpoll.poll.PollDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A vote as typed ({@code /poll vote mech feedback=4 incentive=5}): the field and factors by name,
 * matched against the poll, into score texts by cell. Either the cells, or the one problem to say.
 */
final class TypedVote {

    /** A "no such field" answer lists the poll's names when there are this few. */
    private static final int LISTED_NAMES = 6;

    private final Map<CellKey, String> cells;
    private final Problem problem;

    private TypedVote(Map<CellKey, String> cells, Problem problem) {
        this.cells = cells;
        this.problem = problem;
    }

    static TypedVote read(PollDefinition definition, BotCommand.Vote vote) {
        NameMatch<Field> field = NameMatch.of(vote.field(), definition.fields(), Field::key, Field::name);
        if (!(field instanceof NameMatch.Found<Field> foundField)) {
            return refused(unmatched("field", vote.field(), field, definition.fields(), Field::name));
        }
        Map<CellKey, String> answers = new LinkedHashMap<>();
        for (BotCommand.FactorScore score : vote.scores()) {
            NameMatch<Factor> factor = NameMatch.of(score.factor(), definition.factors(), Factor::key, Factor::name);
            if (!(factor instanceof NameMatch.Found<Factor> foundFactor)) {
                return refused(unmatched("factor", score.factor(), factor, definition.factors(), Factor::name));
            }
            CellKey cell =
                    new CellKey(foundField.item().key(), foundFactor.item().key());
            if (answers.put(cell, score.score()) != null) {
                // feedback=3 feedback=4: which one was meant is a guess, so neither is saved
                return refused("You scored " + foundFactor.item().name() + " twice for "
                        + foundField.item().name() + ". Give each factor once; nothing was saved.");
            }
        }
        return new TypedVote(answers, null);
    }

    private static TypedVote refused(String message) {
        return new TypedVote(Map.of(), new Problem(message));
    }

    boolean refused() {
        return problem != null;
    }

    Problem problem() {
        return problem;
    }

    Map<CellKey, String> cells() {
        return cells;
    }

    private static <T> String unmatched(
            String what, String typed, NameMatch<T> match, List<T> items, Function<T, String> name) {
        if (match instanceof NameMatch.Ambiguous<T> ambiguous) {
            return "'" + Keys.shown(typed) + "' could be " + names(ambiguous.candidates(), name)
                    + ". Type a little more.";
        }
        List<T> suggestions = ((NameMatch.Unknown<T>) match).suggestions();
        String unknown = "This poll has no " + what + " '" + Keys.shown(typed) + "'.";
        if (!suggestions.isEmpty()) {
            return unknown + " Did you mean " + names(suggestions, name) + "?";
        }
        return items.size() <= LISTED_NAMES
                ? unknown + " Its " + what + "s: "
                        + String.join(", ", items.stream().map(name).toList()) + "."
                : unknown + " `/poll vote` shows every " + what + ".";
    }

    private static <T> String names(List<T> items, Function<T, String> name) {
        return String.join(
                " or ", items.stream().map(item -> "'" + name.apply(item) + "'").toList());
    }
}
