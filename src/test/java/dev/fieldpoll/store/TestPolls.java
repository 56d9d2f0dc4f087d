package dev.fieldpoll.store;

import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Factor;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.NewPoll;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.poll.ResultsVisibility;
import dev.fieldpoll.poll.Scale;
import dev.fieldpoll.poll.Workspace;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Polls for the store tests: three fields, two factors, 1-5, some reference scores. */
final class TestPolls {

    static final Workspace GUILD = new Workspace(Platform.DISCORD, "guild-1");
    static final String CHANNEL = "channel-1";
    static final Instant CREATED = Instant.parse("2026-03-01T12:00:00.123Z");

    static final CellKey MECH_FEEDBACK = new CellKey("mech-interp", "feedback");
    static final CellKey MECH_ECONOMIC = new CellKey("mech-interp", "economic");
    static final CellKey EVALS_FEEDBACK = new CellKey("evals", "feedback");
    static final CellKey EVALS_ECONOMIC = new CellKey("evals", "economic");

    private TestPolls() {}

    static PollDefinition definition() {
        return definition(Map.of());
    }

    /** The definition with the author's reference scores for three cells. */
    static PollDefinition definitionWithReference() {
        return definition(Map.of(MECH_FEEDBACK, 4.5, EVALS_ECONOMIC, 2.0, new CellKey("oversight", "feedback"), 1.0));
    }

    /**
     * Whether this build's PollDefinition accepts reference scores: its constructor checks them
     * against {@code fields} before the compact constructor has assigned that field, so any
     * reference throws a NullPointerException (a bug in the poll package, reported).
     */
    static boolean referenceScoresCanBeBuilt() {
        try {
            definitionWithReference();
            return true;
        } catch (NullPointerException e) {
            return false;
        }
    }

    private static PollDefinition definition(Map<CellKey, Double> reference) {
        return new PollDefinition(
                Scale.ONE_TO_FIVE,
                List.of(
                        new Field("mech-interp", "Mech Interp", "Reverse-engineering what networks compute."),
                        new Field("evals", "Evals", null),
                        new Field("oversight", "Scalable Oversight", "Supervising models smarter than us.")),
                List.of(
                        new Factor(
                                "feedback",
                                "Feedback quality",
                                "How fast and clear is the feedback?",
                                "slow, noisy",
                                "fast, crisp",
                                2.0),
                        new Factor("economic", "Economic incentive", null, null, null, 0.5)),
                reference);
    }

    static NewPoll newPoll() {
        return newPoll(GUILD, CHANNEL, CREATED);
    }

    static NewPoll newPoll(Workspace workspace, String channelId, Instant createdAt) {
        return newPoll(workspace, channelId, createdAt, definition());
    }

    static NewPoll newPoll(Workspace workspace, String channelId, Instant createdAt, PollDefinition definition) {
        return new NewPoll(
                workspace,
                channelId,
                "Which safety fields get automated first?",
                "safety-fields",
                definition,
                ResultsVisibility.AFTER_CLOSE,
                "user-42",
                createdAt,
                createdAt.plusSeconds(7 * 24 * 3600),
                null,
                true,
                true);
    }
}
