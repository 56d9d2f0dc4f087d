package dev.fieldpoll.report;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.report.PollReport.PollInfo;
import dev.fieldpoll.testing.ReportFixtures;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Run in a child JVM by {@link LargeReportMemoryTest}: builds the full report of a synthetic
 * 100,000-voter poll of the AI-safety template and prints one line about it. With {@code camps},
 * 60% and 40% of the voters score the first four cells at opposite ends, so the report also finds
 * opinion groups (refined on every voter, with profiles, separating cells and the map).
 */
public final class LargeReportProbe {

    private LargeReportProbe() {}

    public static void main(String[] args) {
        int voters = Integer.parseInt(args[0]);
        boolean camps = args.length > 1 && args[1].equals("camps");
        PollDefinition definition = ReportFixtures.aiSafetyTemplate();
        SplittableRandom random = new SplittableRandom(1);
        BallotTable table = new BallotTable(definition);
        List<CellKey> cells = definition.cells();
        Answer[] scores = {Answer.score(1), Answer.score(2), Answer.score(3), Answer.score(4), Answer.score(5)};
        for (int voter = 0; voter < voters; voter++) {
            int row = table.addVoter();
            boolean firstCamp = random.nextInt(5) < 3;
            for (int cell = 0; cell < cells.size(); cell++) {
                int roll = random.nextInt(21);
                Answer answer = roll == 20 ? Answer.DONT_KNOW : scores[(roll + cell) % 5];
                if (camps && cell < 4) {
                    answer = scores[firstCamp == (cell % 2 == 0) ? 4 - roll % 2 : roll % 2];
                }
                table.add(row, cells.get(cell), answer);
            }
        }
        PollInfo info = new PollInfo(1, "memory", "open", voters, table.completeBallots(), 1, 5);
        PollReport report =
                new ReportBuilder().build(new ReportInput(info, definition, table.counts(), table.matrix(), 3, 10));
        System.out.println("ranked " + report.ranking().size() + " fields from "
                + report.method().ballots() + " ballots; groups "
                + report.opinionGroups().groupSearch().status() + "; heap max "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
    }
}
