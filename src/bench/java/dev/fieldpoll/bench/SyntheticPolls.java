package dev.fieldpoll.bench;

import dev.fieldpoll.app.TemplateLoader;
import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.report.BallotTable;
import dev.fieldpoll.report.PollReport.PollInfo;
import dev.fieldpoll.report.ReportInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;

/**
 * In-memory polls of any size for benchmarks: scores around each cell's reference. {@code complete}
 * ballots answer every cell (5% don't know); {@code half} ballots score a random half of the cells,
 * from lenient and harsh members, which makes nearly every ballot's pattern unique; {@code camps}
 * ballots are complete, from two camps (60% and 40%) that score four cells at opposite ends.
 */
final class SyntheticPolls {

    enum Ballots {
        COMPLETE,
        HALF,
        CAMPS
    }

    /** Cells the two camps of {@link Ballots#CAMPS} disagree on: the first four. */
    private static final int CAMP_CELLS = 4;

    private SyntheticPolls() {}

    /** The built-in AI-safety template: 10 fields × 2 factors, with reference scores. */
    static PollDefinition aiSafety() {
        return new TemplateLoader()
                .loadAll(Path.of("no-such-folder")).stream()
                        .filter(candidate -> candidate.key().equals("ai-safety-automation"))
                        .findFirst()
                        .orElseThrow()
                        .definition();
    }

    static ReportInput input(PollDefinition definition, int voters, long seed) {
        return input(definition, voters, seed, Ballots.COMPLETE);
    }

    static ReportInput input(PollDefinition definition, int voters, long seed, Ballots shape) {
        SplittableRandom random = new SplittableRandom(seed);
        BallotTable table = new BallotTable(definition);
        for (int voter = 0; voter < voters; voter++) {
            int row = table.addVoter();
            ballot(definition, voter, shape, random, (cell, answer) -> table.add(row, cell, answer));
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

    /** Complete ballots, one map of answers per voter, as members store them. */
    static List<Map<CellKey, Answer>> ballots(PollDefinition definition, int voters, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Map<CellKey, Answer>> ballots = new ArrayList<>(voters);
        for (int voter = 0; voter < voters; voter++) {
            Map<CellKey, Answer> ballot = new HashMap<>();
            ballot(definition, voter, Ballots.COMPLETE, random, ballot::put);
            ballots.add(ballot);
        }
        return ballots;
    }

    /** One voter's answers, cell by cell, to the sink. */
    private static void ballot(
            PollDefinition definition,
            int voter,
            Ballots shape,
            SplittableRandom random,
            BiConsumer<CellKey, Answer> sink) {
        double leniency = shape == Ballots.HALF ? (voter % 2 == 0 ? 0.7 : -0.7) : 0;
        boolean firstCamp = random.nextInt(10) < 6;
        List<CellKey> cells = definition.cells();
        for (int index = 0; index < cells.size(); index++) {
            CellKey cell = cells.get(index);
            if (shape == Ballots.HALF && random.nextBoolean()) {
                continue;
            }
            Answer answer = random.nextInt(20) == 0
                    ? Answer.DONT_KNOW
                    : Answer.score(score(definition, cell, leniency, random));
            if (shape == Ballots.CAMPS && index < CAMP_CELLS && answer instanceof Answer.Score) {
                boolean high = firstCamp == (index % 2 == 0);
                answer = Answer.score(
                        high
                                ? definition.scale().max() - random.nextInt(2)
                                : definition.scale().min() + random.nextInt(2));
            }
            sink.accept(cell, answer);
        }
    }

    private static int score(PollDefinition definition, CellKey cell, double leniency, SplittableRandom random) {
        double centre =
                definition.reference().getOrDefault(cell, definition.scale().midpoint()) + leniency;
        long score = Math.round(centre + (random.nextDouble() + random.nextDouble() - 1) * 1.6);
        return (int)
                Math.max(definition.scale().min(), Math.min(definition.scale().max(), score));
    }
}
