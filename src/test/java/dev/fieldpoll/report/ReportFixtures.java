package dev.fieldpoll.report;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Factor;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.poll.Scale;
import dev.fieldpoll.report.PollReport.PollInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small, hand-made polls whose reports tests can reason about. */
public final class ReportFixtures {

    static final PollDefinition DEFINITION = new PollDefinition(
            Scale.ONE_TO_FIVE,
            List.of(
                    new Field("interp", "Mech Interp", ""),
                    new Field("evals", "Evals", ""),
                    new Field("theory", "Agent Foundations", "")),
            List.of(
                    new Factor("feedback", "Feedback quality", null, null, null, 1),
                    new Factor("incentive", "Economic incentive", null, null, null, 1)),
            Map.of(
                    new CellKey("interp", "feedback"),
                    5.0,
                    new CellKey("interp", "incentive"),
                    4.0,
                    new CellKey("evals", "feedback"),
                    2.0,
                    new CellKey("evals", "incentive"),
                    4.0,
                    new CellKey("theory", "feedback"),
                    1.0,
                    new CellKey("theory", "incentive"),
                    1.0));

    private ReportFixtures() {}

    /**
     * Ten voters: interp high and agreed, evals feedback split into camps of 1s and 5s,
     * theory low; voter 9 says "don't know" on evals incentive. Cells: interp, evals, theory ×
     * feedback, incentive.
     */
    public static Map<String, Map<CellKey, Answer>> tenVoters() {
        Map<String, Map<CellKey, Answer>> ballots = new LinkedHashMap<>();
        for (int voter = 0; voter < 10; voter++) {
            Map<CellKey, Answer> ballot = new LinkedHashMap<>();
            ballot.put(new CellKey("interp", "feedback"), Answer.score(voter < 8 ? 5 : 4));
            ballot.put(new CellKey("interp", "incentive"), Answer.score(4));
            ballot.put(new CellKey("evals", "feedback"), Answer.score(voter % 2 == 0 ? 1 : 5));
            ballot.put(new CellKey("evals", "incentive"), voter == 9 ? Answer.DONT_KNOW : Answer.score(3 + voter % 2));
            ballot.put(new CellKey("theory", "feedback"), Answer.score(1 + voter % 3));
            ballot.put(new CellKey("theory", "incentive"), Answer.score(voter < 5 ? 1 : 2));
            ballots.put("voter-" + voter, ballot);
        }
        return ballots;
    }

    static ReportInput input(Map<String, Map<CellKey, Answer>> ballots, int minVoters) {
        BallotTable table = BallotTable.of(DEFINITION, ballots.values());
        PollInfo info = new PollInfo(
                7, "Which fields get automated first?", "open", ballots.size(), table.completeBallots(), 1, 5);
        return new ReportInput(info, DEFINITION, table.counts(), table.matrix(), minVoters, 7);
    }
}
