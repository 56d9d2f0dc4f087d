package dev.fieldpoll.bot;

import dev.fieldpoll.poll.Keys;
import java.util.List;

/**
 * What a button, select or modal on a poll message means: an action, the poll, and its
 * arguments (a ballot page, or a field and factor key). Built by {@link ActionIds} from
 * untrusted ids; PollBot checks poll, workspace, field, factor and score again.
 */
public record ActionId(Action action, long pollId, List<String> arguments) {

    public enum Action {
        /** Open the member's ballot. */
        VOTE("vote", 0),
        /** Show results. */
        RESULTS("results", 0),
        /** Show the member's own answers. */
        MINE("mine", 0),
        /** Show one page of a stepped ballot: argument = page number. */
        PAGE("page", 1),
        /** Answer one cell, the value in the component: arguments = field key, factor key. */
        ANSWER("answer", 2),
        /** Finish a stepped ballot. */
        DONE("done", 0),
        /** Submit a whole ballot (a modal). */
        SUBMIT("submit", 0),
        /** Delete the poll: the confirmation's button. */
        DELETE("delete", 0),
        /** Forget the member's answers: argument "poll" (this poll) or "all" (every poll of the workspace). */
        FORGET("forget", 1),
        /** In a later round, keep the member's answers of the round before. */
        KEEP("keep", 0),
        /** Open the prefilled edit form of the poll (its button), and that form itself (its id). */
        EDIT("edit", 0),
        /** Submit the create form (/poll new): it names no poll yet, so its poll id is 0. */
        CREATE_FORM("new", 0);

        private final String code;
        private final int arity;

        Action(String code, int arity) {
            this.code = code;
            this.arity = arity;
        }

        public String code() {
            return code;
        }

        public int arity() {
            return arity;
        }
    }

    public ActionId {
        if (action == Action.CREATE_FORM ? pollId != 0 : pollId < 1) {
            throw new IllegalArgumentException("poll id must be positive (0 for the create form)");
        }
        arguments = List.copyOf(arguments);
        if (arguments.size() != action.arity()) {
            throw new IllegalArgumentException(action.code() + " takes " + action.arity() + " arguments");
        }
        for (String argument : arguments) {
            if (!Keys.isKey(argument)) {
                throw new IllegalArgumentException("argument '" + argument + "' is not a key");
            }
        }
    }

    /** The create form's id: no poll yet. */
    public static ActionId createForm() {
        return new ActionId(Action.CREATE_FORM, 0, List.of());
    }

    public static ActionId of(Action action, long pollId, String... arguments) {
        return new ActionId(action, pollId, List.of(arguments));
    }
}
