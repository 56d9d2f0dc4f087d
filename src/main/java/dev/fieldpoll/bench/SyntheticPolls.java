package dev.fieldpoll.bench;

import dev.fieldpoll.poll.CellCounts;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.report.PollReport.PollInfo;
import dev.fieldpoll.report.ReportInput;
import dev.fieldpoll.tally.VoteMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** In-memory polls of any size for benchmarks: scores around each cell's reference, 5% don't know. */
final class SyntheticPolls {

    private SyntheticPolls() {
    }

    static ReportInput input(PollDefinition definition, int voters, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int fields = definition.fields().size();
        int factors = definition.factors().size();
        int min = definition.scale().min();
        int points = definition.scale().points();
        int[][] histograms = new int[fields * factors][points];
        int[] dontKnow = new int[fields * factors];
        VoteMatrix.Builder matrix = new VoteMatrix.Builder(fields, factors, min);
        for (int voter = 0; voter < voters; voter++) {
            int row = matrix.addVoter();
            for (int field = 0; field < fields; field++) {
                for (int factor = 0; factor < factors; factor++) {
                    int cell = field * factors + factor;
                    if (random.nextInt(20) == 0) {
                        dontKnow[cell]++;
                        continue;
                    }
                    int score = score(definition, field, factor, random);
                    histograms[cell][score - min]++;
                    matrix.set(row, field, factor, score);
                }
            }
        }
        List<CellCounts> counts = new ArrayList<>();
        List<CellKey> cells = definition.cells();
        for (int cell = 0; cell < cells.size(); cell++) {
            counts.add(new CellCounts(cells.get(cell), histograms[cell], dontKnow[cell]));
        }
        PollInfo info = new PollInfo(1, "benchmark", "open", voters, min, definition.scale().max());
        return new ReportInput(info, definition, counts, matrix.build(), 3, seed);
    }

    private static int score(PollDefinition definition, int field, int factor, SplittableRandom random) {
        CellKey cell = new CellKey(definition.fields().get(field).key(), definition.factors().get(factor).key());
        double centre = definition.reference().getOrDefault(cell, definition.scale().midpoint());
        long score = Math.round(centre + (random.nextDouble() + random.nextDouble() - 1) * 1.6);
        return (int) Math.max(definition.scale().min(), Math.min(definition.scale().max(), score));
    }
}
