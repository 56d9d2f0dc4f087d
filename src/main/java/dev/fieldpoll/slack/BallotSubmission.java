package dev.fieldpoll.slack;

import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.fieldpoll.bot.ActionId;
import dev.fieldpoll.bot.ActionIds;
import dev.fieldpoll.poll.CellKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A submitted ballot view, read back: which poll, channel and page (from private_metadata) and the chosen
 * score text per cell (from each input's block_id). Only the shape is checked here — ids that do
 * not decode, or that name another poll, refuse the whole submission; PollBot checks the rest
 * (workspace, poll, field, factor, score).
 */
sealed interface BallotSubmission {

    record Answers(long pollId, String channelId, int page, Map<CellKey, String> answers) implements BallotSubmission {
        public Answers {
            answers = Map.copyOf(answers);
        }
    }

    record Refused(String message) implements BallotSubmission {}

    String OUT_OF_DATE = "This ballot is out of date or was changed on the way, so nothing was saved. "
            + "Press Vote on the poll message to open a fresh one.";

    static BallotSubmission read(View view) {
        if (view == null) {
            return new Refused(OUT_OF_DATE);
        }
        Optional<ActionIds.InChannel> metadata = ActionIds.decodeInChannel(view.getPrivateMetadata());
        if (metadata.isEmpty()) {
            return new Refused(OUT_OF_DATE);
        }
        ActionId id = metadata.get().id();
        int page;
        if (id.action() == ActionId.Action.SUBMIT) {
            page = 1;
        } else if (id.action() == ActionId.Action.PAGE && id.arguments().get(0).matches("[1-9]\\d{0,2}")) {
            page = Integer.parseInt(id.arguments().get(0));
        } else {
            return new Refused(OUT_OF_DATE);
        }
        Map<CellKey, String> answers = new LinkedHashMap<>();
        ViewState state = view.getState();
        Map<String, Map<String, ViewState.Value>> values =
                state == null || state.getValues() == null ? Map.of() : state.getValues();
        for (Map.Entry<String, Map<String, ViewState.Value>> block : values.entrySet()) {
            Optional<ActionId> cell = ActionIds.decode(block.getKey());
            if (cell.isEmpty()
                    || cell.get().action() != ActionId.Action.ANSWER
                    || cell.get().pollId() != id.pollId()) {
                return new Refused(OUT_OF_DATE);
            }
            Optional<String> chosen = chosen(block.getValue());
            chosen.ifPresent(text -> answers.put(
                    new CellKey(
                            cell.get().arguments().get(0),
                            cell.get().arguments().get(1)),
                    text));
        }
        return new Answers(id.pollId(), metadata.get().channelId(), page, answers);
    }

    /** The select's chosen option, or a text input's value; empty when the member left it alone. */
    private static Optional<String> chosen(Map<String, ViewState.Value> actions) {
        if (actions == null) {
            return Optional.empty();
        }
        for (ViewState.Value value : actions.values()) {
            if (value == null) {
                continue;
            }
            if (value.getSelectedOption() != null && value.getSelectedOption().getValue() != null) {
                return Optional.of(value.getSelectedOption().getValue());
            }
            if (value.getValue() != null && !value.getValue().isBlank()) {
                return Optional.of(value.getValue().strip());
            }
        }
        return Optional.empty();
    }
}
