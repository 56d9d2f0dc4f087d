package dev.fieldpoll.bench;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.report.BallotTable;
import dev.fieldpoll.report.PollReport.PollInfo;
import dev.fieldpoll.report.ReportInput;
import java.util.List;
import java.util.SplittableRandom;

/** In-memory polls of any size for benchmarks: scores around each cell's reference, 5% don't know. */
final class SyntheticPolls {

    private SyntheticPolls() {}

    static ReportInput input(PollDefinition definition, int voters, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        BallotTable table = new BallotTable(definition);
        List<CellKey> cells = definition.cells();
        for (int voter = 0; voter < voters; voter++) {
            int row = table.addVoter();
            for (CellKey cell : cells) {
                table.add(
                        row,
                        cell,
                        random.nextInt(20) == 0 ? Answer.DONT_KNOW : Answer.score(score(definition, cell, random)));
            }
        }
        PollInfo info = new PollInfo(
                1,
                "benchmark",
                "open",
                voters,
                table.completeBallots(),
                definition.scale().min(),
                definition.scale().max());
        return new ReportInput(info, definition, table.counts(), table.matrix(), 3, 10);
    }

    private static int score(PollDefinition definition, CellKey cell, SplittableRandom random) {
        double centre =
                definition.reference().getOrDefault(cell, definition.scale().midpoint());
        long score = Math.round(centre + (random.nextDouble() + random.nextDouble() - 1) * 1.6);
        return (int)
                Math.max(definition.scale().min(), Math.min(definition.scale().max(), score));
    }
}
