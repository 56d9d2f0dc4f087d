package dev.fieldpoll.report;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellCounts;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.tally.VoteMatrix;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Collects answers voter by voter into what a report is computed from: whole ballots for the
 * bootstrap and per-cell counts for everything else, in one pass.
 */
public final class BallotTable {

    private final PollDefinition definition;
    private final VoteMatrix.Builder matrix;
    private final int[][] histograms;
    private final int[] dontKnow;
    private int[] answersPerVoter = new int[64];
    private int voters;

    public BallotTable(PollDefinition definition) {
        this.definition = definition;
        this.matrix = new VoteMatrix.Builder(
                definition.fields().size(),
                definition.factors().size(),
                definition.scale().min());
        this.histograms = new int[definition.cellCount()][definition.scale().points()];
        this.dontKnow = new int[definition.cellCount()];
    }

    public static BallotTable of(PollDefinition definition, Collection<Map<CellKey, Answer>> ballots) {
        BallotTable table = new BallotTable(definition);
        for (Map<CellKey, Answer> ballot : ballots) {
            int voter = table.addVoter();
            ballot.forEach((cell, answer) -> table.add(voter, cell, answer));
        }
        return table;
    }

    /** Starts the next voter's row; returns its index. */
    public int addVoter() {
        if (voters == answersPerVoter.length) {
            answersPerVoter = java.util.Arrays.copyOf(answersPerVoter, voters * 2);
        }
        voters++;
        return matrix.addVoter();
    }

    /** Adds one answer of a voter. Cells the poll lacks are a caller's bug. */
    public void add(int voter, CellKey cell, Answer answer) {
        int field = definition.indexOfField(cell.field());
        int factor = definition.indexOfFactor(cell.factor());
        if (field < 0 || factor < 0) {
            throw new IllegalArgumentException("the poll has no cell " + cell);
        }
        int index = field * definition.factors().size() + factor;
        answersPerVoter[voter]++;
        if (answer instanceof Answer.Score score) {
            histograms[index][score.value() - definition.scale().min()]++;
            matrix.set(voter, field, factor, score.value());
        } else {
            dontKnow[index]++;
        }
    }

    public int voters() {
        return voters;
    }

    /** Voters who answered every cell; assumes each cell is added at most once per voter, as stores give them. */
    public int completeBallots() {
        int complete = 0;
        for (int voter = 0; voter < voters; voter++) {
            complete += answersPerVoter[voter] == definition.cellCount() ? 1 : 0;
        }
        return complete;
    }

    public VoteMatrix matrix() {
        return matrix.build();
    }

    /** Counts of every cell with at least one answer, in ballot order. */
    public List<CellCounts> counts() {
        List<CellCounts> counts = new ArrayList<>();
        List<CellKey> cells = definition.cells();
        for (int index = 0; index < cells.size(); index++) {
            boolean answered = dontKnow[index] > 0
                    || java.util.Arrays.stream(histograms[index]).anyMatch(n -> n > 0);
            if (answered) {
                counts.add(new CellCounts(cells.get(index), histograms[index], dontKnow[index]));
            }
        }
        return counts;
    }
}
