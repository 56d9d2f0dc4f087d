package dev.fieldpoll.bot;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Factor;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.PollDefinition;

/** How every platform names a cell and an answer in confirmations and ballots. */
public final class BallotText {

    private BallotText() {}

    /** "Mech Interp / Feedback quality"; keys stand in for names the poll lacks. */
    public static String cellName(PollDefinition definition, CellKey cell) {
        String field = definition.field(cell.field()).map(Field::name).orElse(cell.field());
        String factor = definition.factor(cell.factor()).map(Factor::name).orElse(cell.factor());
        return field + " / " + factor;
    }

    /** A score, "don't know", or {@code unanswered} when there is no answer. */
    public static String answerText(Answer answer, String unanswered) {
        if (answer == null) {
            return unanswered;
        }
        return answer instanceof Answer.Score score ? Integer.toString(score.value()) : "don't know";
    }
}
